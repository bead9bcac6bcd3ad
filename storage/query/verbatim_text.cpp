#include "storage/query/verbatim_text.hpp"

#include <cstring>
#include <string_view>

namespace cohort::storage::query {

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// The text between a string's quotes, as written (escapes not undone), against the checks:
// a UUID-shaped string the UUID scalar would refuse (a uuid column holds any version), or a
// to_char timestamp past year 9999 (five digits and more), which the DateTime scalar cannot
// parse. Both may be false alarms on a plain text that looks the same: the answer then only takes
// the slower, checked path.
bool string_passes(std::string_view s, const model::verbatim_answer& checks) {
  if (checks.valid_uuid != nullptr && s.size() == 36 && s[8] == '-' && s[13] == '-' &&
      s[18] == '-' && s[23] == '-' && !checks.valid_uuid(s)) {
    return false;
  }
  if (checks.check_date_times && s.size() > 24 && s.back() == 'Z' && is_digit(s[0]) &&
      is_digit(s[1]) && is_digit(s[2]) && is_digit(s[3]) && is_digit(s[4])) {
    return false;
  }
  return true;
}

}  // namespace

bool compact_verbatim(std::string& text, const model::verbatim_answer& checks) {
  const bool check_strings = checks.valid_uuid != nullptr || checks.check_date_times;
  char* out = text.data();
  const char* p = text.data();
  const char* const end = p + text.size();
  while (p < end) {
    const char c = *p;
    if (c == '"') {
      const char* start = ++p;
      while (p < end && *p != '"') p += *p == '\\' ? 2 : 1;
      if (p >= end) return false;  // unterminated: not PostgreSQL's json
      if (check_strings && !string_passes(std::string_view(start, p - start), checks)) {
        return false;
      }
      ++p;  // the closing quote
      const std::size_t n = static_cast<std::size_t>(p - start) + 1;
      if (out != start - 1) std::memmove(out, start - 1, n);
      out += n;
    } else if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      ++p;
    } else {
      if (c == 'n' && checks.no_nulls) return false;
      *out++ = c;
      ++p;
    }
  }
  text.resize(static_cast<std::size_t>(out - text.data()));
  return true;
}

}  // namespace cohort::storage::query
