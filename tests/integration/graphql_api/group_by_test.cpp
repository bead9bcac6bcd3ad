// {p}GroupBy over HTTP: groups of people by city and by a name part, ordered by their dimension,
// each with its records (orderByForRecords), totalCount and groupByDimensionValues.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "demo_server.hpp"
#include "remove_at_end.hpp"

using namespace cohort::testing;
namespace json = boost::json;

TEST(GraphqlGroupBy, PeopleByCityWithTheirRecordsAndCounts) {
  auto& demo = demo_server::shared();
  remove_at_end cleanup{{"DELETE FROM {s}.person WHERE city IN ('Grouptown', 'Groupville')"}};
  auto created = demo.post(
      "mutation { createPeople(data: ["
      "{name: {firstName: \"Bo\", lastName: \"Group\"}, city: \"Grouptown\"}, "
      "{name: {firstName: \"Al\", lastName: \"Group\"}, city: \"Grouptown\"}, "
      "{name: {firstName: \"Cy\", lastName: \"Group\"}, city: \"Groupville\"}]) { id } }");
  ASSERT_EQ(json::parse(created.body).at("data").at("createPeople").as_array().size(), 3u)
      << created.body;

  auto res = demo.post(
      "query { peopleGroupBy(groupBy: [{city: true}], filter: {city: {in: [\"Grouptown\", "
      "\"Groupville\"]}}, orderBy: [{city: DescNullsLast}], orderByForRecords: [{name: "
      "{firstName: AscNullsFirst}}]) { groupByDimensionValues totalCount pageInfo { hasNextPage } "
      "edges { node { name { firstName } } } } }");
  ASSERT_EQ(res.status, 200u);
  auto body = json::parse(res.body);
  ASSERT_FALSE(body.as_object().contains("errors")) << res.body;
  const auto& groups = body.at("data").at("peopleGroupBy").as_array();
  ASSERT_EQ(groups.size(), 2u) << res.body;
  EXPECT_EQ(groups[0].at("groupByDimensionValues"), (json::array{"Groupville"}));
  EXPECT_EQ(groups[0].at("totalCount").as_int64(), 1);
  EXPECT_EQ(groups[1].at("groupByDimensionValues"), (json::array{"Grouptown"}));
  EXPECT_EQ(groups[1].at("totalCount").as_int64(), 2);
  const auto& edges = groups[1].at("edges").as_array();
  ASSERT_EQ(edges.size(), 2u);
  EXPECT_EQ(edges[0].at("node").at("name").at("firstName"), json::value("Al"));
  EXPECT_EQ(edges[1].at("node").at("name").at("firstName"), json::value("Bo"));

  // A composite subfield as the dimension.
  auto by_name = json::parse(
      demo.post("query { peopleGroupBy(groupBy: [{name: {firstName: true}}], filter: {city: "
                "{eq: \"Grouptown\"}}) { groupByDimensionValues totalCount } }")
          .body);
  EXPECT_EQ(by_name.at("data").at("peopleGroupBy"),
            json::parse(R"([{"groupByDimensionValues": ["Al"], "totalCount": 1},
                            {"groupByDimensionValues": ["Bo"], "totalCount": 1}])"))
      << by_name;

  // Groups are ordered by what they are grouped by.
  auto wrong =
      json::parse(demo.post("query { peopleGroupBy(groupBy: [{city: true}], orderBy: [{jobTitle: "
                            "AscNullsFirst}]) { totalCount } }")
                      .body);
  EXPECT_EQ(wrong.at("errors").at(0).at("extensions").at("code"), json::value("BAD_USER_INPUT"))
      << wrong;
}
