// The record schema generated from the recorded workspace's model, compared with the /graphql
// schema recorded from Twenty 1.6.0: every type, field, argument, input field and enum value, with
// type references, defaults, descriptions and order. Alone (the record part only) and merged with
// the platform types the way production builds /graphql (the whole recorded schema).
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "actors/workspace/schema/record_schema.hpp"
#include "record_schema_fixture.hpp"

namespace {

namespace json = boost::json;
namespace rs = cohort::testing::record_schema;
using cohort::actors::workspace_schema::add_record_schema;

// Shows every difference (they are one line each) and counts them.
std::size_t report(const std::vector<std::string>& diffs) {
  for (const auto& d : diffs) ADD_FAILURE() << d;
  return diffs.size();
}

std::string type_name(const json::value& type) {
  return std::string(type.at("name").as_string());
}

bool same_json(const json::object* a, const json::object* b) {
  return a && b && json::serialize(*a) == json::serialize(*b);
}

// Recorded /graphql types whose /metadata twin differs: Twenty merged a record part into them
// (PageInfo, FilterIs, WorkspaceMember, WorkflowRun, ...). Only the merged build can match them.
bool merged_in_twenty(const std::string& name) {
  return rs::metadata_type_names().contains(name) &&
         !same_json(rs::find_type(rs::golden_graphql(), name),
                    rs::find_type(rs::golden_metadata(), name));
}

json::object record_schema_alone() {
  cohort::graphql::type::schema_builder builder;
  add_record_schema(builder, *rs::recorded_model());
  return rs::introspect(std::move(builder));
}

TEST(RecordSchemaGolden, EveryRecordTypeIsTheRecordedOne) {
  const auto ours = record_schema_alone();
  std::vector<std::string> diffs;
  std::size_t compared = 0;
  for (const auto& type : rs::golden_graphql().at("types").as_array()) {
    const auto name = type_name(type);
    if (name == "Query" || name == "Mutation" || name.starts_with("__")) continue;
    const bool record_type = !rs::metadata_type_names().contains(name);
    const auto* got = rs::find_type(ours, name);
    if (record_type && got == nullptr) {
      diffs.push_back("missing type " + name);
      continue;
    }
    // A shared type we generate (FullName, UUIDFilter, DateFilter, scalars) must be the same too.
    if (got == nullptr || merged_in_twenty(name)) continue;
    auto d = rs::compare_types(type.as_object(), *got);
    diffs.insert(diffs.end(), d.begin(), d.end());
    ++compared;
  }
  for (const auto& type : ours.at("types").as_array()) {
    if (!rs::find_type(rs::golden_graphql(), type_name(type))) {
      diffs.push_back("type " + type_name(type) + " is not in the recorded schema");
    }
  }
  EXPECT_EQ(report(diffs), 0u);
  EXPECT_GE(compared, 532u);
}

TEST(RecordSchemaGolden, RecordRootFieldsAreTheRecordedOnesInTheirOrder) {
  const auto ours = record_schema_alone();
  for (const char* root : {"Query", "Mutation"}) {
    const auto platform = rs::root_field_names(rs::golden_metadata(), root);
    const auto* want = rs::find_type(rs::golden_graphql(), root);
    const auto* got = rs::find_type(ours, root);
    ASSERT_NE(got, nullptr) << root;
    std::vector<std::string> want_order, got_order;
    for (const auto& f : want->at("fields").as_array()) {
      if (!platform.contains(type_name(f))) want_order.push_back(type_name(f));
    }
    for (const auto& f : got->at("fields").as_array()) got_order.push_back(type_name(f));
    EXPECT_EQ(got_order, want_order) << root;
    const std::set<std::string> names(want_order.begin(), want_order.end());
    EXPECT_EQ(report(rs::compare_fields(*want, *got, names)), 0u) << root;
  }
}

TEST(RecordSchemaGolden, MergedWithThePlatformTypesItIsTheWholeRecordedSchema) {
  cohort::graphql::type::schema_builder builder;
  rs::add_recorded_platform_types(builder);
  add_record_schema(builder, *rs::recorded_model());
  const auto ours = rs::introspect(std::move(builder));
  ASSERT_FALSE(ours.empty());

  std::vector<std::string> diffs;
  for (const auto& type : rs::golden_graphql().at("types").as_array()) {
    // The introspection types answer what the recording's query did not ask.
    if (type_name(type).starts_with("__")) continue;
    const auto* got = rs::find_type(ours, type_name(type));
    if (got == nullptr) {
      diffs.push_back("missing type " + type_name(type));
      continue;
    }
    auto d = rs::compare_types(type.as_object(), *got);
    diffs.insert(diffs.end(), d.begin(), d.end());
  }
  EXPECT_EQ(ours.at("types").as_array().size(), rs::golden_graphql().at("types").as_array().size());
  EXPECT_EQ(report(diffs), 0u);
}

}  // namespace
