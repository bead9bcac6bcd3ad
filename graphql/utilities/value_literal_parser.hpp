// A parser for one GraphQL value literal given as text ("{first: 10}", "[A, B]", "\"x\""), as
// introspection results carry default values. Small and self-contained so the type system does not
// need the language layer; variables are accepted and kept by name.
#pragma once

#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graphql/type/value_literal.hpp"

namespace cohort::graphql::utilities {

struct literal_field;

struct literal_node {
  type::literal_kind kind = type::literal_kind::null_value;
  // int/float: digits as written; string: decoded value; enum: name; boolean: "true"/"false";
  // variable: name.
  std::string text;
  bool block = false;               // a block string
  std::vector<literal_node> items;  // list
  // object. Not std::pair<std::string, literal_node>: a pair of this still incomplete type is
  // refused by clang (libFuzzer builds).
  std::vector<literal_field> fields;
};

struct literal_field {
  std::string first;  // the field name
  literal_node second;
};

struct literal_parse_result {
  std::optional<literal_node> node;
  std::string error;  // set when node is empty
};

literal_parse_result parse_value_literal(std::string_view source);

// graphql-js print() of the literal.
std::string print_literal_node(const literal_node& node);

// graphql-js valueFromASTUntyped (variables become null).
boost::json::value untyped_literal_value(const literal_node& node);

// A view of the node for scalar parse-literal; `untyped` must outlive it and hold
// untyped_literal_value(node) for lists, objects and variables.
type::value_literal literal_view(const literal_node& node, const boost::json::value* untyped);

}  // namespace cohort::graphql::utilities
