#include "graphql/language/block_string.hpp"

#include <algorithm>
#include <limits>
#include <vector>

#include "graphql/language/utf8.hpp"

namespace cohort::graphql::language {

namespace {

bool is_white_space(char c) {
  return c == ' ' || c == '\t';
}

std::size_t leading_white_space(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && is_white_space(line[i])) ++i;
  return i;
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t begin = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || text[i] == '\r') {
      lines.push_back(text.substr(begin, i - begin));
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      begin = i + 1;
    }
  }
  lines.push_back(text.substr(begin));
  return lines;
}

}  // namespace

void dedent_block_string(std::string_view raw, std::string& out) {
  std::vector<std::string_view> lines = split_lines(raw);
  std::size_t common_indent = std::numeric_limits<std::size_t>::max();
  std::size_t first_non_empty = lines.size();
  std::size_t last_non_empty = 0;
  bool any_non_empty = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::size_t indent = leading_white_space(lines[i]);
    if (indent == lines[i].size()) continue;
    if (!any_non_empty) first_non_empty = i;
    any_non_empty = true;
    last_non_empty = i;
    if (i != 0 && indent < common_indent) common_indent = indent;
  }
  if (!any_non_empty) return;
  for (std::size_t i = first_non_empty; i <= last_non_empty; ++i) {
    if (i != first_non_empty) out += '\n';
    std::string_view line = lines[i];
    if (i != 0) line.remove_prefix(std::min(common_indent, line.size()));
    out += line;
  }
}

bool is_printable_as_block_string(std::string_view value) {
  if (value.empty()) return true;
  bool is_empty_line = true;
  bool has_indent = false;
  bool has_common_indent = true;
  bool seen_non_empty_line = false;
  for (char ch : value) {
    auto c = static_cast<unsigned char>(ch);
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
      case 0x0B:
      case 0x0C:
      case 0x0E:
      case 0x0F:
        return false;  // non-printable
      case 0x0D:
        return false;  // \r or \r\n would read back as \n
      case 0x0A:
        if (is_empty_line && !seen_non_empty_line) return false;  // leading new line
        seen_non_empty_line = true;
        is_empty_line = true;
        has_indent = false;
        break;
      case 0x09:
      case 0x20:
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

std::string print_block_string(std::string_view value, bool minimize) {
  std::string escaped;
  escaped.reserve(value.size() + 8);
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value.compare(i, 3, R"(""")") == 0) {
      escaped += R"(\""")";
      i += 2;
    } else {
      escaped += value[i];
    }
  }
  std::vector<std::string_view> lines = split_lines(escaped);
  bool is_single_line = lines.size() == 1;
  bool force_leading_new_line =
      lines.size() > 1 && std::all_of(lines.begin() + 1, lines.end(), [](std::string_view line) {
        return line.empty() || is_white_space(line[0]);
      });
  bool has_trailing_triple_quotes = escaped.ends_with(R"(\""")");
  bool has_trailing_quote = value.ends_with('"') && !has_trailing_triple_quotes;
  bool has_trailing_slash = value.ends_with('\\');
  bool force_trailing_new_line = has_trailing_quote || has_trailing_slash;
  bool print_as_multiple_lines =
      !minimize && (!is_single_line || utf16_length(value) > 70 || force_trailing_new_line ||
                    force_leading_new_line || has_trailing_triple_quotes);

  std::string result = R"(""")";
  bool skip_leading_new_line = is_single_line && !value.empty() && is_white_space(value[0]);
  if ((print_as_multiple_lines && !skip_leading_new_line) || force_leading_new_line) {
    result += '\n';
  }
  result += escaped;
  if (print_as_multiple_lines || force_trailing_new_line) result += '\n';
  result += R"(""")";
  return result;
}

}  // namespace cohort::graphql::language
