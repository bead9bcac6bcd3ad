#include "demo_server.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "api/auth/token_service.hpp"
#include "fixtures/postgres_server.hpp"
#include "runtime/seed/seed_plan.hpp"
#include "storage/ddl/workspace_provisioner.hpp"

namespace cohort::testing {

demo_server& demo_server::shared() {
  static demo_server* instance = [] {
    auto* d = new demo_server();
    auto& pg = postgres_server::shared();
    d->database = pg.create_database("graphql_api_demo");
    d->server = std::make_unique<cohort_server>(cohort_server::options{
        .args = {"--seed", "demo"},
        .env = {{"PG_DATABASE_URL", d->database}, {"APP_SECRET", demo_app_secret}},
        .data_dir = std::nullopt});
    if (!d->server->wait_ready(std::chrono::seconds(60))) {
      ADD_FAILURE() << "cohort did not start:\n" << d->server->proc().output();
    }
    auto plan = runtime::seed::demo_seed();
    const auto& ws = plan.workspaces.front();
    const auto& user = ws.users.front();
    d->schema = *storage::ddl::schema_name_for(ws.id);
    api::auth::token_service_options opts;
    opts.app_secret = demo_app_secret;
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
    return d;
  }();
  return *instance;
}

raw_response demo_server::post(const std::string& query, const boost::json::object& variables,
                               const std::string& bearer, const std::string& path) {
  boost::json::object body{{"query", query}};
  if (!variables.empty()) body["variables"] = variables;
  std::string headers = "Content-Type: application/json\r\n";
  std::string token = bearer == "<demo>" ? this->token : bearer;
  if (!token.empty()) headers += "Authorization: Bearer " + token + "\r\n";
  raw_client client(port());
  client.send(http_post(path, boost::json::serialize(body), headers));
  auto res = client.read_response(std::chrono::seconds(30));
  if (!res) {
    ADD_FAILURE() << "no response to " << query;
    return {};
  }
  return *res;
}

storage::pg::result demo_server::sql(const std::string& statement) {
  std::string text = statement;
  for (auto at = text.find("{s}"); at != std::string::npos; at = text.find("{s}"))
    text.replace(at, 3, "\"" + schema + "\"");
  return pool->query_sync(text, {}, false);
}

}  // namespace cohort::testing
