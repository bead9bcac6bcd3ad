// A `cohort serve --seed demo` for the webhook tests, each on its own database: one with
// ALLOW_PRIVATE_NETWORK_TARGETS=true (deliveries to the loopback receiver), one with it off (SSRF
// refusals). Fast retries (WEBHOOK_RETRY_BASE_DELAY=50ms, 3 attempts, 1 s receiver timeout) keep
// retry and dead-letter tests short.
#pragma once

#include <boost/json/value.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "fixtures/cohort_server.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::testing {

struct http_answer {
  unsigned status = 0;
  boost::json::value body;  // null when not JSON
  std::string text;
};

struct webhook_server {
  // allow_private: the ALLOW_PRIVATE_NETWORK_TARGETS setting of that server.
  static webhook_server& shared(bool allow_private = true);
  // A server of its own on a new database `name` (for tests that kill it).
  static std::unique_ptr<webhook_server> launch(const std::string& name, bool allow_private);
  // Starts a new `cohort serve` on the same database (after the old one was killed).
  bool restart();

  // `bearer` "<demo>" is the demo user's token; empty sends none. Without an answer: a test
  // failure when `must_answer`, else status 0.
  http_answer call(const std::string& method, const std::string& target,
                   const std::string& body = {}, const std::string& bearer = "<demo>",
                   bool must_answer = true);
  // POST {query, variables} to /metadata or /graphql.
  http_answer graphql(const std::string& endpoint, const std::string& query,
                      const boost::json::value& variables = nullptr,
                      const std::string& bearer = "<demo>");
  storage::pg::result sql(const std::string& statement);
  // Runs `statement` until its first cell is "t" (true); false after `timeout`.
  bool wait_sql(const std::string& statement,
                std::chrono::milliseconds timeout = std::chrono::seconds(20));

  // Soft-deletes every webhook, so a test only sees deliveries to its own.
  void forget_webhooks();
  // Creates a webhook through /metadata; answers its id (empty on failure).
  std::string create_webhook(const std::string& url, const std::string& operations_json,
                             const std::string& secret = "test-secret");
  // Creates a person through /graphql; answers its id.
  std::string create_person(const std::string& first_name);

  bool allow_private = true;
  std::string database;
  std::string workspace_id;
  std::string token;
  std::string agnostic_token;  // the demo user's workspace-agnostic token
  std::string workspace_member_id;
  std::string user_id;  // the demo user
  std::unique_ptr<cohort_server> server;
  std::shared_ptr<storage::pg::pool> pool;
};

}  // namespace cohort::testing
