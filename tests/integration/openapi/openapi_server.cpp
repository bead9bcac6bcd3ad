#include "openapi_server.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "fixtures/postgres_server.hpp"
#include "fixtures/process.hpp"
#include "fixtures/raw_client.hpp"

namespace cohort::testing {

openapi_server& openapi_server::shared() {
  static openapi_server* instance = [] {
    auto* s = new openapi_server();
    auto database = postgres_server::shared().create_database("openapi_demo");
    s->server = std::make_unique<cohort_server>(cohort_server::options{
        .args = {"--seed", "demo"},
        // A long keep-alive: check_openapi.mjs blocks Node's event loop for seconds while it
        // lints, so undici can reuse a socket the server closed after its 5 s default meanwhile.
        .env = {{"PG_DATABASE_URL", database},
                {"APP_SECRET", openapi_app_secret},
                {"HTTP_IDLE_TIMEOUT", "120s"}},
        .data_dir = std::nullopt});
    if (!s->server->wait_ready(std::chrono::seconds(60))) {
      ADD_FAILURE() << "cohort did not start:\n" << s->server->proc().output();
    }
    s->token = s->sign_in();
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

// As a client signs in: password, then the login token exchanged on the workspace's URL.
std::string openapi_server::sign_in() {
  namespace json = boost::json;
  auto graphql = [this](const std::string& query, json::object variables) -> json::value {
    auto answer = http_exchange(
        server->port(), "POST", "/graphql",
        json::serialize(json::object{{"query", query}, {"variables", std::move(variables)}}), "");
    if (answer.status != 200 || !answer.body.is_object() ||
        answer.body.as_object().contains("errors")) {
      ADD_FAILURE() << "sign-in: " << answer.status << " " << answer.text;
      return nullptr;
    }
    return answer.body.at("data");
  };
  auto in = graphql(
      "mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { availableWorkspaces "
      "{ availableWorkspacesForSignIn { loginToken workspaceUrls { subdomainUrl } } } } }",
      {{"e", "demo@cohort.dev"}, {"p", "demo@cohort.dev"}});
  if (in.is_null()) return {};
  const auto& workspace =
      in.at("signIn").at("availableWorkspaces").at("availableWorkspacesForSignIn").at(0);
  auto tokens = graphql(
      "mutation($t: String!, $o: String!) { getAuthTokensFromLoginToken(loginToken: $t, origin: "
      "$o) { tokens { accessOrWorkspaceAgnosticToken { token } } } }",
      {{"t", workspace.at("loginToken")}, {"o", workspace.at("workspaceUrls").at("subdomainUrl")}});
  if (tokens.is_null()) return {};
  return std::string(tokens.at("getAuthTokensFromLoginToken")
                         .at("tokens")
                         .at("accessOrWorkspaceAgnosticToken")
                         .at("token")
                         .as_string());
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
