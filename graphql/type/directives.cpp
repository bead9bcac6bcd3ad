#include "graphql/type/directives.hpp"

#include <algorithm>
#include <array>

namespace cohort::graphql::type {

namespace {

constexpr std::array<std::string_view, directive_location_count> location_names = {
    "QUERY",
    "MUTATION",
    "SUBSCRIPTION",
    "FIELD",
    "FRAGMENT_DEFINITION",
    "FRAGMENT_SPREAD",
    "INLINE_FRAGMENT",
    "VARIABLE_DEFINITION",
    "SCHEMA",
    "SCALAR",
    "OBJECT",
    "FIELD_DEFINITION",
    "ARGUMENT_DEFINITION",
    "INTERFACE",
    "UNION",
    "ENUM",
    "ENUM_VALUE",
    "INPUT_OBJECT",
    "INPUT_FIELD_DEFINITION",
    "DIRECTIVE_DEFINITION",
};

}  // namespace

std::string_view to_string(directive_location location) {
  return location_names[static_cast<std::size_t>(location)];
}

std::optional<directive_location> parse_directive_location(std::string_view name) {
  for (std::size_t i = 0; i < location_names.size(); ++i) {
    if (location_names[i] == name) return static_cast<directive_location>(i);
  }
  return std::nullopt;
}

const input_value* directive_definition::arg(std::string_view arg_name) const {
  for (const auto& a : args) {
    if (a.name == arg_name) return &a;
  }
  return nullptr;
}

bool directive_definition::has_location(directive_location location) const {
  return std::find(locations.begin(), locations.end(), location) != locations.end();
}

bool is_specified_directive_name(std::string_view name) {
  return name == "include" || name == "skip" || name == "deprecated" || name == "specifiedBy" ||
         name == "oneOf";
}

}  // namespace cohort::graphql::type
