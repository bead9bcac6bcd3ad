#include "api/auth/url_encoding.hpp"

namespace cohort::api::auth {

namespace {

bool is_alnum(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

void percent_encode(std::string& out, unsigned char c) {
  static constexpr char hex[] = "0123456789ABCDEF";
  out.push_back('%');
  out.push_back(hex[c >> 4]);
  out.push_back(hex[c & 15]);
}

}  // namespace

std::string encode_uri_component(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    const bool keep = is_alnum(c) || c == '-' || c == '_' || c == '.' || c == '!' || c == '~' ||
                      c == '*' || c == '\'' || c == '(' || c == ')';
    if (keep) {
      out.push_back(static_cast<char>(c));
    } else {
      percent_encode(out, c);
    }
  }
  return out;
}

std::string encode_form_component(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    if (is_alnum(c) || c == '-' || c == '_' || c == '.' || c == '*') {
      out.push_back(static_cast<char>(c));
    } else if (c == ' ') {
      out.push_back('+');
    } else {
      percent_encode(out, c);
    }
  }
  return out;
}

}  // namespace cohort::api::auth
