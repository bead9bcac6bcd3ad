// The prepared-document cache: hits only for the same text and variant, least recently used
// entries evicted by count and by bytes, oversized entries not kept, and many threads at once.
#include <gtest/gtest.h>

#include <thread>

#include "graphql/language/parser.hpp"
#include "graphql/service/document_cache.hpp"

namespace {

using namespace cohort::graphql;
using service::document_cache;
using service::prepared_document;

std::shared_ptr<const prepared_document> entry(std::string_view text, std::uint32_t variant = 0) {
  auto e = std::make_shared<prepared_document>();
  e->variant = variant;
  auto parsed = language::parse(text);
  if (parsed) {
    e->document = std::make_shared<const language::document>(std::move(parsed).value());
  } else {
    e->failed_source = std::string(text);
    e->error_body = R"({"errors":[{"message":"bad"}]})";
    e->error_count = 1;
  }
  return e;
}

TEST(ServiceCache, HitOnlyForTheSameTextAndVariant) {
  document_cache cache({16, 1 << 20});
  auto a = entry("{ a }");
  cache.insert(a);
  EXPECT_EQ(cache.find("{ a }", 0), a);
  EXPECT_EQ(cache.find("{ a }", 1), nullptr);
  EXPECT_EQ(cache.find("{ a } ", 0), nullptr);
  EXPECT_EQ(cache.find("{ b }", 0), nullptr);
  auto stats = cache.stats();
  EXPECT_EQ(stats.hits, 1u);
  EXPECT_EQ(stats.misses, 3u);
  EXPECT_EQ(stats.entries, 1u);
}

TEST(ServiceCache, KeepsSyntaxErrorsByTheirText) {
  document_cache cache({16, 1 << 20});
  auto bad = entry("{ a");
  ASSERT_FALSE(bad->parsed());
  cache.insert(bad);
  auto found = cache.find("{ a", 0);
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(found->error_body, R"({"errors":[{"message":"bad"}]})");
}

TEST(ServiceCache, EvictsTheLeastRecentlyUsedByCount) {
  document_cache cache({2, 1 << 20});
  cache.insert(entry("{ a }"));
  cache.insert(entry("{ b }"));
  ASSERT_NE(cache.find("{ a }", 0), nullptr);  // b is now the oldest
  cache.insert(entry("{ c }"));
  EXPECT_NE(cache.find("{ a }", 0), nullptr);
  EXPECT_EQ(cache.find("{ b }", 0), nullptr);
  EXPECT_NE(cache.find("{ c }", 0), nullptr);
  EXPECT_EQ(cache.stats().entries, 2u);
  EXPECT_EQ(cache.stats().evictions, 1u);
}

TEST(ServiceCache, EvictsByBytesAndRefusesAnEntryLargerThanTheBudget) {
  auto small = entry("{ a }");
  std::size_t one = small->memory_bytes();
  document_cache cache({100, one * 2 + one / 2});
  cache.insert(small);
  cache.insert(entry("{ b }"));
  cache.insert(entry("{ c }"));  // three do not fit: a goes
  EXPECT_EQ(cache.find("{ a }", 0), nullptr);
  EXPECT_NE(cache.find("{ b }", 0), nullptr);
  EXPECT_NE(cache.find("{ c }", 0), nullptr);
  EXPECT_LE(cache.stats().bytes, one * 2 + one / 2);

  std::string huge = "{ " + std::string(4 * one, 'x') + " }";
  cache.insert(entry(huge));
  EXPECT_EQ(cache.find(huge, 0), nullptr);
  EXPECT_NE(cache.find("{ b }", 0), nullptr);  // nothing was evicted for it
}

TEST(ServiceCache, ReplacingAnEntryKeepsTheByteCountExact) {
  document_cache cache({16, 1 << 20});
  cache.insert(entry("{ a }"));
  auto before = cache.stats().bytes;
  cache.insert(entry("{ a }"));
  EXPECT_EQ(cache.stats().entries, 1u);
  EXPECT_EQ(cache.stats().bytes, before);
  cache.clear();
  EXPECT_EQ(cache.stats().entries, 0u);
  EXPECT_EQ(cache.stats().bytes, 0u);
}

TEST(ServiceCache, ManyThreadsFindAndInsertConsistently) {
  document_cache cache({300, 1 << 20});  // sharded
  std::vector<std::string> texts;
  for (int i = 0; i < 500; ++i) texts.push_back("{ f" + std::to_string(i) + " }");
  std::vector<std::thread> threads;
  std::atomic<int> wrong{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2000; ++i) {
        const auto& text = texts[(i * 7 + t * 13) % texts.size()];
        auto found = cache.find(text, 0);
        if (found == nullptr) {
          cache.insert(entry(text));
        } else if (found->source() != text) {
          ++wrong;
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  auto stats = cache.stats();
  EXPECT_EQ(wrong.load(), 0);
  EXPECT_EQ(stats.hits + stats.misses, 8000u);
  EXPECT_LE(stats.entries, 300u);
  EXPECT_GT(stats.hits, 0u);
}

}  // namespace
