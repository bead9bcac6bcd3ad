// Internal: character classes and small helpers shared by the lexer's source files.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

#include "graphql/language/token.hpp"

namespace cohort::graphql::language::detail {

enum char_class : std::uint8_t {
  class_other = 0,
  class_name_start = 1,
  class_digit = 2,
  class_plain_string = 4,  // ASCII that a string token takes as is
};

constexpr std::array<std::uint8_t, 256> make_char_classes() {
  std::array<std::uint8_t, 256> t{};
  for (int c = 0; c < 0x80; ++c) t[c] = class_plain_string;
  for (int c : {'"', '\\', '\n', '\r'}) t[c] = class_other;
  for (int c = 'a'; c <= 'z'; ++c) t[c] |= class_name_start;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] |= class_name_start;
  t['_'] |= class_name_start;
  for (int c = '0'; c <= '9'; ++c) t[c] |= class_digit;
  return t;
}
inline constexpr std::array<std::uint8_t, 256> char_classes = make_char_classes();

inline std::uint8_t class_of(char c) {
  return char_classes[static_cast<unsigned char>(c)];
}
inline bool is_digit(char c) {
  return (class_of(c) & class_digit) != 0;
}
inline bool is_name_start(char c) {
  return (class_of(c) & class_name_start) != 0;
}
inline bool is_name_continue(char c) {
  return (class_of(c) & (class_name_start | class_digit)) != 0;
}

inline int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

inline bool is_leading_surrogate(std::int32_t c) {
  return c >= 0xD800 && c <= 0xDBFF;
}
inline bool is_trailing_surrogate(std::int32_t c) {
  return c >= 0xDC00 && c <= 0xDFFF;
}

inline bool is_bom(std::string_view s, std::uint32_t pos) {
  return static_cast<unsigned char>(s[pos]) == 0xEF &&
         static_cast<unsigned char>(s[pos + 1]) == 0xBB &&
         static_cast<unsigned char>(s[pos + 2]) == 0xBF;
}

inline void emit(token& out, token_kind kind, std::uint32_t start, std::uint32_t end,
                 std::string_view value = {}) {
  out.kind = kind;
  out.start = start;
  out.end = end;
  out.value = value;
}

}  // namespace cohort::graphql::language::detail
