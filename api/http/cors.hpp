// Cross-origin policy: which origin may call the API from a browser, and the server's own answer
// to preflight OPTIONS requests. Twenty answers `Access-Control-Allow-Origin: *`; with
// FRONTEND_URL set, Cohort names that origin instead (and then allows credentials).
#pragma once

#include <string>
#include <string_view>

#include "api/http/message.hpp"

namespace cohort::api::http {

// "https://App.Example.com:8443/some/path" -> "https://app.example.com:8443"; "" when the text
// has no scheme://host.
std::string origin_of(std::string_view url);

class cors_policy {
 public:
  // Empty frontend_url: any origin.
  explicit cors_policy(std::string_view frontend_url = {}, int max_age_seconds = 7200);

  // Headers added to every response.
  const header_list& response_headers() const { return response_headers_; }

  // The 204 answer to an OPTIONS request. Requested headers (Access-Control-Request-Headers) are
  // allowed back when they are a plain list of header names, as Express's cors() does.
  response preflight(const request& req) const;

  static constexpr std::string_view allowed_methods = "GET,HEAD,PUT,PATCH,POST,DELETE,OPTIONS";
  static constexpr std::string_view default_allowed_headers =
      "Authorization, Content-Type, Accept, Origin, X-Requested-With, X-Request-Id";

 private:
  header_list response_headers_;
  std::string max_age_;
};

}  // namespace cohort::api::http
