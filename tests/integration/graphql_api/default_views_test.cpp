// The views a workspace starts with: an INDEX view per object users see, and a kanban of
// opportunities by stage with one group per stage, as Twenty gives a new workspace.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <map>
#include <set>

#include "demo_server.hpp"

using namespace cohort::testing;
namespace json = boost::json;

TEST(DefaultViews, EveryVisibleObjectHasItsIndexViewAndOpportunitiesAKanbanByStage) {
  auto& demo = demo_server::shared();
  auto res = demo.post(
      "{ getCoreViews { id name key type objectMetadataId viewFields { fieldMetadataId } "
      "viewGroups { fieldValue isVisible } } objects(paging: {first: 100}) { edges { node { id "
      "nameSingular isSystem } } } }",
      {}, "<demo>", "/metadata");
  ASSERT_EQ(res.status, 200u) << res.body;
  auto body = json::parse(res.body);
  ASSERT_FALSE(body.as_object().contains("errors")) << res.body;

  std::map<std::string, std::string> object_names;  // id -> nameSingular, user-visible only
  for (const auto& edge : body.at("data").at("objects").at("edges").as_array()) {
    const auto& node = edge.at("node");
    if (!node.at("isSystem").as_bool()) {
      object_names[std::string(node.at("id").as_string())] =
          std::string(node.at("nameSingular").as_string());
    }
  }
  std::set<std::string> indexed;
  const json::object* kanban = nullptr;
  for (const auto& v : body.at("data").at("getCoreViews").as_array()) {
    const auto& view = v.as_object();
    auto object = object_names.find(std::string(view.at("objectMetadataId").as_string()));
    ASSERT_NE(object, object_names.end()) << "a view of a system object: " << json::serialize(v);
    if (view.at("key") == json::value("INDEX")) {
      EXPECT_TRUE(indexed.insert(object->second).second) << "two INDEX views of " << object->second;
      EXPECT_EQ(view.at("type"), json::value("TABLE"));
      EXPECT_FALSE(view.at("viewFields").as_array().empty()) << object->second;
    } else if (view.at("type") == json::value("KANBAN")) {
      EXPECT_EQ(object->second, "opportunity");
      kanban = &view;
    }
  }
  std::set<std::string> expected;
  for (const auto& [id, name] : object_names) expected.insert(name);
  EXPECT_EQ(indexed, expected);
  EXPECT_TRUE(indexed.count("person") && indexed.count("company") && indexed.count("opportunity"));

  ASSERT_NE(kanban, nullptr);
  EXPECT_EQ(kanban->at("name"), json::value("By Stage"));
  std::vector<std::string> stages;
  for (const auto& group : kanban->at("viewGroups").as_array()) {
    stages.emplace_back(group.at("fieldValue").as_string());
    EXPECT_EQ(group.at("isVisible"), json::value(true));
  }
  EXPECT_EQ(stages,
            (std::vector<std::string>{"NEW", "SCREENING", "MEETING", "PROPOSAL", "CUSTOMER"}));
}
