// Lexical tokens, with the kinds and descriptions graphql-js uses in its messages
// (`Name "foo"`, `"{"`, `<EOF>`).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace cohort::graphql::language {

enum class token_kind : std::uint8_t {
  sof,
  eof,
  bang,
  dollar,
  amp,
  paren_l,
  paren_r,
  dot,
  spread,
  colon,
  equals,
  at,
  bracket_l,
  bracket_r,
  brace_l,
  pipe,
  brace_r,
  name,
  int_value,
  float_value,
  string_value,
  block_string,
  comment,
};

// "<EOF>", "!", "Name", "BlockString", ... (graphql-js TokenKind values).
std::string_view token_kind_text(token_kind kind);

// How an expected kind is named in a message: punctuators quoted (`"{"`), others bare (`Name`).
std::string describe(token_kind kind);

struct token {
  token_kind kind = token_kind::sof;
  std::uint32_t start = 0;  // byte offsets into the source
  std::uint32_t end = 0;
  // Names and numbers: their text. Strings: the value after unescaping (block strings: after
  // dedenting). Comments: the text after `#`. Empty for punctuators.
  std::string_view value;
};

// How a found token is named in a message: `Name "foo"`, `"{"`, `<EOF>`.
std::string describe(const token& t);

}  // namespace cohort::graphql::language
