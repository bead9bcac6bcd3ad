// Directive definitions (graphql-js `type/directives`): the locations a directive may appear at,
// its arguments, and the five directives every schema has unless told otherwise
// (@include, @skip, @deprecated, @specifiedBy, @oneOf).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graphql/type/definition.hpp"

namespace cohort::graphql::type {

enum class directive_location : std::uint8_t {
  // Executable locations.
  query,
  mutation,
  subscription,
  field,
  fragment_definition,
  fragment_spread,
  inline_fragment,
  variable_definition,
  // Type system locations.
  schema,
  scalar,
  object,
  field_definition,
  argument_definition,
  interface,
  union_type,
  enum_type,
  enum_value,
  input_object,
  input_field_definition,
  directive_definition,
};

inline constexpr int directive_location_count = 20;

// "QUERY", "FIELD_DEFINITION", ...
std::string_view to_string(directive_location location);
std::optional<directive_location> parse_directive_location(std::string_view name);

struct directive_definition {
  std::string name;
  std::optional<std::string> description;
  std::vector<directive_location> locations;
  std::vector<input_value> args;
  bool is_repeatable = false;
  std::optional<std::string> deprecation_reason;

  const input_value* arg(std::string_view arg_name) const;
  bool has_location(directive_location location) const;
  bool is_deprecated() const { return deprecation_reason.has_value(); }
};

// include, skip, deprecated, specifiedBy, oneOf (graphql-js `specifiedDirectives`).
bool is_specified_directive_name(std::string_view name);

}  // namespace cohort::graphql::type
