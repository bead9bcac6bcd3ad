#include "graphql/language/lexer.hpp"

#include <array>
#include <cstdio>

#include "graphql/language/block_string.hpp"
#include "graphql/language/utf8.hpp"

namespace cohort::graphql::language {
namespace detail {

namespace {

enum char_class : std::uint8_t { other = 0, name_start = 1, digit = 2, plain_string = 4 };

constexpr std::array<std::uint8_t, 256> make_char_classes() {
  std::array<std::uint8_t, 256> t{};
  for (int c = 0; c < 0x80; ++c) t[c] = plain_string;
  for (int c : {'"', '\\', '\n', '\r'}) t[c] = other;
  for (int c = 'a'; c <= 'z'; ++c) t[c] |= name_start;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] |= name_start;
  t['_'] |= name_start;
  for (int c = '0'; c <= '9'; ++c) t[c] |= digit;
  return t;
}
constexpr std::array<std::uint8_t, 256> char_classes = make_char_classes();

inline std::uint8_t class_of(char c) {
  return char_classes[static_cast<unsigned char>(c)];
}
inline bool is_digit(char c) {
  return (class_of(c) & digit) != 0;
}
inline bool is_name_start(char c) {
  return (class_of(c) & name_start) != 0;
}
inline bool is_name_continue(char c) {
  return (class_of(c) & (name_start | digit)) != 0;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

bool is_leading_surrogate(std::int32_t c) {
  return c >= 0xD800 && c <= 0xDBFF;
}
bool is_trailing_surrogate(std::int32_t c) {
  return c >= 0xDC00 && c <= 0xDFFF;
}

bool is_bom(std::string_view s, std::uint32_t pos) {
  return static_cast<unsigned char>(s[pos]) == 0xEF &&
         static_cast<unsigned char>(s[pos + 1]) == 0xBB &&
         static_cast<unsigned char>(s[pos + 2]) == 0xBF;
}

void emit(token& out, token_kind kind, std::uint32_t start, std::uint32_t end,
          std::string_view value = {}) {
  out.kind = kind;
  out.start = start;
  out.end = end;
  out.value = value;
}

}  // namespace

std::string_view copy_source(arena& storage, std::string_view source) {
  char* p = static_cast<char*>(storage.allocate(source.size() + source_padding, 1));
  std::memcpy(p, source.data(), source.size());
  std::memset(p + source.size(), 0, source_padding);
  return {p, source.size()};
}

syntax_error make_syntax_error(std::string_view source, const syntax_exception& e) {
  return syntax_error{"Syntax Error: " + e.description, e.offset, locate(source, e.offset)};
}

void lexer::fail(std::uint32_t position, std::string_view description) const {
  throw syntax_exception{position, std::string(description)};
}

std::string lexer::describe_code_point(std::uint32_t position) const {
  if (position >= source_.size()) return "<EOF>";
  decoded_code_point d = decode_utf8(source_, position);
  char buffer[32];
  if (d.length == 0) {
    std::snprintf(buffer, sizeof buffer, "byte 0x%02X", d.code_point);
  } else if (d.code_point >= 0x20 && d.code_point <= 0x7E) {
    if (d.code_point == '"') return R"('"')";
    std::snprintf(buffer, sizeof buffer, "\"%c\"", static_cast<char>(d.code_point));
  } else {
    std::snprintf(buffer, sizeof buffer, "U+%04X", d.code_point);
  }
  return buffer;
}

std::string_view lexer::slice_units(std::uint32_t position, std::uint32_t units) const {
  std::uint32_t end = position;
  std::uint32_t counted = 0;
  while (counted < units && end < source_.size()) {
    decoded_code_point d = decode_utf8(source_, end);
    std::uint32_t length = d.length == 0 ? 1 : d.length;
    counted += d.code_point > 0xFFFF ? 2 : 1;
    end += length;
  }
  return source_.substr(position, end - position);
}

void lexer::fail_unexpected_character(std::uint32_t position) const {
  if (source_[position] == '\'') {
    fail(position,
         R"(Unexpected single quote character ('), did you mean to use a double quote (")?)");
  }
  decoded_code_point d = decode_utf8(source_, position);
  bool valid = d.length != 0 && is_unicode_scalar_value(d.code_point);
  fail(position, (valid ? "Unexpected character: " : "Invalid character: ") +
                     describe_code_point(position) + ".");
}

void lexer::read_token(std::uint32_t position, token& out) {
  const char* s = source_.data();
  const auto size = static_cast<std::uint32_t>(source_.size());
  while (position < size) {
    switch (s[position]) {
      case '\t':
      case ' ':
      case ',':
      case '\n':
      case '\r':
        ++position;
        continue;
      case '#':
        return read_comment(position, out);
      case '!':
        return emit(out, token_kind::bang, position, position + 1);
      case '$':
        return emit(out, token_kind::dollar, position, position + 1);
      case '&':
        return emit(out, token_kind::amp, position, position + 1);
      case '(':
        return emit(out, token_kind::paren_l, position, position + 1);
      case ')':
        return emit(out, token_kind::paren_r, position, position + 1);
      case '.':
        if (s[position + 1] == '.' && s[position + 2] == '.') {
          return emit(out, token_kind::spread, position, position + 3);
        }
        break;
      case ':':
        return emit(out, token_kind::colon, position, position + 1);
      case '=':
        return emit(out, token_kind::equals, position, position + 1);
      case '@':
        return emit(out, token_kind::at, position, position + 1);
      case '[':
        return emit(out, token_kind::bracket_l, position, position + 1);
      case ']':
        return emit(out, token_kind::bracket_r, position, position + 1);
      case '{':
        return emit(out, token_kind::brace_l, position, position + 1);
      case '|':
        return emit(out, token_kind::pipe, position, position + 1);
      case '}':
        return emit(out, token_kind::brace_r, position, position + 1);
      case '"':
        if (s[position + 1] == '"' && s[position + 2] == '"')
          return read_block_string(position, out);
        return read_string(position, out);
      default:
        if (is_bom(source_, position)) {
          position += 3;
          continue;
        }
        break;
    }
    if (is_digit(s[position]) || s[position] == '-') return read_number(position, out);
    if (is_name_start(s[position])) return read_name(position, out);
    fail_unexpected_character(position);
  }
  return emit(out, token_kind::eof, size, size);
}

void lexer::read_comment(std::uint32_t start, token& out) const {
  std::uint32_t position = start + 1;
  while (position < source_.size()) {
    char c = source_[position];
    if (c == '\n' || c == '\r') break;
    if (static_cast<unsigned char>(c) < 0x80) {
      ++position;
      continue;
    }
    // A comment ends before a character that is not one; the next token reports it.
    decoded_code_point d = decode_utf8(source_, position);
    if (d.length == 0 || !is_unicode_scalar_value(d.code_point)) break;
    position += d.length;
  }
  return emit(out, token_kind::comment, start, position,
              source_.substr(start + 1, position - start - 1));
}

std::uint32_t lexer::read_digits(std::uint32_t position) const {
  if (!is_digit(source_[position])) {
    fail(position,
         "Invalid number, expected digit but got: " + describe_code_point(position) + ".");
  }
  ++position;
  while (is_digit(source_[position])) ++position;
  return position;
}

void lexer::read_number(std::uint32_t start, token& out) const {
  const char* s = source_.data();
  std::uint32_t position = start;
  bool is_float = false;
  if (s[position] == '-') ++position;
  if (s[position] == '0') {
    ++position;
    if (is_digit(s[position])) {
      fail(position,
           "Invalid number, unexpected digit after 0: " + describe_code_point(position) + ".");
    }
  } else {
    position = read_digits(position);
  }
  if (s[position] == '.') {
    is_float = true;
    position = read_digits(position + 1);
  }
  if (s[position] == 'e' || s[position] == 'E') {
    is_float = true;
    ++position;
    if (s[position] == '+' || s[position] == '-') ++position;
    position = read_digits(position);
  }
  if (s[position] == '.' || is_name_start(s[position])) {
    fail(position,
         "Invalid number, expected digit but got: " + describe_code_point(position) + ".");
  }
  return emit(out, is_float ? token_kind::float_value : token_kind::int_value, start, position,
              source_.substr(start, position - start));
}

void lexer::read_name(std::uint32_t start, token& out) const {
  std::uint32_t position = start + 1;
  while (is_name_continue(source_[position])) ++position;
  return emit(out, token_kind::name, start, position, source_.substr(start, position - start));
}

void lexer::read_string(std::uint32_t start, token& out) {
  const char* s = source_.data();
  const auto size = static_cast<std::uint32_t>(source_.size());
  std::uint32_t position = start + 1;
  std::uint32_t chunk_start = position;
  bool escaped = false;
  while (position < size) {
    char c = s[position];
    if ((class_of(c) & plain_string) != 0) {
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

}  // namespace detail

parse_result<token_list> tokenize(std::string_view source, bool include_comments) {
  token_list list;
  list.source = detail::copy_source(list.storage, source);
  detail::lexer lex(list.source, list.storage);
  list.tokens.reserve(source.size() / 3 + 2);
  try {
    std::uint32_t position = 0;
    while (true) {
      token t;
      lex.read_token(position, t);
      position = t.end;
      if (t.kind == token_kind::comment && !include_comments) continue;
      list.tokens.push_back(t);
      if (t.kind == token_kind::eof) break;
    }
  } catch (const detail::syntax_exception& e) {
    return detail::make_syntax_error(list.source, e);
  }
  return list;
}

}  // namespace cohort::graphql::language
