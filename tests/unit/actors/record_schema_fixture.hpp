// What the record-schema tests share: the recorded Twenty 1.6.0 schemas (spec/twenty-golden), the
// model of the workspace they were recorded from (standard objects in the recording's order plus
// the custom object `pet` and the custom field `person.nickname`), and a readable comparison of
// two introspected types.
#pragma once

#include <boost/json.hpp>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "graphql/type/schema_builder.hpp"
#include "model/workspace_model.hpp"

namespace cohort::testing::record_schema {

// The `__schema` objects of introspection-graphql.json and introspection-metadata.json.
const boost::json::object& golden_graphql();
const boost::json::object& golden_metadata();
// A type of a `__schema` object by name, nullptr when absent.
const boost::json::object* find_type(const boost::json::object& schema, std::string_view name);
// Names of the /metadata types: the golden /graphql types not among them are the record types.
const std::set<std::string>& metadata_type_names();
// Names of the root fields of `root` ("Query", "Mutation") in a `__schema` object.
std::set<std::string> root_field_names(const boost::json::object& schema, std::string_view root);

// The objects of the recorded workspace, in the recording's order (its Query field order).
std::vector<model::object_metadata> recorded_objects();
std::shared_ptr<const model::workspace_model> recorded_model();
// Just the 34 standard objects as model/standard declares them.
std::shared_ptr<const model::workspace_model> standard_model();

// Adds the platform part of /graphql to `builder` the way production will: the /metadata types
// and root fields the recorded /graphql schema also has.
void add_recorded_platform_types(graphql::type::schema_builder& builder);

// Differences between a golden type and ours, one readable line each ("Person.name: type
// FullName, want FullName!"); empty when equal (kind, descriptions, fields in order with their
// types, arguments, defaults and deprecation, input fields, enum values, interfaces).
std::vector<std::string> compare_types(const boost::json::object& want,
                                       const boost::json::object& got);
// compare_types over the named fields of two root types only.
std::vector<std::string> compare_fields(const boost::json::object& want,
                                        const boost::json::object& got,
                                        const std::set<std::string>& names);

// The introspection (`__schema` object) of a built schema; fails the test when it did not build.
boost::json::object introspect(graphql::type::schema_builder builder);

}  // namespace cohort::testing::record_schema
