// GraphQL name rules as graphql-js's assertName / assertEnumValueName enforce them when a type is
// constructed; here they are reported as schema build errors instead of thrown.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cohort::graphql::type {

// The message graphql-js's assertName throws for `name`, or nullopt for a valid name.
std::optional<std::string> name_error(std::string_view name);

// assertEnumValueName: also rejects true, false and null.
std::optional<std::string> enum_value_name_error(std::string_view name);

bool is_name_start(char c);
bool is_name_continue(char c);

}  // namespace cohort::graphql::type
