#include "webhook_server.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <boost/json.hpp>
#include <thread>

#include "api/auth/token_service.hpp"
#include "fixtures/postgres_server.hpp"
#include "fixtures/raw_client.hpp"
#include "runtime/seed/seed_plan.hpp"

namespace cohort::testing {

namespace {

constexpr const char* app_secret = "webhook-test-secret";

std::unique_ptr<cohort_server> serve(const webhook_server& d) {
  return std::make_unique<cohort_server>(cohort_server::options{
      .args = {"--seed", "demo"},
      .env = {{"PG_DATABASE_URL", d.database},
              {"APP_SECRET", app_secret},
              {"ALLOW_PRIVATE_NETWORK_TARGETS", d.allow_private ? "true" : "false"},
              {"WEBHOOK_RETRY_BASE_DELAY", "50ms"},
              {"WEBHOOK_MAX_ATTEMPTS", "3"},
              {"WEBHOOK_TIMEOUT", "1s"},
              {"COHORT_SAMPLE_RECORDS", "false"}},
      .data_dir = std::nullopt});
}

webhook_server* start(const std::string& name, bool allow_private) {
  auto* d = new webhook_server();
  auto& pg = postgres_server::shared();
  d->allow_private = allow_private;
  d->database = pg.create_database(name);
  d->server = serve(*d);
  if (!d->server->wait_ready(std::chrono::seconds(60))) {
    ADD_FAILURE() << "cohort did not start:\n" << d->server->proc().output();
  }
  auto plan = runtime::seed::demo_seed();
  const auto& ws = plan.workspaces.front();
  const auto& user = ws.users.front();
  d->workspace_id = ws.id;
  d->workspace_member_id = user.workspace_member_id;
  d->user_id = user.id;
  api::auth::token_service_options opts;
  opts.app_secret = app_secret;
  api::auth::token_service tokens(opts);
  d->token = tokens
                 .mint_access({.user_id = user.id,
                               .workspace_id = ws.id,
                               .workspace_member_id = user.workspace_member_id,
                               .user_workspace_id = user.user_workspace_id,
                               .auth_provider = "password",
                               .impersonation = std::nullopt})
                 .token;
  storage::pg::pool_options popts;
  popts.conninfo = d->database;
  d->pool = storage::pg::pool::create(popts);
  d->agnostic_token = tokens.mint_workspace_agnostic({.user_id = user.id}).token;
  // The seed's own events are fanned out when the relay reaches them: wait until it has, so that
  // no test's webhook receives them.
  if (!d->wait_sql("SELECT NOT EXISTS (SELECT 1 FROM core.outbox o WHERE o.id > coalesce((SELECT "
                   "position FROM core.event_consumer WHERE name = 'webhooks'), 0))",
                   std::chrono::seconds(30))) {
    ADD_FAILURE() << "the webhooks consumer did not catch up with the seed's events";
  }
  return d;
}

}  // namespace

webhook_server& webhook_server::shared(bool allow_private) {
  static webhook_server* with_private = nullptr;
  static webhook_server* without_private = nullptr;
  auto*& slot = allow_private ? with_private : without_private;
  if (!slot) slot = start(allow_private ? "webhooks_private" : "webhooks_public", allow_private);
  return *slot;
}

std::unique_ptr<webhook_server> webhook_server::launch(const std::string& name,
                                                       bool allow_private) {
  return std::unique_ptr<webhook_server>(start(name, allow_private));
}

bool webhook_server::restart() {
  server = serve(*this);
  return server->wait_ready(std::chrono::seconds(60));
}

http_answer webhook_server::call(const std::string& method, const std::string& target,
                                 const std::string& body, const std::string& bearer,
                                 bool must_answer) {
  std::string request = method + " " + target + " HTTP/1.1\r\nHost: test\r\n";
  std::string t = bearer == "<demo>" ? token : bearer;
  if (!t.empty()) request += "Authorization: Bearer " + t + "\r\n";
  if (!body.empty()) request += "Content-Type: application/json\r\n";
  request += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  raw_client client(server->port());
  client.send(request);
  auto res = client.read_response(std::chrono::seconds(30));
  if (!res) {
    if (must_answer) {
      std::string output = server->proc().output();
      if (output.size() > 3000) output = output.substr(output.size() - 3000);
      ADD_FAILURE() << "no response to " << method << " " << target << "; the server "
                    << (server->proc().running() ? "runs" : "has stopped") << ":\n"
                    << output;
    }
    return {};
  }
  http_answer out;
  out.status = res->status;
  out.text = res->body;
  boost::system::error_code ec;
  out.body = boost::json::parse(res->body, ec);
  if (ec) out.body = nullptr;
  return out;
}

http_answer webhook_server::graphql(const std::string& endpoint, const std::string& query,
                                    const boost::json::value& variables,
                                    const std::string& bearer) {
  boost::json::object body{{"query", query}};
  if (!variables.is_null()) body["variables"] = variables;
  return call("POST", endpoint, boost::json::serialize(body), bearer);
}

storage::pg::result webhook_server::sql(const std::string& statement) {
  return pool->query_sync(statement, {}, false);
}

bool webhook_server::wait_sql(const std::string& statement, std::chrono::milliseconds timeout) {
  auto until = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < until) {
    auto r = sql(statement);
    if (r.ok() && r.rows() > 0 && r.get(0, 0) == "t") return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

void webhook_server::forget_webhooks() {
  auto r = sql("UPDATE core.webhook SET deleted_at = now() WHERE deleted_at IS NULL");
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
}

std::string webhook_server::create_webhook(const std::string& url,
                                           const std::string& operations_json,
                                           const std::string& secret) {
  auto res = graphql(
      "/metadata", "mutation($input: CreateWebhookDTO!) { createWebhook(input: $input) { id } }",
      boost::json::object{
          {"input", boost::json::object{{"targetUrl", url},
                                        {"operations", boost::json::parse(operations_json)},
                                        {"secret", secret}}}});
  const auto* id = res.body.is_object() && res.body.as_object().if_contains("data")
                       ? res.body.at("data").as_object().if_contains("createWebhook")
                       : nullptr;
  if (!id || !id->is_object()) {
    ADD_FAILURE() << "createWebhook failed: " << res.text;
    return {};
  }
  return std::string(id->at("id").as_string());
}

std::string webhook_server::create_person(const std::string& first_name) {
  // E-mails are unique per workspace: each person gets its own.
  static std::atomic<int> counter{0};
  std::string email = first_name + "-" + std::to_string(++counter) + "-" +
                      std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()) +
                      "@hooks.example";
  auto res = graphql(
      "/graphql", "mutation($data: PersonCreateInput!) { createPerson(data: $data) { id } }",
      boost::json::object{
          {"data", boost::json::object{{"name", boost::json::object{{"firstName", first_name},
                                                                    {"lastName", "Hook"}}},
                                       {"emails", boost::json::object{{"primaryEmail", email}}}}}});
  const auto* data = res.body.is_object() ? res.body.as_object().if_contains("data") : nullptr;
  if (!data || !data->is_object() || !data->at("createPerson").is_object()) {
    ADD_FAILURE() << "createPerson failed: " << res.text;
    return {};
  }
  return std::string(data->at("createPerson").at("id").as_string());
}

}  // namespace cohort::testing
