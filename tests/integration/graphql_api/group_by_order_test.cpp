// {p}GroupBy's orderBy on /graphql: groups ordered by an aggregate, both ways, or by a date
// dimension, in newer Twenty's {S}OrderByWithGroupByInput shape (Twenty 1.6.0 has no groupBy
// root field; its {S}GroupByInput types dates as Boolean, so granularities are REST's:
// tests/integration/rest/group_by_granularity_test.cpp).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "demo_server.hpp"
#include "remove_at_end.hpp"

using namespace cohort::testing;
namespace json = boost::json;

namespace {

// The groups' dimension values and counts, in the order answered.
json::array groups_of(const raw_response& res) {
  auto body = json::parse(res.body);
  EXPECT_FALSE(body.as_object().contains("errors")) << res.body;
  json::array out;
  if (!body.at("data").is_object()) return out;
  for (const auto& g : body.at("data").at("peopleGroupBy").as_array()) {
    out.push_back(json::array{g.at("groupByDimensionValues").at(0), g.at("totalCount")});
  }
  return out;
}

}  // namespace

TEST(GraphqlGroupByOrder, GroupsOrderedByAggregateBothWays) {
  auto& demo = demo_server::shared();
  remove_at_end cleanup{{"DELETE FROM {s}.person WHERE city LIKE 'Ordville%'"}};
  auto created = demo.post(
      "mutation { createPeople(data: ["
      "{name: {firstName: \"A\", lastName: \"Ord\"}, city: \"Ordville One\"}, "
      "{name: {firstName: \"B\", lastName: \"Ord\"}, city: \"Ordville Three\"}, "
      "{name: {firstName: \"C\", lastName: \"Ord\"}, city: \"Ordville Three\"}, "
      "{name: {firstName: \"D\", lastName: \"Ord\"}, city: \"Ordville Three\"}, "
      "{name: {firstName: \"E\", lastName: \"Ord\"}, city: \"Ordville Two\"}, "
      "{name: {firstName: \"F\", lastName: \"Ord\"}, city: \"Ordville Two\"}]) { id } }");
  ASSERT_EQ(json::parse(created.body).at("data").at("createPeople").as_array().size(), 6u)
      << created.body;
  const std::string query =
      "query($o: [PersonOrderByWithGroupByInput!]) { peopleGroupBy(groupBy: [{city: true}], "
      "filter: {city: {like: \"Ordville%\"}}, orderBy: $o) { groupByDimensionValues totalCount } "
      "}";
  auto order = [](const char* text) { return json::object{{"o", json::parse(text)}}; };

  EXPECT_EQ(
      groups_of(demo.post(query, order(R"([{"aggregate": {"totalCount": "DescNullsLast"}}])"))),
      json::parse(R"([["Ordville Three", 3], ["Ordville Two", 2], ["Ordville One", 1]])"));
  EXPECT_EQ(
      groups_of(demo.post(query, order(R"([{"aggregate": {"totalCount": "AscNullsFirst"}}])"))),
      json::parse(R"([["Ordville One", 1], ["Ordville Two", 2], ["Ordville Three", 3]])"));
  // An aggregate over a field: the last first name of each group, then the dimension itself.
  EXPECT_EQ(groups_of(demo.post(query,
                                order(R"([{"aggregate": {"countUniqueValuesName": "DescNullsLast"}},
                                           {"city": "DescNullsLast"}])"))),
            json::parse(R"([["Ordville Three", 3], ["Ordville Two", 2], ["Ordville One", 1]])"));
  // The dimension alone, and with no orderBy the dimensions ascending.
  EXPECT_EQ(groups_of(demo.post(query, order(R"([{"city": "DescNullsLast"}])"))),
            json::parse(R"([["Ordville Two", 2], ["Ordville Three", 3], ["Ordville One", 1]])"));
  EXPECT_EQ(groups_of(demo.post(query, json::object{{"o", nullptr}})),
            json::parse(R"([["Ordville One", 1], ["Ordville Three", 3], ["Ordville Two", 2]])"));
}

TEST(GraphqlGroupByOrder, DateDimensionsAndRefusedOrders) {
  auto& demo = demo_server::shared();
  remove_at_end cleanup{{"DELETE FROM {s}.person WHERE city = 'Datedville'"}};
  auto created = demo.post(
      "mutation { createPeople(data: ["
      "{city: \"Datedville\", createdAt: \"2024-03-01T10:00:00.123Z\"}, "
      "{city: \"Datedville\", createdAt: \"2025-07-14T08:30:00.456Z\"}]) { id } }");
  ASSERT_EQ(json::parse(created.body).at("data").at("createPeople").as_array().size(), 2u)
      << created.body;
  // createdAt grouped by its exact value is ordered with the granularity left out (or NONE).
  for (const char* direction : {"DescNullsLast", "AscNullsFirst"}) {
    auto by_date = json::parse(
        demo.post("query { peopleGroupBy(groupBy: [{createdAt: true}], filter: {city: {eq: "
                  "\"Datedville\"}}, orderBy: [{createdAt: {orderBy: " +
                  std::string(direction) + "}}]) { groupByDimensionValues } }")
            .body);
    const auto descending = std::string(direction) == "DescNullsLast";
    EXPECT_EQ(by_date.at("data").at("peopleGroupBy"),
              json::parse(descending ? R"([{"groupByDimensionValues": ["2025-07-14T08:30:00.456Z"]},
                                   {"groupByDimensionValues": ["2024-03-01T10:00:00.123Z"]}])"
                                     : R"([{"groupByDimensionValues": ["2024-03-01T10:00:00.123Z"]},
                                   {"groupByDimensionValues": ["2025-07-14T08:30:00.456Z"]}])"))
        << by_date;
  }

  // Another granularity than the dimension's, an aggregate the object does not have (a
  // validation error: the input lists the aggregates), a field it is not grouped by.
  auto other = json::parse(
      demo.post("query { peopleGroupBy(groupBy: [{createdAt: true}], orderBy: [{createdAt: "
                "{orderBy: AscNullsFirst, granularity: MONTH}}]) { totalCount } }")
          .body);
  EXPECT_EQ(other.at("errors").at(0).at("extensions").at("code"), json::value("BAD_USER_INPUT"))
      << other;
  EXPECT_EQ(other.at("errors").at(0).at("message"),
            json::value("Groups can only be ordered by a field they are grouped by: createdAt"));
  auto unknown = json::parse(
      demo.post("query { peopleGroupBy(groupBy: [{city: true}], orderBy: [{aggregate: {sumNope: "
                "AscNullsFirst}}]) { totalCount } }")
          .body);
  EXPECT_TRUE(unknown.as_object().contains("errors")) << unknown;
  EXPECT_FALSE(unknown.as_object().contains("data")) << unknown;
  auto two = json::parse(
      demo.post("query { peopleGroupBy(groupBy: [{city: true}], orderBy: [{aggregate: "
                "{totalCount: AscNullsFirst, maxCreatedAt: AscNullsFirst}}]) { totalCount } }")
          .body);
  EXPECT_EQ(two.at("errors").at(0).at("extensions").at("code"), json::value("BAD_USER_INPUT"))
      << two;
}
