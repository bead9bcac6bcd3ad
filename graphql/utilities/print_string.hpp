// GraphQL string literals as graphql-js's printer writes them: `printString` (quoted, escaped) and
// `printBlockString` ("""block"""), plus the test that decides which one a description gets.
// The language layer has its own printer; this copy lets the type system print without it.
#pragma once

#include <string>
#include <string_view>

namespace cohort::graphql::utilities {

// "..." with GraphQL escapes (control characters, quote, backslash, U+007F..U+009F).
std::string print_string(std::string_view value);

// """...""" as graphql-js's printBlockString (not minimized).
std::string print_block_string(std::string_view value);

// graphql-js's isPrintableAsBlockString.
bool is_printable_as_block_string(std::string_view value);

}  // namespace cohort::graphql::utilities
