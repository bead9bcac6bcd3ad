// A rate limiter as the request gate uses it: take a token of a key's bucket, peek whether one is
// left, or spend one after the fact (a failed sign-in). Answers through a callback, because the
// shared implementation asks Redis; the in-process one answers at once.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "api/rate_limit/token_buckets.hpp"

namespace cohort::api::rate_limit {

enum class bucket_op { take, peek, spend };

class rate_limiter {
 public:
  virtual ~rate_limiter() = default;
  // `done` runs exactly once, on this thread or another one.
  virtual void apply(std::string key, bucket_op op, std::function<void(decision)> done) = 0;
  // Takes `tokens` tokens at once, or none when fewer are left (a quota charged per item).
  virtual void take_many(std::string key, double tokens, std::function<void(decision)> done) = 0;
};

// One node's buckets, in memory (no REDIS_URL).
class local_rate_limiter final : public rate_limiter {
 public:
  explicit local_rate_limiter(bucket_options options) : buckets_(options) {}
  void apply(std::string key, bucket_op op, std::function<void(decision)> done) override;
  void take_many(std::string key, double tokens, std::function<void(decision)> done) override;

 private:
  token_buckets buckets_;
};

}  // namespace cohort::api::rate_limit
