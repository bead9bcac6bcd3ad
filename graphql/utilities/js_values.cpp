#include "graphql/utilities/js_values.hpp"

#include <boost/json.hpp>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace cohort::graphql::utilities {

namespace json = boost::json;

std::string js_number_to_string(double n) {
  if (std::isnan(n)) return "NaN";
  if (std::isinf(n)) return n > 0 ? "Infinity" : "-Infinity";
  if (n == 0) return "0";  // also -0

  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, n, std::chars_format::scientific);
  std::string_view sci(buf, static_cast<std::size_t>(res.ptr - buf));

  std::string out;
  if (sci.front() == '-') {
    out.push_back('-');
    sci.remove_prefix(1);
  }
  auto e_pos = sci.find('e');
  std::string digits;
  for (char c : sci.substr(0, e_pos)) {
    if (c != '.') digits.push_back(c);
  }
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  int exponent = std::atoi(std::string(sci.substr(e_pos + 1)).c_str());

  // ECMAScript Number::toString: value = 0.d1d2...dk * 10^n.
  const int k = static_cast<int>(digits.size());
  const int point = exponent + 1;
  if (k <= point && point <= 21) {
    out += digits;
    out.append(static_cast<std::size_t>(point - k), '0');
  } else if (0 < point && point <= 21) {
    out += digits.substr(0, static_cast<std::size_t>(point));
    out.push_back('.');
    out += digits.substr(static_cast<std::size_t>(point));
  } else if (-6 < point && point <= 0) {
    out += "0.";
    out.append(static_cast<std::size_t>(-point), '0');
    out += digits;
  } else {
    out.push_back(digits[0]);
    if (k > 1) {
      out.push_back('.');
      out += digits.substr(1);
    }
    out.push_back('e');
    out.push_back(point - 1 >= 0 ? '+' : '-');
    out += std::to_string(std::abs(point - 1));
  }
  return out;
}

std::optional<std::string> js_number_to_string(const json::value& v) {
  switch (v.kind()) {
    case json::kind::int64:
      return std::to_string(v.get_int64());
    case json::kind::uint64:
      return std::to_string(v.get_uint64());
    case json::kind::double_:
      return js_number_to_string(v.get_double());
    default:
      return std::nullopt;
  }
}

namespace {

bool is_js_space(std::string_view s, std::size_t i, std::size_t& width) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  width = 1;
  if (c == ' ' || (c >= 0x09 && c <= 0x0d)) return true;
  // U+00A0, U+FEFF, U+2028, U+2029 and the other Unicode space separators.
  if (c == 0xc2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xa0) {
    width = 2;
    return true;
  }
  if (c == 0xef && s.substr(i, 3) == "\xef\xbb\xbf") {
    width = 3;
    return true;
  }
  if (c == 0xe2 && i + 2 < s.size()) {
    unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
    unsigned char c2 = static_cast<unsigned char>(s[i + 2]);
    if ((c1 == 0x80 && (c2 <= 0x8a || c2 == 0xa8 || c2 == 0xa9 || c2 == 0xaf)) ||
        (c1 == 0x81 && c2 == 0x9f)) {
      width = 3;
      return true;
    }
  }
  if (c == 0xe3 && s.substr(i, 3) == "\xe3\x80\x80") {
    width = 3;
    return true;
  }
  if (c == 0xe1 && s.substr(i, 3) == "\xe1\x9a\x80") {
    width = 3;
    return true;
  }
  return false;
}

std::string_view trim_js(std::string_view s) {
  std::size_t w = 0;
  while (!s.empty() && is_js_space(s, 0, w)) s.remove_prefix(w);
  // Trailing: scan forward and remember the end of the last non-space character.
  std::size_t end = 0;
  for (std::size_t i = 0; i < s.size();) {
    if (is_js_space(s, i, w)) {
      i += w;
    } else {
      ++i;
      end = i;
    }
  }
  return s.substr(0, end);
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

}  // namespace

double js_string_to_number(std::string_view input) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  std::string_view s = trim_js(input);
  if (s.empty()) return 0;

  if (s.size() > 2 && s[0] == '0') {
    int base = 0;
    char p = static_cast<char>(s[1] | 0x20);
    if (p == 'x') base = 16;
    if (p == 'o') base = 8;
    if (p == 'b') base = 2;
    if (base != 0) {
      double value = 0;
      for (char c : s.substr(2)) {
        int d;
        if (is_digit(c)) {
          d = c - '0';
        } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') {
          d = (c | 0x20) - 'a' + 10;
        } else {
          return nan;
        }
        if (d >= base) return nan;
        value = value * base + d;
      }
      return value;
    }
  }

  std::string_view body = s;
  bool negative = false;
  if (body[0] == '+' || body[0] == '-') {
    negative = body[0] == '-';
    body.remove_prefix(1);
  }
  if (body == "Infinity") {
    return negative ? -std::numeric_limits<double>::infinity()
                    : std::numeric_limits<double>::infinity();
  }
  // StrDecimalLiteral: digits [. digits] [e[+-]digits], or . digits [exponent].
  std::size_t i = 0;
  std::size_t int_digits = 0, frac_digits = 0;
  while (i < body.size() && is_digit(body[i])) ++i, ++int_digits;
  if (i < body.size() && body[i] == '.') {
    ++i;
    while (i < body.size() && is_digit(body[i])) ++i, ++frac_digits;
  }
  if (int_digits + frac_digits == 0) return nan;
  if (i < body.size() && (body[i] == 'e' || body[i] == 'E')) {
    ++i;
    if (i < body.size() && (body[i] == '+' || body[i] == '-')) ++i;
    std::size_t exp_digits = 0;
    while (i < body.size() && is_digit(body[i])) ++i, ++exp_digits;
    if (exp_digits == 0) return nan;
  }
  if (i != body.size()) return nan;
  std::string text(s);
  return std::strtod(text.c_str(), nullptr);
}

bool is_number(const json::value& v) {
  return v.is_int64() || v.is_uint64() || v.is_double();
}

double as_double(const json::value& v) {
  switch (v.kind()) {
    case json::kind::int64:
      return static_cast<double>(v.get_int64());
    case json::kind::uint64:
      return static_cast<double>(v.get_uint64());
    case json::kind::double_:
      return v.get_double();
    default:
      return std::numeric_limits<double>::quiet_NaN();
  }
}

bool is_integer_number(const json::value& v) {
  if (v.is_int64() || v.is_uint64()) return true;
  if (!v.is_double()) return false;
  double d = v.get_double();
  return std::isfinite(d) && std::trunc(d) == d;
}

std::string json_stringify(std::string_view s) {
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(s.size() + 2);
  out.push_back('"');
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out.push_back(hex[c >> 4]);
          out.push_back(hex[c & 15]);
        } else {
          out.push_back(ch);
        }
    }
  }
  out.push_back('"');
  return out;
}

namespace {

constexpr std::size_t max_array_length = 10;
constexpr std::size_t max_recursive_depth = 2;

void format_value(const json::value& v, std::size_t depth, std::string& out) {
  switch (v.kind()) {
    case json::kind::null:
      out += "null";
      return;
    case json::kind::bool_:
      out += v.get_bool() ? "true" : "false";
      return;
    case json::kind::string:
      out += json_stringify(v.get_string());
      return;
    case json::kind::array: {
      const auto& arr = v.get_array();
      if (arr.empty()) {
        out += "[]";
        return;
      }
      if (depth + 1 > max_recursive_depth) {
        out += "[Array]";
        return;
      }
      std::size_t len = std::min(max_array_length, arr.size());
      out.push_back('[');
      for (std::size_t i = 0; i < len; ++i) {
        if (i) out += ", ";
        format_value(arr[i], depth + 1, out);
      }
      std::size_t remaining = arr.size() - len;
      if (remaining == 1) {
        out += ", ... 1 more item";
      } else if (remaining > 1) {
        out += ", ... " + std::to_string(remaining) + " more items";
      }
      out.push_back(']');
      return;
    }
    case json::kind::object: {
      const auto& obj = v.get_object();
      if (obj.empty()) {
        out += "{}";
        return;
      }
      if (depth + 1 > max_recursive_depth) {
        out += "[Object]";
        return;
      }
      out += "{ ";
      bool first = true;
      for (const auto& kv : obj) {
        if (!first) out += ", ";
        first = false;
        out.append(kv.key().data(), kv.key().size());
        out += ": ";
        format_value(kv.value(), depth + 1, out);
      }
      out += " }";
      return;
    }
    default:
      out += *js_number_to_string(v);
      return;
  }
}

}  // namespace

std::string inspect(const json::value& v) {
  std::string out;
  format_value(v, 0, out);
  return out;
}

std::size_t utf16_length(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) {
    if ((c & 0xc0) != 0x80) n += (c >= 0xf0) ? 2 : 1;  // 4-byte sequences are surrogate pairs
  }
  return n;
}

}  // namespace cohort::graphql::utilities
