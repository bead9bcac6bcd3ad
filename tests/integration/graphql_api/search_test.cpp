// Query.search on the demo workspace: prefix full-text matches across objects, ranked and paged
// with Twenty's cursor, accent-insensitive, with object inclusion/exclusion and record filters.
#include <gtest/gtest.h>

#include <set>

#include <boost/json/parse.hpp>

#include "demo_server.hpp"

using namespace cohort::testing;
namespace json = boost::json;

namespace {

const char* kSearch =
    "query($text: String!, $limit: Int!, $after: String, $included: [String!], "
    "$excluded: [String!], $filter: ObjectRecordFilterInput) { search(searchInput: $text, "
    "limit: $limit, after: $after, includedObjectNameSingulars: $included, "
    "excludedObjectNameSingulars: $excluded, filter: $filter) { edges { cursor node { recordId "
    "objectNameSingular label imageUrl tsRankCD tsRank } } pageInfo { hasNextPage endCursor } } }";

json::value search(const json::object& variables) {
  auto res = demo_server::shared().post(kSearch, variables);
  EXPECT_EQ(res.status, 200u) << res.body;
  return json::parse(res.body);
}

std::vector<std::string> labels(const json::value& body) {
  std::vector<std::string> out;
  for (const auto& edge : body.at("data").at("search").at("edges").as_array()) {
    out.emplace_back(edge.at("node").at("label").as_string());
  }
  return out;
}

}  // namespace

TEST(Search, FindsPeopleAndCompaniesByWordPrefixRankedByRelevance) {
  auto body = search({{"text", "bri"}, {"limit", 10}});
  ASSERT_FALSE(body.as_object().contains("errors")) << body;
  const auto& edges = body.at("data").at("search").at("edges").as_array();
  ASSERT_FALSE(edges.empty());
  const auto& top = edges.at(0).at("node");
  EXPECT_EQ(top.at("label"), json::value("Brian Chesky"));
  EXPECT_EQ(top.at("objectNameSingular"), json::value("person"));
  EXPECT_GT(top.at("tsRankCD").as_double(), 0);
  // Ranks never increase down the list.
  for (std::size_t i = 1; i < edges.size(); ++i) {
    EXPECT_LE(edges[i].at("node").at("tsRankCD").as_double(),
              edges[i - 1].at("node").at("tsRankCD").as_double());
  }

  auto company = search({{"text", "airbnb"}, {"limit", 5}, {"included", json::array{"company"}}});
  ASSERT_EQ(labels(company), std::vector<std::string>{"Airbnb"});
  EXPECT_EQ(company.at("data").at("search").at("edges").at(0).at("node").at("imageUrl"),
            json::value("https://twenty-icons.com/airbnb.com"));
}

TEST(Search, IgnoresAccentsAndFindsNewRecordsAtOnce) {
  auto created =
      json::parse(demo_server::shared()
                      .post("mutation { createPerson(data: {name: {firstName: \"Zoë\", lastName: "
                            "\"Ångström\"}, jobTitle: \"Physicist\"}) { id } }")
                      .body);
  std::string id(created.at("data").at("createPerson").at("id").as_string());
  auto body = search({{"text", "zoe angstr"}, {"limit", 5}});
  ASSERT_EQ(labels(body), std::vector<std::string>{"Zoë Ångström"});
  EXPECT_EQ(body.at("data").at("search").at("edges").at(0).at("node").at("recordId"),
            json::value(id));
  // A soft-deleted record leaves the results unless the filter asks for deleted ones.
  demo_server::shared().post("mutation($id: UUID!) { deletePerson(id: $id) { id } }", {{"id", id}});
  EXPECT_TRUE(labels(search({{"text", "physicist"}, {"limit", 5}})).empty());
  auto deleted = search(
      {{"text", "physicist"}, {"limit", 5}, {"filter", {{"deletedAt", {{"is", "NOT_NULL"}}}}}});
  EXPECT_EQ(labels(deleted), std::vector<std::string>{"Zoë Ångström"});
}

TEST(Search, PagesWithCursorsCoverEveryHitOnce) {
  auto all = search({{"text", "a"}, {"limit", 200}});
  const auto everything = all.at("data").at("search").at("edges").as_array().size();
  ASSERT_GT(everything, 4u);
  std::multiset<std::string> seen;
  json::object variables{{"text", "a"}, {"limit", 2}};
  for (int page = 0; page < 100; ++page) {
    auto body = search(variables);
    ASSERT_FALSE(body.as_object().contains("errors")) << body;
    const auto& result = body.at("data").at("search");
    for (const auto& edge : result.at("edges").as_array()) {
      seen.insert(std::string(edge.at("node").at("recordId").as_string()));
    }
    if (!result.at("pageInfo").at("hasNextPage").as_bool()) break;
    variables["after"] = result.at("pageInfo").at("endCursor");
  }
  EXPECT_EQ(seen.size(), everything);
  for (const auto& id : seen) EXPECT_EQ(seen.count(id), 1u) << id;
}

TEST(Search, ExcludedObjectsAndBadCursors) {
  auto body = search({{"text", "a"}, {"limit", 50}, {"excluded", json::array{"person"}}});
  for (const auto& edge : body.at("data").at("search").at("edges").as_array()) {
    EXPECT_NE(edge.at("node").at("objectNameSingular"), json::value("person"));
  }
  auto bad = search({{"text", "a"}, {"limit", 5}, {"after", "garbage"}});
  ASSERT_TRUE(bad.as_object().contains("errors")) << bad;
  EXPECT_EQ(bad.at("errors").at(0).at("extensions").at("subCode"), json::value("INVALID_CURSOR"));
  // Words that match nothing answer an empty connection, not an error.
  auto none = search({{"text", "qqqzzzxxx"}, {"limit", 5}});
  EXPECT_TRUE(labels(none).empty());
  EXPECT_EQ(none.at("data").at("search").at("pageInfo").at("hasNextPage"), json::value(false));
}
