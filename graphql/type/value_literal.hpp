// What a scalar's parse-literal sees of a value literal in a document, without depending on the
// language layer's AST: its kind and text, and for lists, objects and variables the value as plain
// JSON (graphql-js `valueFromASTUntyped`, variables already substituted).
#pragma once

#include <boost/json/value.hpp>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace cohort::graphql::type {

enum class literal_kind : std::uint8_t {
  variable,
  int_value,
  float_value,
  string_value,
  boolean_value,
  null_value,
  enum_value,
  list_value,
  object_value,
};

struct value_literal {
  literal_kind kind = literal_kind::null_value;
  // int/float: the digits as written; string: the decoded value; enum: the name;
  // boolean: "true"/"false"; variable: the name without "$".
  std::string_view text;
  // A string written as a block string (only changes how it prints).
  bool block = false;
  // list, object, variable: the literal as plain JSON; nullptr stands for undefined.
  const boost::json::value* untyped = nullptr;
  // The literal printed back in GraphQL syntax; only needed for lists and objects (error messages).
  std::function<std::string()> print;
};

// graphql-js `print(valueNode)`.
std::string print_literal(const value_literal& literal);

// graphql-js `valueFromASTUntyped(valueNode, variables)`; null for undefined.
boost::json::value untyped_value(const value_literal& literal);

}  // namespace cohort::graphql::type
