// merge{P}'s answer is the survivor after the merge, nested relations included: the one-to-many
// records of the merged-away people (their opportunities) are answered as the survivor's, in the
// same statement that moves them.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <set>

#include "demo_server.hpp"
#include "remove_at_end.hpp"

using namespace cohort::testing;
namespace json = boost::json;

namespace {

std::string created_id(demo_server& demo, const std::string& mutation, const std::string& data) {
  auto res = demo.post("mutation { " + mutation + "(data: " + data + ") { id } }");
  auto body = json::parse(res.body);
  EXPECT_FALSE(body.as_object().contains("errors")) << res.body;
  return std::string(body.at("data").at(mutation).at("id").as_string());
}

}  // namespace

TEST(GraphqlMergeAnswer, NestedRelationsAreTheSurvivorsAfterTheMerge) {
  remove_at_end cleanup{{"DELETE FROM {s}.opportunity WHERE name LIKE 'Answer deal %'",
                         "DELETE FROM {s}.person WHERE \"nameLastName\" = 'Answered'"}};
  auto& demo = demo_server::shared();
  const auto keeper =
      created_id(demo, "createPerson",
                 "{name: {firstName: \"Keeper\", lastName: \"Answered\"}, emails: {primaryEmail: "
                 "\"keeper@answer.test\"}}");
  const auto leaver =
      created_id(demo, "createPerson",
                 "{name: {firstName: \"Leaver\", lastName: \"Answered\"}, emails: {primaryEmail: "
                 "\"leaver@answer.test\"}}");
  std::set<std::string> deals;
  for (const auto& [name, owner] :
       {std::pair{"Answer deal kept", keeper}, std::pair{"Answer deal moved 1", leaver},
        std::pair{"Answer deal moved 2", leaver}}) {
    created_id(demo, "createOpportunity",
               std::string("{name: \"") + name + "\", pointOfContactId: \"" + owner + "\"}");
    deals.insert(name);
  }

  auto res = demo.post(
      "mutation($ids: [UUID!]) { mergePeople(ids: $ids, conflictPriorityIndex: 0) { id "
      "pointOfContactForOpportunities(orderBy: [{name: AscNullsFirst}]) { totalCount edges { "
      "node { name pointOfContactId pointOfContact { id } } } } } }",
      {{"ids", json::array{keeper, leaver}}});
  auto body = json::parse(res.body);
  ASSERT_FALSE(body.as_object().contains("errors")) << res.body;
  const auto& merged = body.at("data").at("mergePeople");
  EXPECT_EQ(merged.at("id"), json::value(keeper));
  const auto& opportunities = merged.at("pointOfContactForOpportunities");
  EXPECT_EQ(opportunities.at("totalCount").as_int64(), 3) << res.body;
  std::set<std::string> answered;
  for (const auto& edge : opportunities.at("edges").as_array()) {
    const auto& node = edge.at("node");
    answered.insert(std::string(node.at("name").as_string()));
    EXPECT_EQ(node.at("pointOfContactId"), json::value(keeper)) << node;
    EXPECT_EQ(node.at("pointOfContact").at("id"), json::value(keeper)) << node;
  }
  EXPECT_EQ(answered, deals) << res.body;

  // The answer is what a read after the merge sees.
  auto read = json::parse(demo.post("query($id: UUID!) { person(filter: {id: {eq: $id}}) { "
                                    "pointOfContactForOpportunities { totalCount } } }",
                                    {{"id", keeper}})
                              .body);
  EXPECT_EQ(read.at("data").at("person").at("pointOfContactForOpportunities").at("totalCount"),
            json::value(3))
      << read;
}
