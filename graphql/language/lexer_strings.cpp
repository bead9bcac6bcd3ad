// String and block string tokens: escapes, surrogate pairs and block string dedent.
#include "graphql/language/block_string.hpp"
#include "graphql/language/lexer.hpp"
#include "graphql/language/lexer_chars.hpp"
#include "graphql/language/utf8.hpp"

namespace cohort::graphql::language::detail {

void lexer::read_string(std::uint32_t start, token& out) {
  const char* s = source_.data();
  const auto size = static_cast<std::uint32_t>(source_.size());
  std::uint32_t position = start + 1;
  std::uint32_t chunk_start = position;
  bool escaped = false;
  while (position < size) {
    char c = s[position];
    if ((class_of(c) & class_plain_string) != 0) {
      ++position;
      continue;
    }
    if (c == '"') {
      std::string_view value;
      if (escaped) {
        scratch_.append(s + chunk_start, position - chunk_start);
        value = strings_.copy(scratch_);
      } else {
        value = source_.substr(start + 1, position - start - 1);
      }
      return emit(out, token_kind::string_value, start, position + 1, value);
    }
    if (c == '\\') {
      if (!escaped) scratch_.clear();
      escaped = true;
      scratch_.append(s + chunk_start, position - chunk_start);
      position = read_escape(position, scratch_);
      chunk_start = position;
      continue;
    }
    if (c == '\n' || c == '\r') break;
    decoded_code_point d = decode_utf8(source_, position);
    if (d.length == 0 || !is_unicode_scalar_value(d.code_point)) {
      fail(position, "Invalid character within String: " + describe_code_point(position) + ".");
    }
    position += d.length;
  }
  fail(position, "Unterminated string.");
}

std::uint32_t lexer::read_escape(std::uint32_t position, std::string& out) const {
  const char* s = source_.data();
  if (s[position + 1] == 'u') {
    return s[position + 2] == '{' ? read_variable_width_escape(position, out)
                                  : read_fixed_width_escape(position, out);
  }
  char unescaped = 0;
  switch (s[position + 1]) {
    case '"':
      unescaped = '"';
      break;
    case '\\':
      unescaped = '\\';
      break;
    case '/':
      unescaped = '/';
      break;
    case 'b':
      unescaped = '\b';
      break;
    case 'f':
      unescaped = '\f';
      break;
    case 'n':
      unescaped = '\n';
      break;
    case 'r':
      unescaped = '\r';
      break;
    case 't':
      unescaped = '\t';
      break;
    default:
      fail(position,
           "Invalid character escape sequence: \"" + std::string(slice_units(position, 2)) + "\".");
  }
  out += unescaped;
  return position + 2;
}

std::uint32_t lexer::read_variable_width_escape(std::uint32_t position, std::string& out) const {
  // Mirrors graphql-js, including its 32-bit arithmetic, so the quoted text in errors matches.
  const char* s = source_.data();
  std::int32_t point = 0;
  std::uint32_t size = 3;
  while (size < 12) {
    char c = s[position + size++];
    if (c == '}') {
      if (size < 5 || !is_unicode_scalar_value(static_cast<std::uint32_t>(point))) break;
      append_utf8(out, static_cast<std::uint32_t>(point));
      return position + size;
    }
    int digit = hex_value(c);
    point = digit < 0 ? -1
                      : static_cast<std::int32_t>((static_cast<std::uint32_t>(point) << 4) |
                                                  static_cast<std::uint32_t>(digit));
    if (point < 0) break;
  }
  fail(position,
       "Invalid Unicode escape sequence: \"" + std::string(slice_units(position, size)) + "\".");
}

std::uint32_t lexer::read_fixed_width_escape(std::uint32_t position, std::string& out) const {
  const char* s = source_.data();
  auto read_hex4 = [s](std::uint32_t at) -> std::int32_t {
    std::int32_t value = 0;
    for (std::uint32_t i = 0; i < 4; ++i) {
      int digit = hex_value(s[at + i]);
      if (digit < 0) return -1;
      value = (value << 4) | digit;
    }
    return value;
  };
  std::int32_t code = read_hex4(position + 2);
  if (code >= 0 && is_unicode_scalar_value(static_cast<std::uint32_t>(code))) {
    append_utf8(out, static_cast<std::uint32_t>(code));
    return position + 6;
  }
  // A surrogate pair written as two escapes is one supplementary character.
  if (is_leading_surrogate(code) && s[position + 6] == '\\' && s[position + 7] == 'u') {
    std::int32_t trailing = read_hex4(position + 8);
    if (is_trailing_surrogate(trailing)) {
      append_utf8(out, 0x10000 + ((static_cast<std::uint32_t>(code) - 0xD800) << 10) +
                           (static_cast<std::uint32_t>(trailing) - 0xDC00));
      return position + 12;
    }
  }
  fail(position,
       "Invalid Unicode escape sequence: \"" + std::string(slice_units(position, 6)) + "\".");
}

void lexer::read_block_string(std::uint32_t start, token& out) {
  const char* s = source_.data();
  const auto size = static_cast<std::uint32_t>(source_.size());
  std::uint32_t position = start + 3;
  std::uint32_t chunk_start = position;
  bool simple = true;  // one line, no escape: the raw text is a slice of the source
  scratch_.clear();
  while (position < size) {
    char c = s[position];
    if (c == '"' && s[position + 1] == '"' && s[position + 2] == '"') {
      std::string_view value;
      if (simple) {
        std::string_view raw = source_.substr(start + 3, position - start - 3);
        bool blank = raw.find_first_not_of(" \t") == std::string_view::npos;
        value = blank ? std::string_view{} : raw;
      } else {
        scratch_.append(s + chunk_start, position - chunk_start);
        std::string dedented;
        dedent_block_string(scratch_, dedented);
        value = strings_.copy(dedented);
      }
      return emit(out, token_kind::block_string, start, position + 3, value);
    }
    if (c == '\\' && s[position + 1] == '"' && s[position + 2] == '"' && s[position + 3] == '"') {
      simple = false;
      scratch_.append(s + chunk_start, position - chunk_start);
      chunk_start = position + 1;  // keep the quotes, drop the backslash
      position += 4;
      continue;
    }
    if (c == '\n' || c == '\r') {
      simple = false;
      scratch_.append(s + chunk_start, position - chunk_start);
      scratch_ += '\n';
      position += (c == '\r' && s[position + 1] == '\n') ? 2 : 1;
      chunk_start = position;
      continue;
    }
    if (static_cast<unsigned char>(c) < 0x80) {
      ++position;
      continue;
    }
    decoded_code_point d = decode_utf8(source_, position);
    if (d.length == 0 || !is_unicode_scalar_value(d.code_point)) {
      fail(position, "Invalid character within String: " + describe_code_point(position) + ".");
    }
    position += d.length;
  }
  fail(position, "Unterminated string.");
}

}  // namespace cohort::graphql::language::detail
