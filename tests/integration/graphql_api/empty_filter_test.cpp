// The empty-filter guard of the bulk mutations (spec §8.4): Twenty 1.6.0's /graphql accepts
// `updatePeople(filter: {})` and rewrites every row; Cohort refuses it, and filters made only of
// empty logical groups, with Twenty's newer error, and touches nothing.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "demo_server.hpp"

using namespace cohort::testing;
namespace json = boost::json;

TEST(GraphqlEmptyFilterGuard, BulkMutationsRefuseEmptyFiltersAndTouchNoRow) {
  auto& demo = demo_server::shared();
  auto before = demo.sql(
      "SELECT count(*), count(*) FILTER (WHERE \"deletedAt\" IS NOT NULL), "
      "count(*) FILTER (WHERE \"jobTitle\" = 'Guarded') FROM {s}.person");
  ASSERT_TRUE(before.ok());
  const std::vector<std::pair<std::string, std::string>> mutations = {
      {"updatePeople", "updatePeople(filter: FILTER, data: {jobTitle: \"Guarded\"}) { id }"},
      {"deletePeople", "deletePeople(filter: FILTER) { id }"},
      {"destroyPeople", "destroyPeople(filter: FILTER) { id }"},
      {"restorePeople", "restorePeople(filter: FILTER) { id }"},
  };
  for (const char* filter : {"{}", "{and: []}", "{or: [{and: []}], not: {}}"}) {
    for (const auto& [field, text] : mutations) {
      std::string selection = text;
      selection.replace(selection.find("FILTER"), 6, filter);
      auto res = demo.post("mutation { " + selection + " }");
      ASSERT_EQ(res.status, 200u);
      auto body = json::parse(res.body);
      EXPECT_EQ(body.at("data").at(field), json::value(nullptr)) << res.body;
      const auto& error = body.at("errors").at(0);
      EXPECT_EQ(error.at("message"), json::value("A non-empty filter is required")) << field;
      EXPECT_EQ(error.at("extensions").at("code"), json::value("BAD_USER_INPUT"));
      EXPECT_EQ(error.at("extensions").at("subCode"), json::value("INVALID_QUERY_INPUT"));
      EXPECT_TRUE(error.at("extensions").at("userFriendlyMessage").is_string());
    }
  }
  auto after = demo.sql(
      "SELECT count(*), count(*) FILTER (WHERE \"deletedAt\" IS NOT NULL), "
      "count(*) FILTER (WHERE \"jobTitle\" = 'Guarded') FROM {s}.person");
  ASSERT_TRUE(after.ok());
  for (int c = 0; c < 3; ++c) EXPECT_EQ(after.get(0, c), before.get(0, c)) << "column " << c;
  EXPECT_EQ(after.get(0, 2), "0");
}
