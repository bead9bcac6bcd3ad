// REST's `limit` as Twenty's parseLimitRestRequest reads it: absent or empty → the default (60
// records, 1000 metadata items), above the maximum → the maximum the OpenAPI documents advertise
// (200 records, 1000 metadata items), negative or not a number → 400.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "views_env.hpp"

using namespace cohort::testing;
namespace json = boost::json;

namespace {

// 240 people of workspace A living in Captown (made once, through REST batches of 60).
const std::string& captown_filter() {
  static const std::string filter = [] {
    for (int batch = 0; batch < 4; ++batch) {
      json::array people;
      for (int i = 0; i < 60; ++i) {
        people.push_back(json::object{
            {"name",
             json::object{{"firstName", "Cap"}, {"lastName", std::to_string(batch * 60 + i)}}},
            {"city", "Captown"}});
      }
      auto res = rest_a("POST", "/rest/batch/people", json::serialize(people));
      EXPECT_EQ(res.status, 201u) << res.text;
    }
    return std::string("filter=city%5Beq%5D%3ACaptown");
  }();
  return filter;
}

std::size_t count(const json_answer& res, const char* key) {
  return res.body.at("data").at(key).as_array().size();
}

}  // namespace

TEST(RestLimit, RecordListsAreCappedAtTheAdvertisedMaximum) {
  const std::string base = "/rest/people?" + captown_filter();
  auto huge = rest_a("GET", base + "&limit=100000");
  ASSERT_EQ(huge.status, 200u) << huge.text;
  EXPECT_EQ(count(huge, "people"), 200u);
  EXPECT_EQ(huge.body.at("totalCount"), json::value(240));
  EXPECT_EQ(huge.body.at("pageInfo").at("hasNextPage"), json::value(true));
  auto beyond_int64 = rest_a("GET", base + "&limit=99999999999999999999");
  ASSERT_EQ(beyond_int64.status, 200u) << beyond_int64.text;
  EXPECT_EQ(count(beyond_int64, "people"), 200u);

  auto by_default = rest_a("GET", base);
  ASSERT_EQ(by_default.status, 200u);
  EXPECT_EQ(count(by_default, "people"), 60u);
  auto empty = rest_a("GET", base + "&limit=");
  ASSERT_EQ(empty.status, 200u) << empty.text;
  EXPECT_EQ(count(empty, "people"), 60u) << "an empty limit is the default, as in Twenty";
  auto zero = rest_a("GET", base + "&limit=0");
  ASSERT_EQ(zero.status, 200u) << zero.text;
  EXPECT_EQ(count(zero, "people"), 0u);

  expect_error(rest_a("GET", base + "&limit=-1"), 400, "BadRequestException",
               "limit '-1' is invalid. Should be an integer");
  expect_error(rest_a("GET", base + "&limit=ten"), 400, "BadRequestException",
               "limit 'ten' is invalid. Should be an integer");
  expect_error(rest_a("GET", base + "&limit=2.5"), 400, "BadRequestException",
               "limit '2.5' is invalid. Should be an integer");
}

TEST(RestLimit, TheCoreDocumentAdvertisesTheCap) {
  auto doc = rest_a("GET", "/rest/open-api/core");
  ASSERT_EQ(doc.status, 200u) << doc.text.substr(0, 300);
  const auto& schema = doc.body.at("components").at("parameters").at("limit").at("schema");
  EXPECT_EQ(schema.at("maximum"), json::value(200));
  EXPECT_EQ(schema.at("default"), json::value(60));
  auto meta = rest_a("GET", "/rest/open-api/metadata");
  ASSERT_EQ(meta.status, 200u);
  const auto& limit = meta.body.at("components").at("parameters").at("limit").at("schema");
  EXPECT_EQ(limit.at("maximum"), json::value(1000));
  EXPECT_EQ(limit.at("default"), json::value(1000));
}

TEST(RestLimit, MetadataListsAreCappedAtAThousand) {
  auto& e = views_env();
  json::object body{
      {"name", "Crowded"}, {"objectMetadataId", object_id_of("company")}, {"icon", "I"}};
  auto view = rest_a("POST", "/rest/metadata/views", json::serialize(body));
  ASSERT_EQ(view.status, 201u) << view.text;
  const std::string id = text_or(view.body, "/data/createOneView/id");
  const std::string field = field_id_of("company", "name");
  // 1005 filters, written straight into the table (no API makes that many quickly).
  e.sql("INSERT INTO core.view_entity (workspace_id, kind, id, view_id, data) SELECT '" + e.a.id +
        "', 'viewFilter', gen_random_uuid(), '" + id +
        "', jsonb_build_object('fieldMetadataId', '" + field +
        "', 'operand', 'IS', 'value', n::text, 'viewFilterGroupId', null, "
        "'positionInViewFilterGroup', null, 'subFieldName', null) FROM generate_series(1, 1005) n "
        "RETURNING 1");
  const std::string base = "/rest/metadata/viewFilters?viewId=" + id;
  auto capped = rest_a("GET", base + "&limit=5000");
  ASSERT_EQ(capped.status, 200u) << capped.text.substr(0, 300);
  EXPECT_EQ(count(capped, "viewFilters"), 1000u);
  EXPECT_EQ(capped.body.at("totalCount"), json::value(1005));
  EXPECT_EQ(capped.body.at("pageInfo").at("hasNextPage"), json::value(true));
  auto by_default = rest_a("GET", base);
  EXPECT_EQ(count(by_default, "viewFilters"), 1000u);
  auto rest =
      rest_a("GET", base + "&starting_after=" + text_or(capped.body, "/pageInfo/endCursor"));
  ASSERT_EQ(rest.status, 200u) << rest.text.substr(0, 300);
  EXPECT_EQ(count(rest, "viewFilters"), 5u);
  EXPECT_EQ(rest.body.at("pageInfo").at("hasNextPage"), json::value(false));
  expect_error(rest_a("GET", base + "&limit=x1"), 400, "BadRequestException",
               "limit 'x1' is invalid. Should be an integer");
  // objects and fields read the same rule.
  expect_error(rest_a("GET", "/rest/metadata/objects?limit=-5"), 400, "BadRequestException",
               "limit '-5' is invalid. Should be an integer");
}
