// The GraphQL parser (graphql-js `parse`, `parseValue`, `parseConstValue`, `parseType`): source
// text to an immutable AST, or the syntax error graphql-js would report, with its exact message
// and location. Limits refuse hostile documents cleanly; nothing is thrown.
#pragma once

#include <cstdint>
#include <string_view>

#include "graphql/language/document.hpp"
#include "graphql/language/parse_result.hpp"

namespace cohort::graphql::language {

struct parse_options {
  // Most lexical tokens (comments excluded) a source may hold; 0 = no limit. Past it:
  // `Document contains more that N tokens. Parsing aborted.` (graphql-js `maxTokens`, its typo
  // included).
  std::uint32_t max_tokens = 15000;
  // Most nested selection sets, list/object values and list types; past it:
  // `Document nesting exceeds N levels. Parsing aborted.` Values above max_depth_limit are
  // lowered to it, so no document can exhaust the stack whatever the options say.
  std::uint32_t max_depth = 128;
  static constexpr std::uint32_t max_depth_limit = 1024;

  // For trusted input such as a schema's SDL: no token limit, the deepest nesting allowed.
  static parse_options trusted() { return {0, max_depth_limit}; }
};

parse_result<document> parse(std::string_view source, const parse_options& options = {});

// A value literal, variables allowed (`parseValue`), or not (`parseConstValue`).
parse_result<parsed_value> parse_value(std::string_view source, const parse_options& options = {});
parse_result<parsed_value> parse_const_value(std::string_view source,
                                             const parse_options& options = {});

// A type reference such as `[String!]!` (`parseType`).
parse_result<parsed_type> parse_type(std::string_view source, const parse_options& options = {});

}  // namespace cohort::graphql::language
