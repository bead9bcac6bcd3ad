// A bounded, thread-safe cache of prepared documents: what parse and validate made of a query
// text, so that a repeated query skips both. Entries are keyed by a hash of the text (plus a
// variant number for what else changes the outcome, e.g. hidden suggestions) and confirmed by
// comparing the text itself, so a hash collision is only a miss. Least recently used entries go
// first when either the entry count or the byte budget is exceeded.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graphql/language/document.hpp"

namespace cohort::graphql::service {

// What one query text became. Immutable once built; shared by every request that uses it.
struct prepared_document {
  std::uint32_t variant = 0;
  // Null when parsing failed.
  std::shared_ptr<const language::document> document;
  // The query text when parsing failed (otherwise document->source()).
  std::string failed_source;
  // {"errors":[...]} for a syntax error or validation errors; empty for a valid document.
  std::string error_body;
  std::size_t error_count = 0;

  bool parsed() const { return document != nullptr; }
  bool valid() const { return parsed() && error_count == 0; }
  std::string_view source() const { return document ? document->source() : failed_source; }
  // Heap bytes held, for the cache's byte budget.
  std::size_t memory_bytes() const;
};

struct cache_limits {
  std::size_t max_entries = 2048;
  std::size_t max_bytes = 64u << 20;  // documents, sources and error bodies
};

struct cache_stats {
  std::uint64_t hits = 0;
  std::uint64_t misses = 0;
  std::uint64_t evictions = 0;
  std::size_t entries = 0;
  std::size_t bytes = 0;
};

class document_cache {
 public:
  explicit document_cache(cache_limits limits = {});
  document_cache(const document_cache&) = delete;
  document_cache& operator=(const document_cache&) = delete;

  // The entry for this text and variant, marked most recently used; nullptr on a miss.
  std::shared_ptr<const prepared_document> find(std::string_view text, std::uint32_t variant);
  // Adds (or replaces) the entry for entry->source() and entry->variant. An entry larger than a
  // shard's byte budget is not kept.
  void insert(std::shared_ptr<const prepared_document> entry);

  cache_stats stats() const;
  void clear();

 private:
  struct shard {
    std::mutex mutex;
    std::list<std::shared_ptr<const prepared_document>> lru;  // front: most recently used
    std::unordered_map<std::uint64_t, std::list<std::shared_ptr<const prepared_document>>::iterator>
        index;
    std::size_t bytes = 0;
  };

  static std::uint64_t key_of(std::string_view text, std::uint32_t variant);
  shard& shard_of(std::uint64_t key) { return *shards_[key % shards_.size()]; }
  void evict_locked(shard& s);

  std::vector<std::unique_ptr<shard>> shards_;
  std::size_t shard_entries_;
  std::size_t shard_bytes_;
  std::atomic<std::uint64_t> hits_{0};
  std::atomic<std::uint64_t> misses_{0};
  std::atomic<std::uint64_t> evictions_{0};
};

}  // namespace cohort::graphql::service
