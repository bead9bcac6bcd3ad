#include "storage/query/verbatim_text.hpp"

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

bool compact_verbatim(std::string_view text, std::string& out,
                      const model::verbatim_answer& checks) {
  const bool check_strings = checks.valid_uuid != nullptr || checks.check_date_times;
  // One pass from PostgreSQL's buffer into the answer, byte by byte: most strings are short, so
  // a call per string (memchr, memcpy) costs more than it saves.
  out.resize(text.size());
  char* w = out.data();
  const char* p = text.data();
  const char* const end = p + text.size();
  while (p < end) {
    const char c = *p++;
    if (c == '"') {
      *w++ = c;
      const char* start = p;
      while (p < end && *p != '"') {
        if (*p == '\\') {
          if (end - p < 2) return false;
          *w++ = *p++;
        }
        *w++ = *p++;
      }
      if (p >= end) return false;  // unterminated: not PostgreSQL's json
      if (check_strings && !string_passes(std::string_view(start, p - start), checks)) {
        return false;
      }
      *w++ = *p++;  // the closing quote
    } else if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      continue;
    } else {
      if (c == 'n' && checks.no_nulls) return false;
      *w++ = c;
    }
  }
  out.resize(static_cast<std::size_t>(w - out.data()));
  return true;
}

}  // namespace cohort::storage::query
