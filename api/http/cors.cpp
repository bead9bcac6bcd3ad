#include "api/http/cors.hpp"

#include <algorithm>
#include <cctype>

namespace cohort::api::http {

namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// A comma-separated list of header names (RFC 9110 tokens), short enough to echo back.
bool is_header_name_list(std::string_view text) {
  if (text.empty() || text.size() > 1024) return false;
  return std::all_of(text.begin(), text.end(), [](unsigned char c) {
    return std::isalnum(c) || c == '-' || c == '_' || c == ',' || c == ' ' || c == '.';
  });
}

}  // namespace

std::string origin_of(std::string_view url) {
  auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos || scheme_end == 0) return {};
  auto host_begin = scheme_end + 3;
  auto host_end = url.find_first_of("/?#", host_begin);
  if (host_end == std::string_view::npos) host_end = url.size();
  if (host_end == host_begin) return {};
  return lower(url.substr(0, host_end));
}

cors_policy::cors_policy(std::string_view frontend_url, int max_age_seconds)
    : max_age_(std::to_string(max_age_seconds)) {
  auto origin = origin_of(frontend_url);
  if (origin.empty()) {
    response_headers_.emplace_back("Access-Control-Allow-Origin", "*");
  } else {
    response_headers_.emplace_back("Access-Control-Allow-Origin", origin);
    response_headers_.emplace_back("Access-Control-Allow-Credentials", "true");
    response_headers_.emplace_back("Vary", "Origin");
  }
  response_headers_.emplace_back("Access-Control-Expose-Headers", "X-Request-Id");
}

response cors_policy::preflight(const request& req) const {
  response res;
  res.status = 204;
  res.content_type.clear();
  res.route = "preflight";
  res.headers.emplace_back("Access-Control-Allow-Methods", allowed_methods);
  const std::string* requested = req.header("access-control-request-headers");
  if (requested && is_header_name_list(*requested)) {
    res.headers.emplace_back("Access-Control-Allow-Headers", *requested);
    res.headers.emplace_back("Vary", "Access-Control-Request-Headers");
  } else {
    res.headers.emplace_back("Access-Control-Allow-Headers", default_allowed_headers);
  }
  res.headers.emplace_back("Access-Control-Max-Age", max_age_);
  return res;
}

}  // namespace cohort::api::http
