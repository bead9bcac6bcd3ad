// One `cohort serve --seed demo` for the REST tests, on the shared test PostgreSQL (so tests can
// check rows in SQL), with a fixed APP_SECRET so the demo user's ACCESS token can be minted.
#pragma once

#include <boost/json/value.hpp>
#include <string>

#include "fixtures/cohort_server.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::testing {

inline constexpr const char* rest_app_secret = "rest-api-test-secret";

struct rest_answer {
  unsigned status = 0;
  boost::json::value body;  // null when the body is not JSON
  std::string text;
};

struct rest_server {
  static rest_server& shared();

  // `target` is sent as is (the caller percent-encodes); `bearer` "<demo>" is the demo token,
  // empty sends no Authorization header.
  rest_answer call(const std::string& method, const std::string& target,
                   const std::string& body = {}, const std::string& bearer = "<demo>");
  rest_answer get(const std::string& target) { return call("GET", target); }
  // A statement on the demo database; "{s}" stands for the demo workspace's schema.
  storage::pg::result sql(const std::string& statement);

  std::string database;
  std::string schema;
  std::string token;
  std::string workspace_member_id;
  std::unique_ptr<cohort_server> server;
  std::shared_ptr<storage::pg::pool> pool;
};

// Percent-encodes everything but unreserved characters, as a client encodes a query value.
std::string url_encode(std::string_view text);

}  // namespace cohort::testing
