#include "graphql/utilities/print_string.hpp"

#include <vector>

#include "graphql/utilities/js_values.hpp"

namespace cohort::graphql::utilities {

namespace {

void append_unicode_escape(std::string& out, unsigned code) {
  static constexpr char hex[] = "0123456789ABCDEF";
  out += "\\u00";
  out.push_back(hex[(code >> 4) & 15]);
  out.push_back(hex[code & 15]);
}

bool is_white_space(char c) {
  return c == ' ' || c == '\t';
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

std::string print_string(std::string_view value) {
  std::string out;
  out.reserve(value.size() + 2);
  out.push_back('"');
  for (std::size_t i = 0; i < value.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(value[i]);
    switch (c) {
      case '\b':
        out += "\\b";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\r':
        out += "\\r";
        break;
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      default:
        if (c < 0x20 || c == 0x7f) {
          append_unicode_escape(out, c);
        } else if (c == 0xc2 && i + 1 < value.size() &&
                   static_cast<unsigned char>(value[i + 1]) >= 0x80 &&
                   static_cast<unsigned char>(value[i + 1]) <= 0x9f) {
          // U+0080..U+009F (C1 controls) are escaped too.
          append_unicode_escape(out, static_cast<unsigned char>(value[i + 1]));
          ++i;
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
  }
  out.push_back('"');
  return out;
}

bool is_printable_as_block_string(std::string_view value) {
  if (value.empty()) return true;
  bool is_empty_line = true;
  bool has_indent = false;
  bool has_common_indent = true;
  bool seen_non_empty_line = false;
  for (char ch : value) {
    unsigned char c = static_cast<unsigned char>(ch);
    switch (c) {
      case 0x00:
      case 0x01:
      case 0x02:
      case 0x03:
      case 0x04:
      case 0x05:
      case 0x06:
      case 0x07:
      case 0x08:
      case 0x0b:
      case 0x0c:
      case 0x0e:
      case 0x0f:
      case 0x0d:
        return false;
      case '\n':
        if (is_empty_line && !seen_non_empty_line) return false;  // leading new line
        seen_non_empty_line = true;
        is_empty_line = true;
        has_indent = false;
        break;
      case '\t':
      case ' ':
        has_indent = has_indent || is_empty_line;
        break;
      default:
        has_common_indent = has_common_indent && has_indent;
        is_empty_line = false;
    }
  }
  if (is_empty_line) return false;                             // trailing empty lines
  if (has_common_indent && seen_non_empty_line) return false;  // internal indent
  return true;
}

std::string print_block_string(std::string_view value) {
  std::string escaped;
  escaped.reserve(value.size());
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value.substr(i, 3) == "\"\"\"") {
      escaped += "\\\"\"\"";
      i += 2;
    } else {
      escaped.push_back(value[i]);
    }
  }

  // Split on \r\n, \n or \r, as graphql-js does.
  std::vector<std::string_view> lines;
  std::string_view rest = escaped;
  std::size_t start = 0;
  for (std::size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '\n' || rest[i] == '\r') {
      lines.push_back(rest.substr(start, i - start));
      if (rest[i] == '\r' && i + 1 < rest.size() && rest[i + 1] == '\n') ++i;
      start = i + 1;
    }
  }
  lines.push_back(rest.substr(start));

  const bool is_single_line = lines.size() == 1;
  bool force_leading_new_line = lines.size() > 1;
  for (std::size_t i = 1; i < lines.size() && force_leading_new_line; ++i) {
    force_leading_new_line = lines[i].empty() || is_white_space(lines[i][0]);
  }
  const bool has_trailing_triple_quotes = ends_with(escaped, "\\\"\"\"");
  const bool has_trailing_quote = ends_with(value, "\"") && !has_trailing_triple_quotes;
  const bool has_trailing_slash = ends_with(value, "\\");
  const bool force_trailing_newline = has_trailing_quote || has_trailing_slash;
  const bool print_as_multiple_lines = !is_single_line || utf16_length(value) > 70 ||
                                       force_trailing_newline || force_leading_new_line ||
                                       has_trailing_triple_quotes;
  const bool skip_leading_new_line = is_single_line && !value.empty() && is_white_space(value[0]);

  std::string out = "\"\"\"";
  if ((print_as_multiple_lines && !skip_leading_new_line) || force_leading_new_line) {
    out.push_back('\n');
  }
  out += escaped;
  if (print_as_multiple_lines || force_trailing_newline) out.push_back('\n');
  out += "\"\"\"";
  return out;
}

}  // namespace cohort::graphql::utilities
