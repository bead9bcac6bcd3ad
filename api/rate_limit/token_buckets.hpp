// In-process token buckets keyed by a string (a token's identity, an e-mail): each holds up to
// `capacity` tokens and refills `capacity` tokens per `period`, continuously. Thread-safe; the
// number of keys is bounded (full buckets are forgotten first, as they carry no state).
#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace cohort::api::rate_limit {

using clock = std::chrono::steady_clock;

struct bucket_options {
  double capacity = 500;                      // API_RATE_LIMITING_LIMIT
  std::chrono::milliseconds period{100'000};  // API_RATE_LIMITING_TTL
  std::size_t max_keys = 100'000;             // beyond: full buckets are dropped
};

struct decision {
  bool allowed = true;
  // Whole seconds until one token is back (at least 1) when refused; 0 when allowed.
  std::chrono::seconds retry_after{0};
};

class token_buckets {
 public:
  explicit token_buckets(bucket_options options) : options_(options) {}

  // Takes one token of `key`'s bucket when there is one.
  decision take(std::string_view key, clock::time_point now = clock::now());
  // Takes `tokens` tokens at once when there are that many; none when there are fewer.
  decision take_many(std::string_view key, double tokens, clock::time_point now = clock::now());
  // Whether `key` has a token, without taking it.
  decision peek(std::string_view key, clock::time_point now = clock::now());
  // Takes a token even when none is left (the bucket goes no lower than empty): for counting
  // failures after the fact.
  void spend(std::string_view key, clock::time_point now = clock::now());

  const bucket_options& options() const { return options_; }

 private:
  struct bucket {
    double tokens = 0;
    clock::time_point last;
  };
  bucket& refilled(std::string_view key, clock::time_point now);
  decision refusal(const bucket& b, double wanted = 1.0) const;
  void forget_full_buckets(clock::time_point now);

  bucket_options options_;
  std::mutex mutex_;
  std::unordered_map<std::string, bucket> buckets_;
};

}  // namespace cohort::api::rate_limit
