// The places a directive may be written (graphql-js `DirectiveLocation`), named as in SDL.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace cohort::graphql::language {

enum class directive_location : std::uint8_t {
  // executable
  query,
  mutation,
  subscription,
  field,
  fragment_definition,
  fragment_spread,
  inline_fragment,
  variable_definition,
  // type system
  schema,
  scalar,
  object,
  field_definition,
  argument_definition,
  interface,
  union_,
  enum_,
  enum_value,
  input_object,
  input_field_definition,
};

std::string_view to_string(directive_location location);  // "FIELD_DEFINITION"
std::optional<directive_location> parse_directive_location(std::string_view name);

}  // namespace cohort::graphql::language
