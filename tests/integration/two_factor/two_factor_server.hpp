// One `cohort serve` for the whole binary, on the shared test PostgreSQL (so tests can read and
// age rows in SQL), with a fixed APP_SECRET. Each test signs up its own user and workspace through
// the API (members() below), so 2FA and password state never leak from one test to another.
#pragma once

#include <boost/json.hpp>
#include <string>

#include "fixtures/cohort_server.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::testing {

inline constexpr const char* two_factor_app_secret = "two-factor-test-secret";
inline constexpr const char* member_password = "Bench-Passw0rd!";

// A user signed up through the API with a workspace of its own (not activated: 2FA and passwords
// live in `core`), and a workspace session in it.
struct member {
  std::string email, user_id, workspace_id, origin;
  std::string access, refresh;  // the session opened with its first login token
};

struct two_factor_server {
  static two_factor_server& shared();

  // POST `path` with {"query", "variables"}; the parsed body (null when it does not parse).
  boost::json::value post(const std::string& query, const boost::json::object& variables = {},
                          const std::string& bearer = "", const std::string& path = "/metadata");
  // The first column of the first row as text ("<null>", "<none>" without rows).
  std::string sql(const std::string& statement);

  // Signs `email` up, creates its workspace and opens a session in it.
  member sign_up(const std::string& email);
  // getLoginTokenFromCredentials for the member's workspace.
  std::string login_token(const member& m, const std::string& password = member_password);
  // The server's output so far (the password reset links it logs).
  std::string output() { return server->proc().output(); }

  std::unique_ptr<cohort_server> server;
  std::shared_ptr<storage::pg::pool> pool;
  std::string database_url;  // the server's database, for a test's own connection
};

// The value at a JSON pointer; fails the test (printing the body) and answers null when absent.
const boost::json::value& at(const boost::json::value& body, std::string_view pointer);
std::string text_at(const boost::json::value& body, std::string_view pointer);

// {"errors": [{"message", "extensions"}], "data": null}: what Twenty answers a failed mutation.
boost::json::value error_body(std::string_view message, boost::json::object extensions);

// The TOTP secret of an otpauth:// URI (its `secret` parameter).
std::string secret_of(const std::string& uri);

}  // namespace cohort::testing
