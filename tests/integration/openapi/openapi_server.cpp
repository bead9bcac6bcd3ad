#include "openapi_server.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "api/auth/token_service.hpp"
#include "fixtures/postgres_server.hpp"
#include "fixtures/process.hpp"
#include "fixtures/raw_client.hpp"
#include "runtime/seed/seed_plan.hpp"

namespace cohort::testing {

openapi_server& openapi_server::shared() {
  static openapi_server* instance = [] {
    auto* s = new openapi_server();
    auto database = postgres_server::shared().create_database("openapi_demo");
    s->server = std::make_unique<cohort_server>(cohort_server::options{
        .args = {"--seed", "demo"},
        .env = {{"PG_DATABASE_URL", database}, {"APP_SECRET", openapi_app_secret}},
        .data_dir = std::nullopt});
    if (!s->server->wait_ready(std::chrono::seconds(60))) {
      ADD_FAILURE() << "cohort did not start:\n" << s->server->proc().output();
    }
    auto plan = runtime::seed::demo_seed();
    const auto& ws = plan.workspaces.front();
    const auto& user = ws.users.front();
    api::auth::token_service_options opts;
    opts.app_secret = openapi_app_secret;
    api::auth::token_service tokens(opts);
    s->token = tokens
                   .mint_access({.user_id = user.id,
                                 .workspace_id = ws.id,
                                 .workspace_member_id = user.workspace_member_id,
                                 .user_workspace_id = user.user_workspace_id,
                                 .auth_provider = "password",
                                 .impersonation = std::nullopt})
                   .token;
    return s;
  }();
  return *instance;
}

openapi_answer openapi_server::call(const std::string& method, const std::string& target,
                                    const std::string& body, const std::string& bearer,
                                    const std::string& headers) {
  return http_exchange(server->port(), method, target, body, bearer == "<demo>" ? token : bearer,
                       headers);
}

openapi_answer http_exchange(std::uint16_t port, const std::string& method,
                             const std::string& target, const std::string& body,
                             const std::string& bearer, const std::string& headers) {
  std::string request =
      method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) + "\r\n";
  if (!bearer.empty()) request += "Authorization: Bearer " + bearer + "\r\n";
  if (!body.empty()) request += "Content-Type: application/json\r\n";
  request += headers;
  request += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  raw_client client(port);
  client.send(request);
  auto res = client.read_response(std::chrono::seconds(30));
  if (!res) {
    ADD_FAILURE() << "no response to " << method << " " << target;
    return {};
  }
  openapi_answer out{res->status, nullptr, res->body};
  boost::system::error_code ec;
  out.body = boost::json::parse(res->body, ec);
  if (ec) out.body = nullptr;
  return out;
}

boost::json::value openapi_server::metadata(const std::string& query,
                                            boost::json::object variables) {
  auto body = boost::json::serialize(
      boost::json::object{{"query", query}, {"variables", std::move(variables)}});
  auto answer = call("POST", "/metadata", body);
  const auto* object = answer.body.if_object();
  if (answer.status != 200 || object == nullptr || object->contains("errors") ||
      !object->contains("data")) {
    ADD_FAILURE() << "/metadata answered " << answer.status << ": " << answer.text;
    return nullptr;
  }
  return object->at("data");
}

std::string openapi_server::base_url() const {
  return "http://127.0.0.1:" + std::to_string(server->port());
}

std::optional<node_run> openapi_server::run_checks(const std::string& flags) {
  auto node = find_program("node");
  if (!node) return std::nullopt;
  process_options p;
  p.args = {node->string(), COHORT_SOURCE_DIR "/tests/oracle/openapi/check_openapi.mjs", base_url(),
            token};
  if (!flags.empty()) p.args.push_back(flags);
  process proc(p);
  node_run run;
  auto status = proc.wait(std::chrono::seconds(300));
  run.status = status ? *status : proc.stop(SIGKILL);
  run.output = proc.output();
  return run;
}

}  // namespace cohort::testing
