#include "api/rate_limit/shared_limiters.hpp"

#include <map>
#include <mutex>

#include "api/rate_limit/redis_rate_limiter.hpp"
#include "storage/redis/redis_url.hpp"

namespace cohort::api::rate_limit {

namespace {

struct registry {
  std::mutex mutex;
  std::map<std::string, std::shared_ptr<redis_bucket_worker>> workers;  // by REDIS_URL
  std::map<std::string, std::shared_ptr<rate_limiter>> limiters;
};

// Never destroyed: a worker thread must not be joined during static destruction.
registry& shared_registry() {
  static auto* r = new registry();
  return *r;
}

}  // namespace

std::shared_ptr<rate_limiter> shared_limiter(const std::string& redis_url,
                                             const std::string& prefix, bucket_options options) {
  auto& r = shared_registry();
  std::string key = redis_url + "\n" + prefix + "\n" + std::to_string(options.capacity) + "\n" +
                    std::to_string(options.period.count());
  std::lock_guard lock(r.mutex);
  if (auto it = r.limiters.find(key); it != r.limiters.end()) return it->second;
  std::shared_ptr<rate_limiter> limiter;
  if (auto endpoint =
          redis_url.empty() ? std::nullopt : storage::redis::parse_redis_url(redis_url)) {
    auto& worker = r.workers[redis_url];
    if (!worker) worker = std::make_shared<redis_bucket_worker>(*endpoint);
    limiter = std::make_shared<redis_rate_limiter>(worker, prefix, options);
  } else {
    limiter = std::make_shared<local_rate_limiter>(options);
  }
  r.limiters.emplace(std::move(key), limiter);
  return limiter;
}

}  // namespace cohort::api::rate_limit
