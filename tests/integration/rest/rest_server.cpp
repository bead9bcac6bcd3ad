#include "rest_server.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "api/auth/token_service.hpp"
#include "fixtures/postgres_server.hpp"
#include "fixtures/raw_client.hpp"
#include "runtime/seed/seed_plan.hpp"
#include "storage/ddl/workspace_provisioner.hpp"

namespace cohort::testing {

rest_server& rest_server::shared() {
  static rest_server* instance = [] {
    auto* d = new rest_server();
    auto& pg = postgres_server::shared();
    d->database = pg.create_database("rest_api_demo");
    d->server = std::make_unique<cohort_server>(cohort_server::options{
        .args = {"--seed", "demo"},
        .env = {{"PG_DATABASE_URL", d->database}, {"APP_SECRET", rest_app_secret}},
        .data_dir = std::nullopt});
    if (!d->server->wait_ready(std::chrono::seconds(60))) {
      ADD_FAILURE() << "cohort did not start:\n" << d->server->proc().output();
    }
    auto plan = runtime::seed::demo_seed();
    const auto& ws = plan.workspaces.front();
    const auto& user = ws.users.front();
    d->schema = *storage::ddl::schema_name_for(ws.id);
    d->workspace_member_id = user.workspace_member_id;
    api::auth::token_service_options opts;
    opts.app_secret = rest_app_secret;
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

rest_answer rest_server::call(const std::string& method, const std::string& target,
                              const std::string& body, const std::string& bearer) {
  std::string request = method + " " + target + " HTTP/1.1\r\nHost: test\r\n";
  std::string token = bearer == "<demo>" ? this->token : bearer;
  if (!token.empty()) request += "Authorization: Bearer " + token + "\r\n";
  if (!body.empty()) request += "Content-Type: application/json\r\n";
  request += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  raw_client client(server->port());
  client.send(request);
  auto res = client.read_response(std::chrono::seconds(30));
  if (!res) {
    ADD_FAILURE() << "no response to " << method << " " << target;
    return {};
  }
  rest_answer out;
  out.status = res->status;
  out.text = res->body;
  boost::system::error_code ec;
  out.body = boost::json::parse(res->body, ec);
  if (ec) out.body = nullptr;
  return out;
}

storage::pg::result rest_server::sql(const std::string& statement) {
  std::string text = statement;
  for (auto at = text.find("{s}"); at != std::string::npos; at = text.find("{s}"))
    text.replace(at, 3, "\"" + schema + "\"");
  return pool->query_sync(text, {}, false);
}

std::string url_encode(std::string_view text) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

}  // namespace cohort::testing
