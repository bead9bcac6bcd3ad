// Schema validation (graphql-js `validateSchema`): the type-system rules of the specification,
// with graphql-js's messages and in its order. Run by schema_builder::build on every new schema.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graphql/type/schema.hpp"

namespace cohort::graphql::type::detail {

class schema_validator {
 public:
  explicit schema_validator(const schema& s) : schema_(s) {}
  std::vector<std::string> run();

 private:
  void validate_root_types();
  void validate_directives();
  void validate_types();
  void validate_name(std::string_view name);
  void validate_fields(const fields_type& type);
  void validate_interfaces(const fields_type& type);
  void validate_type_implements_interface(const fields_type& type, const interface_type& iface);
  void validate_type_implements_ancestors(const fields_type& type, const interface_type& iface);
  void validate_union_members(const union_type& type);
  void validate_enum_values(const enum_type& type);
  void validate_input_fields(const input_object_type& type);
  void detect_input_cycles(const input_object_type& type);
  void report(std::string message) { errors_.push_back(std::move(message)); }

  const schema& schema_;
  std::vector<std::string> errors_;
  // Input object cycle search (graphql-js createInputObjectCircularRefsValidator).
  std::vector<bool> visited_inputs_;
  std::vector<const input_value*> field_path_;
  std::unordered_map<const named_type*, std::size_t> field_path_index_;
};

}  // namespace cohort::graphql::type::detail
