// api/rest/metadata_list: Twenty's `limit` rule (default, clamp, 400s) and the metadata list
// envelope cut at id cursors, both ways.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "api/rest/metadata_list.hpp"

namespace rest = cohort::api::rest;
namespace json = boost::json;

namespace {

std::variant<std::int64_t, rest::rest_error> limit_of(const char* query) {
  return rest::parse_limit(rest::query_string(query), rest::record_limits);
}

json::array items(int n) {
  json::array out;
  for (int i = 0; i < n; ++i) out.push_back(json::object{{"id", "id" + std::to_string(i)}});
  return out;
}

json::object page_of(const json::array& all, const char* query) {
  auto request = rest::parse_page_request(rest::query_string(query), rest::metadata_limits);
  EXPECT_TRUE(std::holds_alternative<rest::page_request>(request)) << query;
  auto out = rest::page_envelope("things", all, std::get<rest::page_request>(request));
  EXPECT_TRUE(std::holds_alternative<json::object>(out)) << query;
  return std::get<json::object>(out);
}

}  // namespace

TEST(RestLimitRule, DefaultClampAndRefusals) {
  EXPECT_EQ(std::get<std::int64_t>(limit_of("")), 60);
  EXPECT_EQ(std::get<std::int64_t>(limit_of("limit=")), 60);
  EXPECT_EQ(std::get<std::int64_t>(limit_of("limit=0")), 0);
  EXPECT_EQ(std::get<std::int64_t>(limit_of("limit=17")), 17);
  EXPECT_EQ(std::get<std::int64_t>(limit_of("limit=200")), 200);
  EXPECT_EQ(std::get<std::int64_t>(limit_of("limit=201")), 200);
  EXPECT_EQ(std::get<std::int64_t>(limit_of("limit=123456789012345678901234")), 200);
  for (const char* bad :
       {"limit=-1", "limit=abc", "limit=1.5", "limit=10x", "limit=-99999999999999999999"}) {
    auto r = limit_of(bad);
    ASSERT_TRUE(std::holds_alternative<rest::rest_error>(r)) << bad;
    const auto& e = std::get<rest::rest_error>(r);
    EXPECT_EQ(e.status, 400u);
    EXPECT_EQ(e.messages.front(), "limit '" + rest::query_string(bad).get("limit").value() +
                                      "' is invalid. Should be an integer");
  }
}

TEST(MetadataListEnvelope, ForwardAndBackwardPages) {
  const auto all = items(5);
  EXPECT_EQ(page_of(all, "limit=2"), json::parse(R"({"data":{"things":[{"id":"id0"},{"id":"id1"}]},
              "pageInfo":{"hasNextPage":true,"startCursor":"id0","endCursor":"id1"},
              "totalCount":5})"));
  EXPECT_EQ(page_of(all, "limit=2&starting_after=id3"),
            json::parse(R"({"data":{"things":[{"id":"id4"}]},
              "pageInfo":{"hasNextPage":false,"startCursor":"id4","endCursor":"id4"},
              "totalCount":5})"));
  EXPECT_EQ(page_of(all, "limit=2&ending_before=id3"),
            json::parse(R"({"data":{"things":[{"id":"id1"},{"id":"id2"}]},
              "pageInfo":{"hasNextPage":false,"startCursor":"id1","endCursor":"id2"},
              "totalCount":5})"));
  EXPECT_EQ(page_of(all, "limit=2&ending_before=id0").at("pageInfo"),
            json::parse(R"({"hasNextPage":false,"startCursor":null,"endCursor":null})"));
  EXPECT_EQ(page_of(all, "").at("data").at("things").as_array().size(), 5u);
}

TEST(MetadataListEnvelope, CursorErrors) {
  auto both = rest::parse_page_request(rest::query_string("starting_after=a&ending_before=b"),
                                       rest::metadata_limits);
  ASSERT_TRUE(std::holds_alternative<rest::rest_error>(both));
  EXPECT_EQ(std::get<rest::rest_error>(both),
            rest::bad_request("'starting_after' and 'ending_before' cannot be used together."));
  auto request =
      rest::parse_page_request(rest::query_string("starting_after=zzz"), rest::metadata_limits);
  auto out = rest::page_envelope("things", items(3), std::get<rest::page_request>(request));
  ASSERT_TRUE(std::holds_alternative<rest::rest_error>(out));
  EXPECT_EQ(std::get<rest::rest_error>(out), rest::bad_request("Invalid cursor: zzz"));
}
