// One `cohort serve --seed demo` for the OpenAPI tests, signed in as the demo user the way a
// client signs in, a small HTTP helper, and the runner of the node checks in tests/oracle/openapi
// (validator, linter, generated client). A fixed APP_SECRET lets a second node accept the token.
#pragma once

#include <boost/json/value.hpp>
#include <memory>
#include <optional>
#include <string>

#include "fixtures/cohort_server.hpp"

namespace cohort::testing {

struct openapi_answer {
  unsigned status = 0;
  boost::json::value body;  // null when the body is not JSON
  std::string text;
};

struct node_run {
  int status = -1;
  std::string output;
};

inline constexpr const char* openapi_app_secret = "openapi-test-secret";

// One HTTP exchange with the server on `port`; `headers`: more header lines, each ending with CRLF.
openapi_answer http_exchange(std::uint16_t port, const std::string& method,
                             const std::string& target, const std::string& body,
                             const std::string& bearer, const std::string& headers = {});

struct openapi_server {
  static openapi_server& shared();

  // `bearer` "<demo>" is the demo token; empty sends no Authorization header.
  // `headers`: more header lines, each ending with CRLF.
  openapi_answer call(const std::string& method, const std::string& target,
                      const std::string& body = {}, const std::string& bearer = "<demo>",
                      const std::string& headers = {});
  openapi_answer get(const std::string& target, const std::string& bearer = "<demo>") {
    return call("GET", target, {}, bearer);
  }
  // The `data` of a /metadata GraphQL call (null after a failure, which is reported).
  boost::json::value metadata(const std::string& query, boost::json::object variables);

  std::string base_url() const;
  // The demo user's access token, from signIn and getAuthTokensFromLoginToken on /graphql.
  std::string sign_in();
  // `node check_openapi.mjs <base URL> <token> <flags>`; nullopt when node is not installed.
  std::optional<node_run> run_checks(const std::string& flags = {});

  std::string token;
  std::unique_ptr<cohort_server> server;
};

}  // namespace cohort::testing
