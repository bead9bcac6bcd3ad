#include "integration_support/demo_workspace.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <thread>

#include "api/auth/token_service.hpp"
#include "fixtures/postgres_server.hpp"
#include "fixtures/raw_client.hpp"
#include "runtime/seed/seed_plan.hpp"
#include "storage/ddl/workspace_provisioner.hpp"

namespace cohort::testing {

demo_workspace::demo_workspace(demo_workspace_options options) : options_(std::move(options)) {
  database = postgres_server::shared().create_database(options_.database);
  if (!restart()) ADD_FAILURE() << "cohort did not start:\n" << server->proc().output();

  auto plan = runtime::seed::demo_seed();
  const auto& ws = plan.workspaces.front();
  const auto& user = ws.users.front();
  workspace_id = ws.id;
  schema = *storage::ddl::schema_name_for(ws.id);
  user_id = user.id;
  workspace_member_id = user.workspace_member_id;
  user_workspace_id = user.user_workspace_id;

  api::auth::token_service_options token_options;
  token_options.app_secret = options_.app_secret;
  api::auth::token_service tokens(token_options);
  token = tokens
              .mint_access({.user_id = user.id,
                            .workspace_id = ws.id,
                            .workspace_member_id = user.workspace_member_id,
                            .user_workspace_id = user.user_workspace_id,
                            .auth_provider = "password",
                            .impersonation = std::nullopt})
              .token;
  agnostic_token = tokens.mint_workspace_agnostic({.user_id = user.id}).token;

  storage::pg::pool_options pool_options;
  pool_options.conninfo = database;
  pool = storage::pg::pool::create(pool_options);
}

bool demo_workspace::restart() {
  auto env = options_.env;
  env["PG_DATABASE_URL"] = database;
  env["APP_SECRET"] = options_.app_secret;
  server = std::make_unique<cohort_server>(cohort_server::options{
      .args = {"--seed", "demo"}, .env = std::move(env), .data_dir = std::nullopt});
  return server->wait_ready(std::chrono::seconds(60));
}

std::optional<raw_response> demo_workspace::exchange(const std::string& method,
                                                     const std::string& target,
                                                     const std::string& body,
                                                     const std::string& bearer,
                                                     const std::string& headers) {
  std::string request = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  const std::string& t = bearer == "<demo>" ? token : bearer;
  if (!t.empty()) request += "Authorization: Bearer " + t + "\r\n";
  if (!body.empty()) request += "Content-Type: application/json\r\n";
  request += headers;
  request += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  raw_client client(server->port());
  client.send(request);
  return client.read_response(std::chrono::seconds(60));
}

http_answer demo_workspace::call(const std::string& method, const std::string& target,
                                 const std::string& body, const std::string& bearer,
                                 bool must_answer) {
  auto res = exchange(method, target, body, bearer);
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

http_answer demo_workspace::graphql(const std::string& path, const std::string& query,
                                    const boost::json::value& variables,
                                    const std::string& bearer) {
  boost::json::object body{{"query", query}};
  if (!variables.is_null()) body["variables"] = variables;
  return call("POST", path, boost::json::serialize(body), bearer);
}

storage::pg::result demo_workspace::sql(const std::string& statement) {
  std::string text = statement;
  const std::string quoted = "\"" + schema + "\"";
  for (auto at = text.find("{s}"); at != std::string::npos; at = text.find("{s}", at))
    text.replace(at, 3, quoted);
  return pool->query_sync(text, {}, false);
}

bool demo_workspace::wait_sql(const std::string& statement, std::chrono::milliseconds timeout) {
  auto until = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < until) {
    auto r = sql(statement);
    if (r.ok() && r.rows() > 0 && r.get(0, 0) == "t") return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
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
