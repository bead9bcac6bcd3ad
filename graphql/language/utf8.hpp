// UTF-8 helpers for a lexer that works on bytes but must report what graphql-js reports, which
// counts UTF-16 code units (columns, line lengths in the printer).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace cohort::graphql::language {

struct decoded_code_point {
  std::uint32_t code_point = 0;
  std::uint32_t length = 0;  // bytes; 0 when the bytes at the position are not UTF-8
};

// Decodes one code point at `pos` (< text.size()). Surrogates encoded as three bytes (as some
// encoders emit for a lone \uD800) decode to the surrogate so the caller can reject them the way
// graphql-js rejects a lone surrogate; overlong forms and values past U+10FFFF are invalid.
decoded_code_point decode_utf8(std::string_view text, std::size_t pos);

void append_utf8(std::string& out, std::uint32_t code_point);

inline bool is_unicode_scalar_value(std::uint32_t c) {
  return c <= 0xD7FF || (c >= 0xE000 && c <= 0x10FFFF);
}

// Number of UTF-16 code units of UTF-8 text (what JavaScript's `length` says).
std::size_t utf16_length(std::string_view text);

}  // namespace cohort::graphql::language
