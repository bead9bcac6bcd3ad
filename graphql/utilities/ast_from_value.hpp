// An internal value printed as a GraphQL value literal of a given input type: graphql-js
// `print(astFromValue(value, type))`, which introspection (defaultValue) and printSchema use.
// Enums print unquoted, strings with GraphQL escapes, input objects as `{a: 1}` in the type's field
// order, lists as `[1, 2]`, and a non-list value given for a list type as the bare item.
#pragma once

#include <boost/json/value.hpp>
#include <optional>
#include <string>

#include "graphql/type/type_ref.hpp"

namespace cohort::graphql::utilities {

// nullopt where graphql-js's astFromValue returns null: null for a Non-Null type, a value the
// type's serialize rejects or turns into null, a non-object for an input object.
// Where graphql-js throws ("Cannot convert value to AST": a custom scalar serializing to an object
// or array) this prints the JSON as an untyped GraphQL literal instead.
std::optional<std::string> print_value_literal(const boost::json::value& value,
                                               type::type_ref type);

// A JSON value as an untyped GraphQL literal: `{a: [1, "x"]}`.
std::string print_untyped_literal(const boost::json::value& value);

}  // namespace cohort::graphql::utilities
