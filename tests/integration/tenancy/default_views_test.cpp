// Workspaces activated through sign-up get their default views at activation (INDEX views and
// opportunities "By Stage"), each workspace its own rows.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <set>

#include "integration/tokens/two_workspaces.hpp"

using namespace cohort::testing;
namespace json = boost::json;

namespace {

two_workspaces& env() {
  static auto* instance = new two_workspaces("default_views");
  return *instance;
}

std::set<std::string> view_ids(const json::value& answer) {
  std::set<std::string> out;
  for (const auto& v : answer.at("data").at("getCoreViews").as_array()) {
    out.insert(std::string(v.at("id").as_string()));
  }
  return out;
}

}  // namespace

TEST(DefaultViewsAtActivation, EachActivatedWorkspaceGetsItsOwnViews) {
  auto& e = env();
  const char* query = "{ getCoreViews { id name key type } }";
  auto a = e.graphql(query, {}, e.a.access, "/metadata");
  auto b = e.graphql(query, {}, e.b.access, "/metadata");
  ASSERT_FALSE(a.as_object().contains("errors")) << json::serialize(a);
  ASSERT_FALSE(b.as_object().contains("errors")) << json::serialize(b);

  std::set<std::string> names;
  for (const auto& v : a.at("data").at("getCoreViews").as_array()) {
    names.insert(std::string(v.at("name").as_string()));
  }
  EXPECT_TRUE(names.count("All People") && names.count("All Companies") &&
              names.count("All Opportunities") && names.count("By Stage"))
      << json::serialize(a);

  auto ids_a = view_ids(a), ids_b = view_ids(b);
  EXPECT_EQ(ids_a.size(), ids_b.size());
  for (const auto& id : ids_a) EXPECT_EQ(ids_b.count(id), 0u) << "a view shared across workspaces";
}
