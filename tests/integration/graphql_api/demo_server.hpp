// One `cohort serve --seed demo` for the whole binary, on the shared test PostgreSQL (so tests
// can check rows in SQL), with a fixed APP_SECRET so tests can mint the demo user's tokens.
#pragma once

#include <boost/json/value.hpp>
#include <string>

#include "fixtures/cohort_server.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::testing {

inline constexpr const char* demo_app_secret = "graphql-api-test-secret";

struct demo_server {
  static demo_server& shared();

  std::uint16_t port() const { return server->port(); }
  // An ACCESS token of the demo user in the demo workspace.
  const std::string& access_token() const { return token; }
  // POST /graphql (or `path`) with {"query", "variables"}; the bearer token unless empty.
  raw_response post(const std::string& query, const boost::json::object& variables = {},
                    const std::string& bearer = "<demo>", const std::string& path = "/graphql");
  // A statement on the demo database; "{s}" stands for the demo workspace's schema.
  storage::pg::result sql(const std::string& statement);

  std::string database;
  std::string schema;
  std::string token;
  std::unique_ptr<cohort_server> server;
  std::shared_ptr<storage::pg::pool> pool;
};

}  // namespace cohort::testing
