#include "graphql/type/names.hpp"

namespace cohort::graphql::type {

bool is_name_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool is_name_continue(char c) {
  return is_name_start(c) || (c >= '0' && c <= '9');
}

std::optional<std::string> name_error(std::string_view name) {
  if (name.empty()) return "Expected name to be a non-empty string.";
  for (std::size_t i = 1; i < name.size(); ++i) {
    if (!is_name_continue(name[i])) {
      return "Names must only contain [_a-zA-Z0-9] but \"" + std::string(name) + "\" does not.";
    }
  }
  if (!is_name_start(name[0])) {
    return "Names must start with [_a-zA-Z] but \"" + std::string(name) + "\" does not.";
  }
  return std::nullopt;
}

std::optional<std::string> enum_value_name_error(std::string_view name) {
  if (name == "true" || name == "false" || name == "null") {
    return "Enum values cannot be named: " + std::string(name);
  }
  return name_error(name);
}

}  // namespace cohort::graphql::type
