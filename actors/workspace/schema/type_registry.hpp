// Adds generated types to a schema_builder that may already hold some of them: the platform part
// of /graphql is added first by other code and shares names with the record part (PageInfo,
// FilterIs, WorkspaceMember, WorkflowRun, Query, ...). A type the builder lacks is added as
// generated; one it has is merged the way Twenty 1.6.0's merged /graphql schema shows it.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>

#include "graphql/type/schema_builder.hpp"

namespace cohort::actors::workspace_schema {

class type_registry {
 public:
  explicit type_registry(graphql::type::schema_builder& builder) : builder_(builder) {}

  // True once this registry has added (or merged) a type of that name: generators add each type
  // once, and a type the platform part already holds still gets its record part merged in.
  bool added(std::string_view name) const { return added_.contains(name); }

  // Objects and input objects merge field by field: the existing fields keep their place, a field
  // both define takes the generated description and the stricter (non-null) of the two types, and
  // generated fields the type lacks are appended. The generated type description wins when set.
  void add(graphql::type::object_config type);
  void add(graphql::type::input_object_config type);
  // Enums merge with the generated values first (with their descriptions), then the values only
  // the existing enum has.
  void add(graphql::type::enum_config type);
  // An existing scalar is kept: its coercions are the platform's.
  void add(graphql::type::scalar_config type);

 private:
  // The builder's entry for `name`, if any; records the name as added.
  graphql::type::schema_builder::entry* existing(const std::string& name);
  template <typename Config, typename AddNew>
  void add_or_merge(Config type, AddNew add_new);

  graphql::type::schema_builder& builder_;
  struct name_hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view name) const {
      return std::hash<std::string_view>{}(name);
    }
  };
  std::unordered_set<std::string, name_hash, std::equal_to<>> added_;
};

}  // namespace cohort::actors::workspace_schema
