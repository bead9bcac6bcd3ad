#include "api/rate_limit/token_buckets.hpp"

#include <algorithm>
#include <cmath>

namespace cohort::api::rate_limit {

namespace {

double tokens_per_ms(const bucket_options& o) {
  return o.capacity / static_cast<double>(std::max<std::int64_t>(1, o.period.count()));
}

}  // namespace

token_buckets::bucket& token_buckets::refilled(std::string_view key, clock::time_point now) {
  auto it = buckets_.find(std::string(key));
  if (it == buckets_.end()) {
    if (buckets_.size() >= options_.max_keys) forget_full_buckets(now);
    it = buckets_.emplace(std::string(key), bucket{options_.capacity, now}).first;
    return it->second;
  }
  bucket& b = it->second;
  auto elapsed = std::chrono::duration<double, std::milli>(now - b.last).count();
  if (elapsed > 0) {
    b.tokens = std::min(options_.capacity, b.tokens + elapsed * tokens_per_ms(options_));
    b.last = now;
  }
  return b;
}

decision token_buckets::refusal(const bucket& b, double wanted) const {
  double missing_ms = (wanted - b.tokens) / tokens_per_ms(options_);
  auto seconds = static_cast<std::int64_t>(std::ceil(missing_ms / 1000.0));
  return decision{false, std::chrono::seconds(std::max<std::int64_t>(1, seconds))};
}

decision token_buckets::take(std::string_view key, clock::time_point now) {
  return take_many(key, 1.0, now);
}

decision token_buckets::take_many(std::string_view key, double tokens, clock::time_point now) {
  std::lock_guard lock(mutex_);
  bucket& b = refilled(key, now);
  if (b.tokens < tokens) return refusal(b, tokens);
  b.tokens -= tokens;
  return {};
}

decision token_buckets::peek(std::string_view key, clock::time_point now) {
  std::lock_guard lock(mutex_);
  bucket& b = refilled(key, now);
  return b.tokens < 1.0 ? refusal(b) : decision{};
}

void token_buckets::spend(std::string_view key, clock::time_point now) {
  std::lock_guard lock(mutex_);
  bucket& b = refilled(key, now);
  b.tokens = std::max(0.0, b.tokens - 1.0);
}

void token_buckets::forget_full_buckets(clock::time_point now) {
  const double rate = tokens_per_ms(options_);
  for (auto it = buckets_.begin(); it != buckets_.end();) {
    auto elapsed = std::chrono::duration<double, std::milli>(now - it->second.last).count();
    if (it->second.tokens + elapsed * rate >= options_.capacity) {
      it = buckets_.erase(it);
    } else {
      ++it;
    }
  }
  // Still full of busy keys: the oldest state goes, which at worst forgives a client.
  if (buckets_.size() >= options_.max_keys) buckets_.erase(buckets_.begin());
}

}  // namespace cohort::api::rate_limit
