// nestjs-query's in-memory filters and offset cursors of the /metadata connections.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "api/platform/metadata_paging.hpp"

using namespace cohort::api::platform;
namespace json = boost::json;

namespace {

std::vector<json::object> nodes(int n) {
  std::vector<json::object> out;
  for (int i = 0; i < n; ++i) {
    out.push_back({{"id", "id" + std::to_string(i)}, {"isCustom", i % 2 == 0}});
  }
  return out;
}

}  // namespace

TEST(MetadataPaging, FirstAfterAndLastBefore) {
  auto page = paged_connection(nodes(5), {{"first", 2}});
  EXPECT_EQ(page.at("edges").as_array().size(), 2u);
  EXPECT_EQ(page.at("pageInfo").at("hasNextPage"), json::value(true));
  EXPECT_EQ(page.at("pageInfo").at("endCursor"), json::value("YXJyYXljb25uZWN0aW9uOjE="));
  auto next = paged_connection(nodes(5), {{"first", 10}, {"after", "YXJyYXljb25uZWN0aW9uOjE="}});
  EXPECT_EQ(next.at("edges").as_array().size(), 3u);
  EXPECT_EQ(next.at("edges").at(0).at("node").at("id"), json::value("id2"));
  EXPECT_EQ(next.at("pageInfo").at("hasPreviousPage"), json::value(true));
  EXPECT_EQ(next.at("pageInfo").at("hasNextPage"), json::value(false));
  auto last = paged_connection(nodes(5), {{"last", 2}, {"before", "YXJyYXljb25uZWN0aW9uOjQ="}});
  ASSERT_EQ(last.at("edges").as_array().size(), 2u);
  EXPECT_EQ(last.at("edges").at(0).at("node").at("id"), json::value("id2"));
  auto empty = paged_connection({}, {{"first", 10}});
  EXPECT_EQ(empty.at("pageInfo").at("startCursor"), json::value(nullptr));
}

TEST(MetadataPaging, FiltersCombineComparisons) {
  json::object node{{"id", "b"}, {"isCustom", true}, {"name", "Pet"}};
  EXPECT_TRUE(matches_filter(node, {}));
  EXPECT_TRUE(matches_filter(node, {{"isCustom", {{"is", true}}}}));
  EXPECT_FALSE(matches_filter(node, {{"isCustom", {{"isNot", true}}}}));
  EXPECT_TRUE(matches_filter(node, {{"id", {{"in", json::array{"a", "b"}}}}}));
  EXPECT_FALSE(matches_filter(node, {{"id", {{"notIn", json::array{"b"}}}}}));
  EXPECT_TRUE(matches_filter(node, {{"name", {{"iLike", "p%"}}}}));
  EXPECT_TRUE(matches_filter(node, {{"or", json::array{json::object{{"id", {{"eq", "z"}}}},
                                                       json::object{{"id", {{"gt", "a"}}}}}}}));
  EXPECT_FALSE(
      matches_filter(node, {{"and", json::array{json::object{{"id", {{"eq", "b"}}}},
                                                json::object{{"isCustom", {{"is", false}}}}}}}));
}
