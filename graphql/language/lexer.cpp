#include "graphql/language/lexer.hpp"

#include <cstdio>

#include "graphql/language/lexer_chars.hpp"
#include "graphql/language/utf8.hpp"

namespace cohort::graphql::language {
namespace detail {

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
