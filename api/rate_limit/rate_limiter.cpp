#include "api/rate_limit/rate_limiter.hpp"

namespace cohort::api::rate_limit {

void local_rate_limiter::apply(std::string key, bucket_op op, std::function<void(decision)> done) {
  switch (op) {
    case bucket_op::take:
      return done(buckets_.take(key));
    case bucket_op::peek:
      return done(buckets_.peek(key));
    case bucket_op::spend:
      buckets_.spend(key);
      return done({});
  }
}

void local_rate_limiter::take_many(std::string key, double tokens,
                                   std::function<void(decision)> done) {
  done(buckets_.take_many(key, tokens));
}

}  // namespace cohort::api::rate_limit
