#include "graphql/language/directive_location.hpp"

#include <array>

namespace cohort::graphql::language {

namespace {
constexpr std::array<std::string_view, 19> location_names = {
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
};
static_assert(location_names.size() ==
              static_cast<std::size_t>(directive_location::input_field_definition) + 1);
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

}  // namespace cohort::graphql::language
