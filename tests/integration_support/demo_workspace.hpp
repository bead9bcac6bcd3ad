// A `cohort serve --seed demo` on a database of its own in the binary's shared test PostgreSQL,
// with a fixed APP_SECRET so tests mint the demo user's tokens instead of signing in, a pool on
// that database to check rows in SQL, and plain HTTP helpers. Every integration suite that needs
// a signed-in demo workspace builds its server fixture on this one.
#pragma once

#include <boost/json/value.hpp>
#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "fixtures/cohort_server.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::testing {

struct http_answer {
  unsigned status = 0;
  boost::json::value body;  // null when the body is not JSON
  std::string text;
};

struct demo_workspace_options {
  std::string database = {};                    // created in the shared PostgreSQL
  std::string app_secret = {};                  // the server's APP_SECRET, also used to mint tokens
  std::map<std::string, std::string> env = {};  // further settings of the server
};

class demo_workspace {
 public:
  // Starts the server and waits for it; a test failure (not an abort) when it does not start.
  explicit demo_workspace(demo_workspace_options options);
  demo_workspace(const demo_workspace&) = delete;
  demo_workspace& operator=(const demo_workspace&) = delete;

  // Starts a new `cohort serve` on the same database (after the old one was killed).
  bool restart();
  std::uint16_t port() const { return server->port(); }

  // One HTTP exchange as the server answered it (nullopt: no answer within a minute). `target`
  // is sent as is; `bearer` as below; `headers`: more header lines, each ending with CRLF.
  std::optional<raw_response> exchange(const std::string& method, const std::string& target,
                                       const std::string& body = {},
                                       const std::string& bearer = "<demo>",
                                       const std::string& headers = {});
  // `target` is sent as is (the caller percent-encodes). `bearer` "<demo>" is the demo user's
  // ACCESS token; empty sends no Authorization header. Without an answer: a test failure when
  // `must_answer` (with the end of the server's output), else status 0.
  http_answer call(const std::string& method, const std::string& target,
                   const std::string& body = {}, const std::string& bearer = "<demo>",
                   bool must_answer = true);
  // POST {"query", "variables"} to `path` (/graphql or /metadata).
  http_answer graphql(const std::string& path, const std::string& query,
                      const boost::json::value& variables = nullptr,
                      const std::string& bearer = "<demo>");

  // A statement on the demo database; "{s}" stands for the demo workspace's quoted schema.
  storage::pg::result sql(const std::string& statement);
  // Runs `statement` until its first cell is "t"; false after `timeout`.
  bool wait_sql(const std::string& statement,
                std::chrono::milliseconds timeout = std::chrono::seconds(20));

  std::string database;
  std::string schema;  // workspace_<base36 id>, unquoted
  std::string workspace_id;
  std::string user_id;
  std::string workspace_member_id;
  std::string user_workspace_id;
  std::string token;           // the demo user's ACCESS token
  std::string agnostic_token;  // the demo user's WORKSPACE_AGNOSTIC token
  std::unique_ptr<cohort_server> server;
  std::shared_ptr<storage::pg::pool> pool;

 private:
  demo_workspace_options options_;
};

// Percent-encodes everything but unreserved characters, as a client encodes a query value.
std::string url_encode(std::string_view text);

}  // namespace cohort::testing
