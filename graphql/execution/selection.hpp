// A field's merged sub-selection as execution sees it (graphql-js `collectFields` result): for one
// object type, the response keys in order, each with its field definition and every field node
// merged under that key, fragments and @skip/@include already applied. A subtree resolver walks it
// to build one SQL statement for a whole root field.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "graphql/execution/error.hpp"
#include "graphql/execution/values.hpp"
#include "graphql/language/ast.hpp"
#include "graphql/type/definition.hpp"

namespace cohort::graphql::execution {

struct selected_field {
  std::string_view response_key;
  std::string_view name;
  // nullptr when the object type has no such field: graphql-js leaves the key out of the result.
  const type::field_definition* definition = nullptr;
  std::vector<const language::field_node*> nodes;

  // Coerced arguments, filled on first use (see resolve_info::arguments_of).
  mutable std::optional<argument_values_result> arguments;
};

struct selection {
  const type::object_type* type = nullptr;
  std::vector<selected_field> fields;
  // Set when collecting failed (an @include/@skip argument could not be coerced).
  std::optional<graphql_error> error;
};

}  // namespace cohort::graphql::execution
