// Sharded LRU: requests for different queries rarely meet on one mutex. A small cache (tests,
// tiny budgets) is one shard so that its LRU order is exact.
#include "graphql/service/document_cache.hpp"

#include <algorithm>
#include <functional>

namespace cohort::graphql::service {

std::size_t prepared_document::memory_bytes() const {
  std::size_t bytes = sizeof(*this) + failed_source.capacity() + error_body.capacity();
  if (document) bytes += sizeof(language::document) + document->memory_bytes();
  return bytes;
}

document_cache::document_cache(cache_limits limits) {
  std::size_t count = limits.max_entries >= 256 ? 8 : 1;
  shard_entries_ = std::max<std::size_t>(1, limits.max_entries / count);
  shard_bytes_ = std::max<std::size_t>(1, limits.max_bytes / count);
  for (std::size_t i = 0; i < count; ++i) shards_.push_back(std::make_unique<shard>());
}

std::uint64_t document_cache::key_of(std::string_view text, std::uint32_t variant) {
  std::uint64_t h = std::hash<std::string_view>{}(text);
  // Mix the variant in so that the variants of one text land apart.
  return h ^ (static_cast<std::uint64_t>(variant) * 0x9e3779b97f4a7c15ull);
}

std::shared_ptr<const prepared_document> document_cache::find(std::string_view text,
                                                              std::uint32_t variant) {
  std::uint64_t key = key_of(text, variant);
  shard& s = shard_of(key);
  {
    std::lock_guard lock(s.mutex);
    auto it = s.index.find(key);
    if (it != s.index.end()) {
      const auto& entry = *it->second;
      if (entry->variant == variant && entry->source() == text) {
        s.lru.splice(s.lru.begin(), s.lru, it->second);
        hits_.fetch_add(1, std::memory_order_relaxed);
        return entry;
      }
    }
  }
  misses_.fetch_add(1, std::memory_order_relaxed);
  return nullptr;
}

void document_cache::insert(std::shared_ptr<const prepared_document> entry) {
  std::size_t bytes = entry->memory_bytes();
  if (bytes > shard_bytes_) return;
  std::uint64_t key = key_of(entry->source(), entry->variant);
  shard& s = shard_of(key);
  std::shared_ptr<const prepared_document> replaced;  // released after the lock
  std::lock_guard lock(s.mutex);
  auto it = s.index.find(key);
  if (it != s.index.end()) {
    s.bytes -= (*it->second)->memory_bytes();
    replaced = std::move(*it->second);
    *it->second = std::move(entry);
    s.lru.splice(s.lru.begin(), s.lru, it->second);
  } else {
    s.lru.push_front(std::move(entry));
    s.index.emplace(key, s.lru.begin());
  }
  s.bytes += bytes;
  evict_locked(s);
}

void document_cache::evict_locked(shard& s) {
  while (!s.lru.empty() && (s.lru.size() > shard_entries_ || s.bytes > shard_bytes_)) {
    const auto& last = s.lru.back();
    s.bytes -= last->memory_bytes();
    s.index.erase(key_of(last->source(), last->variant));
    s.lru.pop_back();
    evictions_.fetch_add(1, std::memory_order_relaxed);
  }
}

cache_stats document_cache::stats() const {
  cache_stats out;
  out.hits = hits_.load(std::memory_order_relaxed);
  out.misses = misses_.load(std::memory_order_relaxed);
  out.evictions = evictions_.load(std::memory_order_relaxed);
  for (const auto& s : shards_) {
    std::lock_guard lock(s->mutex);
    out.entries += s->lru.size();
    out.bytes += s->bytes;
  }
  return out;
}

void document_cache::clear() {
  for (auto& s : shards_) {
    std::lock_guard lock(s->mutex);
    s->index.clear();
    s->lru.clear();
    s->bytes = 0;
  }
}

}  // namespace cohort::graphql::service
