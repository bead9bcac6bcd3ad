// Token buckets shared by every node through Redis (REDIS_URL): each bucket is a hash updated by
// one Lua script on Redis' own clock, so nodes never disagree on time. One worker thread per node
// owns a blocking hiredis connection and pipelines whatever requests are waiting; callers never
// wait for it. If Redis cannot be reached, requests are let through (and it is logged): the
// limiter protects the server, it must not take it down.
#pragma once

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "api/rate_limit/rate_limiter.hpp"
#include "storage/redis/redis_url.hpp"

namespace cohort::api::rate_limit {

// The connection and thread several limiters (API, sign-in) share.
class redis_bucket_worker {
 public:
  explicit redis_bucket_worker(storage::redis::redis_endpoint endpoint);
  ~redis_bucket_worker();
  redis_bucket_worker(const redis_bucket_worker&) = delete;
  redis_bucket_worker& operator=(const redis_bucket_worker&) = delete;

  struct job {
    std::string key;
    bucket_options options;
    bucket_op op;
    std::function<void(decision)> done;
    double tokens = 1;  // taken (or needed) at once
  };
  void submit(job j);

 private:
  void run();

  storage::redis::redis_endpoint endpoint_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<job> queue_;
  bool stopping_ = false;
  std::thread thread_;
};

class redis_rate_limiter final : public rate_limiter {
 public:
  // Keys are stored as `prefix` + key.
  redis_rate_limiter(std::shared_ptr<redis_bucket_worker> worker, std::string prefix,
                     bucket_options options)
      : worker_(std::move(worker)), prefix_(std::move(prefix)), options_(options) {}
  void apply(std::string key, bucket_op op, std::function<void(decision)> done) override;
  void take_many(std::string key, double tokens, std::function<void(decision)> done) override;

 private:
  std::shared_ptr<redis_bucket_worker> worker_;
  std::string prefix_;
  bucket_options options_;
};

}  // namespace cohort::api::rate_limit
