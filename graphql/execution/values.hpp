// Input coercion (graphql-js `coerceInputValue`, `valueFromAST`, `coerceVariableValues`,
// `getArgumentValues`, `getDirectiveValues`): external JSON and document literals turned into the
// internal values resolvers see, with graphql-js's messages. `std::nullopt` stands for JavaScript's
// `undefined` (no value / invalid) where graphql-js returns it.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <functional>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "graphql/execution/error.hpp"
#include "graphql/language/ast.hpp"
#include "graphql/language/document.hpp"
#include "graphql/type/schema.hpp"

namespace cohort::graphql::execution {

// One step of an input path: a field name or a list index.
using input_path_item = std::variant<std::string, std::size_t>;
using input_path = std::vector<input_path_item>;

// graphql-js printPathArray: `.a[0].b`.
std::string print_path_array(const input_path& path);

using input_error_fn = std::function<void(
    const input_path& path, const boost::json::value* invalid_value, const std::string& message)>;

// graphql-js coerceInputValue with an onError callback; `invalid_value` is nullptr for undefined.
// Returns nullopt where graphql-js returns undefined (after reporting an error).
std::optional<boost::json::value> coerce_input_value(const boost::json::value& input,
                                                     type::type_ref type,
                                                     const input_error_fn& on_error,
                                                     bool hide_suggestions = false);

// graphql-js coerceInputValue with its default onError: the first error as
// `Invalid value 1 at "value.a": <message>`, or the coerced value.
struct coerce_result {
  std::optional<boost::json::value> value;
  std::string error;
};
coerce_result coerce_input_value(const boost::json::value& input, type::type_ref type);

// graphql-js valueFromAST: nullopt when the literal is invalid for the type. `variables` may be
// null (no variables).
std::optional<boost::json::value> value_from_ast(const language::value_node* value,
                                                 type::type_ref type,
                                                 const boost::json::object* variables);

// graphql-js typeFromAST: an empty type_ref when a named type is unknown.
type::type_ref type_from_ast(const type::schema& schema, const language::type_node& node);

struct variable_values_result {
  boost::json::object coerced;
  std::vector<graphql_error> errors;  // when not empty, `coerced` is meaningless
};

struct variable_options {
  std::size_t max_errors = 50;  // graphql-js maxCoercionErrors
  bool hide_suggestions = false;
};

// graphql-js getVariableValues for an operation's variable definitions.
variable_values_result coerce_variable_values(const type::schema& schema,
                                              const language::document& document,
                                              const language::operation_definition_node& op,
                                              const boost::json::object& inputs,
                                              const variable_options& options = {});

// graphql-js getArgumentValues: the coerced arguments in definition order, or the error it throws.
struct argument_values_result {
  boost::json::object values;
  std::optional<graphql_error> error;
};
argument_values_result get_argument_values(std::span<const type::input_value> defs,
                                           language::node_span<language::argument_node> args,
                                           const language::node& error_node,
                                           const language::document& document,
                                           const boost::json::object& variables);

// graphql-js getDirectiveValues: nullopt when the node has no such directive.
std::optional<argument_values_result> get_directive_values(
    const type::directive_definition& directive,
    language::node_span<language::directive_node> directives, const language::document& document,
    const boost::json::object& variables);

}  // namespace cohort::graphql::execution
