// A syntax error as graphql-js reports it: `Syntax Error: <description>` and the position of the
// offending character or token. Parse functions return it as a value (see parse_result.hpp).
#pragma once

#include <cstdint>
#include <string>

#include "graphql/language/source_location.hpp"

namespace cohort::graphql::language {

struct syntax_error {
  std::string message;       // "Syntax Error: Expected Name, found <EOF>."
  std::uint32_t offset = 0;  // byte offset into the source
  source_location location;  // {line, column} as in a GraphQL error's "locations"
};

}  // namespace cohort::graphql::language
