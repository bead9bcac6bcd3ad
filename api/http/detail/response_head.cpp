#include "api/http/detail/response_head.hpp"

#include <algorithm>
#include <ctime>

#include "api/http/message.hpp"

namespace cohort::api::http::detail {

namespace {

bool is_token_char(unsigned char c) {
  if (c >= 'a' && c <= 'z') return true;
  if (c >= 'A' && c <= 'Z') return true;
  if (c >= '0' && c <= '9') return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}

}  // namespace

void append_status_line(std::string& out, unsigned status) {
  out += "HTTP/1.1 ";
  out += std::to_string(status);
  out += ' ';
  auto reason = reason_phrase(status);
  out += reason == "<unknown-status>" ? std::string_view("Unknown") : reason;
  out += "\r\n";
}

bool append_field(std::string& out, std::string_view name, std::string_view value) {
  if (name.empty() || !std::all_of(name.begin(), name.end(), [](char c) {
        return is_token_char(static_cast<unsigned char>(c));
      }))
    return false;
  if (value.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos) return false;
  out += name;
  out += ": ";
  out += value;
  out += "\r\n";
  return true;
}

std::string_view http_date() {
  thread_local std::time_t last = 0;
  thread_local char text[64] = {0};
  std::time_t now = std::time(nullptr);
  if (now != last) {
    std::tm tm{};
    gmtime_r(&now, &tm);
    std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &tm);
    last = now;
  }
  return text;
}

}  // namespace cohort::api::http::detail
