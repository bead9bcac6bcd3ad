// A JSON scanner that only looks for the first error and words it as V8's JsonParser does: a
// message of its own where the parser expected something specific (after '{', a property name,
// a value in an object or array), "Unexpected token/number/string" elsewhere. Containers are
// tracked on an explicit stack, so any nesting depth is safe.
#include "api/graphql_http/json_body_error.hpp"

#include <algorithm>
#include <vector>

namespace cohort::api::graphql_http {

namespace {

bool is_ws(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_hex(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

class scanner {
 public:
  explicit scanner(std::string_view text) : s_(text) {}

  std::optional<std::string> run() {
    skip_ws();
    if (!value()) return error_;
    skip_ws();
    if (p_ < s_.size()) return at("Unexpected non-whitespace character", p_, " after");
    return std::nullopt;
  }

 private:
  enum class container : char { array, object };

  // "<what> in JSON at position N (line L column C)".
  std::string at(std::string_view what, std::size_t pos, std::string_view in = " in") const {
    std::size_t line = 1, line_start = 0;
    for (std::size_t i = 0; i < pos && i < s_.size(); ++i) {
      if (s_[i] == '\n') {
        ++line;
        line_start = i + 1;
      }
    }
    return std::string(what) + std::string(in) + " JSON at position " + std::to_string(pos) +
           " (line " + std::to_string(line) + " column " + std::to_string(pos - line_start + 1) +
           ")";
  }

  // V8's message for a token that cannot stand here when no specific message applies.
  std::string unexpected(std::size_t pos) const {
    if (pos >= s_.size()) return "Unexpected end of JSON input";
    char c = s_[pos];
    if (c == '-' || is_digit(c)) return at("Unexpected number", pos);
    if (c == '"') return at("Unexpected string", pos);
    std::string out;  // appended piece by piece: g++ 12 warns falsely on "..." + string
    if (s_ == "undefined" || s_ == "NaN" || s_ == "Infinity" || s_ == "[object Object]") {
      out.append("\"").append(s_).append("\" is not valid JSON");
      return out;
    }
    // The token is one character (a UTF-8 sequence stays whole).
    std::size_t len = 1;
    auto lead = static_cast<unsigned char>(c);
    if (lead >= 0xc0) len = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
    constexpr std::size_t context = 10;
    out.append("Unexpected token '").append(s_.substr(pos, len)).append("', ");
    // The context is cut at character boundaries, so that a multi-byte character stays whole.
    auto snippet = [&](std::size_t from, std::size_t to) {
      while (from > 0 && (static_cast<unsigned char>(s_[from]) & 0xc0) == 0x80) --from;
      while (to < s_.size() && (static_cast<unsigned char>(s_[to]) & 0xc0) == 0x80) ++to;
      return s_.substr(from, to - from);
    };
    if (s_.size() < 2 * context + 1) {
      out.append("\"").append(s_).append("\"");
    } else if (pos < context) {
      out.append("\"").append(snippet(0, pos + context)).append("\"...");
    } else if (pos < s_.size() - context) {
      out.append("...\"").append(snippet(pos - context, pos + context)).append("\"...");
    } else {
      out.append("...\"").append(snippet(pos - context, s_.size())).append("\"");
    }
    out.append(" is not valid JSON");
    return out;
  }

  bool fail(std::string message) {
    error_ = std::move(message);
    return false;
  }

  void skip_ws() {
    while (p_ < s_.size() && is_ws(s_[p_])) ++p_;
  }
  bool peek_is(char c) const { return p_ < s_.size() && s_[p_] == c; }

  // One value; containers are entered and left here without recursion.
  bool value() {
    std::vector<container> stack;
    for (;;) {
      skip_ws();
      if (p_ >= s_.size()) return fail(unexpected(p_));
      char c = s_[p_];
      if (c == '{') {
        ++p_;
        skip_ws();
        if (peek_is('}')) {
          ++p_;
        } else {
          if (!peek_is('"')) return fail(at("Expected property name or '}'", p_));
          if (!member_name(true)) return false;
          stack.push_back(container::object);
          continue;
        }
      } else if (c == '[') {
        ++p_;
        skip_ws();
        if (peek_is(']')) {
          ++p_;
        } else {
          stack.push_back(container::array);
          continue;
        }
      } else if (c == '"') {
        if (!string()) return false;
      } else if (c == '-' || is_digit(c)) {
        if (!number()) return false;
      } else if (c == 't' || c == 'f' || c == 'n') {
        if (!literal(c == 't' ? "true" : c == 'f' ? "false" : "null")) return false;
      } else {
        return fail(unexpected(p_));
      }
      // A value is complete: close containers or move to their next element.
      for (;;) {
        if (stack.empty()) return true;
        skip_ws();
        if (stack.back() == container::array) {
          if (peek_is(',')) {
            ++p_;
            break;
          }
          if (peek_is(']')) {
            ++p_;
            stack.pop_back();
            continue;
          }
          return fail(at("Expected ',' or ']' after array element", p_));
        }
        if (peek_is(',')) {
          ++p_;
          skip_ws();
          if (!peek_is('"')) return fail(at("Expected double-quoted property name", p_));
          if (!member_name(false)) return false;
          break;
        }
        if (peek_is('}')) {
          ++p_;
          stack.pop_back();
          continue;
        }
        return fail(at("Expected ',' or '}' after property value", p_));
      }
    }
  }

  // A property name and its colon; the value follows. V8 words a missing colon specially only
  // after an object's first name.
  bool member_name(bool first) {
    if (!string()) return false;
    skip_ws();
    if (!peek_is(':')) {
      return fail(first ? at("Expected ':' after property name", p_) : unexpected(p_));
    }
    ++p_;
    return true;
  }

  bool string() {
    ++p_;  // opening quote
    while (p_ < s_.size()) {
      auto c = static_cast<unsigned char>(s_[p_]);
      if (c == '"') {
        ++p_;
        return true;
      }
      if (c < 0x20) return fail(at("Bad control character in string literal", p_));
      if (c == '\\') {
        ++p_;
        if (p_ >= s_.size()) return fail(unexpected(p_));
        char e = s_[p_];
        if (e == 'u') {
          for (int i = 0; i < 4; ++i) {
            ++p_;
            if (p_ >= s_.size() || !is_hex(s_[p_])) return fail(at("Bad Unicode escape", p_));
          }
        } else if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos) {
          return fail(at("Bad escaped character", p_));
        }
      }
      ++p_;
    }
    return fail(at("Unterminated string", s_.size()));
  }

  bool number() {
    if (peek_is('-')) {
      ++p_;
      if (p_ >= s_.size() || !is_digit(s_[p_])) return fail(at("No number after minus sign", p_));
    }
    if (peek_is('0')) {
      ++p_;
      if (p_ < s_.size() && is_digit(s_[p_])) return fail(at("Unexpected number", p_));
    } else {
      while (p_ < s_.size() && is_digit(s_[p_])) ++p_;
    }
    if (peek_is('.')) {
      ++p_;
      if (p_ >= s_.size() || !is_digit(s_[p_])) {
        return fail(at("Unterminated fractional number", p_));
      }
      while (p_ < s_.size() && is_digit(s_[p_])) ++p_;
    }
    if (peek_is('e') || peek_is('E')) {
      ++p_;
      if (peek_is('+') || peek_is('-')) ++p_;
      if (p_ >= s_.size() || !is_digit(s_[p_])) {
        return fail(at("Exponent part is missing a number", p_));
      }
      while (p_ < s_.size() && is_digit(s_[p_])) ++p_;
    }
    return true;
  }

  bool literal(std::string_view word) {
    for (char expected : word) {
      if (p_ >= s_.size() || s_[p_] != expected) return fail(unexpected(p_));
      ++p_;
    }
    return true;
  }

  std::string_view s_;
  std::size_t p_ = 0;
  std::optional<std::string> error_;
};

}  // namespace

std::optional<std::string> json_parse_error(std::string_view text) {
  return scanner(text).run();
}

std::optional<std::string> json_body_error(std::string_view body) {
  std::size_t first = 0;
  while (first < body.size() && is_ws(body[first])) ++first;
  if (first < body.size() && (body[first] == '{' || body[first] == '[')) {
    return json_parse_error(body);
  }
  // body-parser's strict mode: it parses the body with every character from the first
  // non-blank one on turned into '#', then puts the original text back over each run of '#'.
  if (first == body.size()) return json_parse_error("");
  // One '#' per character (JavaScript counts UTF-16 units; characters keep multi-byte ones whole).
  std::vector<std::size_t> ends;  // byte offset after each character from `first` on
  for (std::size_t i = first; i < body.size();) {
    ++i;
    while (i < body.size() && (static_cast<unsigned char>(body[i]) & 0xc0) == 0x80) ++i;
    ends.push_back(i);
  }
  std::string partial(body.substr(0, first));
  partial.append(ends.size(), '#');
  std::string message = json_parse_error(partial).value_or("");
  std::string out;
  for (std::size_t i = 0; i < message.size();) {
    if (message[i] != '#') {
      out += message[i++];
      continue;
    }
    std::size_t run = 0;
    while (i + run < message.size() && message[i + run] == '#') ++run;
    out += body.substr(first, ends[std::min(run, ends.size()) - 1] - first);
    i += run;
  }
  return out;
}

}  // namespace cohort::api::graphql_http
