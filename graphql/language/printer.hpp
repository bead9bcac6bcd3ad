// AST to canonical GraphQL text, byte for byte what graphql-js 16 `print` produces (two-space
// indentation, `{ a }` blocks on their own lines, arguments wrapped past 80 columns, block
// strings re-laid out). Used for logs, persisted-query keys and the oracle tests.
#pragma once

#include <string>
#include <string_view>

#include "graphql/language/ast.hpp"
#include "graphql/language/document.hpp"

namespace cohort::graphql::language {

std::string print(const node& n);
inline std::string print(const document& d) {
  return print(d.root());
}

// graphql-js printString: a JSON-like quoted string (control characters escaped).
std::string print_string(std::string_view value);

}  // namespace cohort::graphql::language
