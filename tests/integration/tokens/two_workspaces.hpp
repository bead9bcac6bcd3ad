// A `cohort serve` on the test PostgreSQL with two workspaces made through the API as a user
// makes them (signUp, signUpInNewWorkspace, getAuthTokensFromLoginToken, activateWorkspace,
// renewToken for a member's token), each with Twenty's sample companies and people, and
// helpers to call /graphql, /metadata and /rest with any token. Header-only: the tokens and
// tenancy suites both use it.
#pragma once

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>
#include <memory>
#include <string>

#include "fixtures/cohort_server.hpp"
#include "fixtures/postgres_server.hpp"
#include "fixtures/raw_client.hpp"
#include "integration_support/json_reading.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::testing {

inline constexpr const char* two_workspaces_secret = "two-workspaces-test-secret";

struct test_workspace {
  std::string id;
  std::string schema;
  std::string access;  // ACCESS token of its member
  std::string refresh;
  std::string agnostic;  // WORKSPACE_AGNOSTIC token of its user
  std::string login;     // LOGIN token (used: kept for wrong-type tests)
  std::string email;
};

class two_workspaces {
 public:
  // `env` is added to the server's environment (e.g. a small API_RATE_LIMITING_LIMIT).
  explicit two_workspaces(const std::string& name, std::map<std::string, std::string> env = {}) {
    auto& pg = postgres_server::shared();
    database_ = pg.create_database(name);
    env["PG_DATABASE_URL"] = database_;
    env["APP_SECRET"] = two_workspaces_secret;
    env_ = env;
    server_ = std::make_unique<cohort_server>(
        cohort_server::options{.args = {}, .env = std::move(env), .data_dir = std::nullopt});
    if (!server_->wait_ready(std::chrono::seconds(60)))
      ADD_FAILURE() << "cohort did not start:\n" << server_->proc().output();
    storage::pg::pool_options popts;
    popts.conninfo = database_;
    pool_ = storage::pg::pool::create(popts);
    a = make_workspace(name + ".a@example.com", "Workspace A");
    b = make_workspace(name + ".b@example.com", "Workspace B");
  }

  // One HTTP call; `bearer` empty for none.
  raw_response call(const std::string& method, const std::string& target, const std::string& body,
                    const std::string& bearer) {
    return call_on(server_->port(), method, target, body, bearer);
  }
  // The same on another server (a second node on the same database).
  raw_response call_on(std::uint16_t port, const std::string& method, const std::string& target,
                       const std::string& body, const std::string& bearer) {
    std::string req = method + " " + target + " HTTP/1.1\r\nHost: test\r\n";
    if (!body.empty() || method == "POST" || method == "PATCH" || method == "PUT")
      req += "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
             "\r\n";
    if (!bearer.empty()) req += "Authorization: Bearer " + bearer + "\r\n";
    req += "\r\n" + body;
    raw_client client(port);
    client.send(req);
    auto res = client.read_response(std::chrono::seconds(30));
    if (!res) {
      ADD_FAILURE() << "no response to " << method << " " << target;
      return {};
    }
    return *res;
  }

  // POST of a GraphQL document to /graphql or /metadata; the parsed body.
  boost::json::value graphql(const std::string& query, boost::json::object variables,
                             const std::string& bearer, const std::string& path = "/graphql") {
    boost::json::object body{{"query", query}, {"variables", std::move(variables)}};
    auto res = call("POST", path, boost::json::serialize(body), bearer);
    EXPECT_EQ(res.status, 200u) << res.body;
    boost::system::error_code ec;
    auto v = boost::json::parse(res.body, ec);
    EXPECT_FALSE(ec) << res.body;
    return v;
  }

  // The first column of the first row ("<null>", "<none>" without rows); "{a}" / "{b}" stand
  // for the workspaces' schemas.
  std::string sql(std::string statement) {
    for (auto [tag, ws] : {std::pair{"{a}", &a}, std::pair{"{b}", &b}}) {
      for (auto at = statement.find(tag); at != std::string::npos; at = statement.find(tag))
        statement.replace(at, 3, "\"" + ws->schema + "\"");
    }
    auto r = pool_->query_sync(statement, {}, false);
    EXPECT_TRUE(r.ok()) << statement << ": " << (r.ok() ? "" : r.error().message);
    if (!r.ok() || r.rows() == 0) return "<none>";
    auto v = r.get_optional(0, 0);
    return v ? std::string(*v) : "<null>";
  }

  // The id of `ws`'s Admin role (an API key's role must be a role of its own workspace).
  std::string admin_role(const test_workspace& ws) {
    return sql("SELECT id FROM core.role WHERE workspace_id = '" + ws.id + "' AND label = 'Admin'");
  }

  cohort_server& server() { return *server_; }
  // The environment the server was started with (database, secret and the caller's additions).
  const std::map<std::string, std::string>& server_env() const { return env_; }

  test_workspace a, b;

  // Another workspace with its own user, made the same way.
  test_workspace create(const std::string& email, const std::string& name) {
    return make_workspace(email, name);
  }

 private:
  test_workspace make_workspace(const std::string& email, const std::string& name) {
    test_workspace ws;
    ws.email = email;
    auto up = graphql(R"(mutation($e: String!, $p: String!) { signUp(email: $e, password: $p) {
        tokens { accessOrWorkspaceAgnosticToken { token } } } })",
                      {{"e", email}, {"p", "Bench-Passw0rd!"}}, "");
    ws.agnostic = text_at(up, "/data/signUp/tokens/accessOrWorkspaceAgnosticToken/token");
    auto pending = graphql(R"(mutation { signUpInNewWorkspace { loginToken { token }
        workspace { id workspaceUrls { subdomainUrl } } } })",
                           {}, ws.agnostic);
    ws.login = text_at(pending, "/data/signUpInNewWorkspace/loginToken/token");
    ws.id = text_at(pending, "/data/signUpInNewWorkspace/workspace/id");
    std::string origin =
        text_at(pending, "/data/signUpInNewWorkspace/workspace/workspaceUrls/subdomainUrl");
    // As the user does by following the verification mail, on a server that requires it
    // (IS_EMAIL_VERIFICATION_REQUIRED): the login token opens no session before.
    sql("UPDATE core.\"user\" SET is_email_verified = true WHERE email = '" + email + "'");
    auto tokens = graphql(R"(mutation($t: String!, $o: String!) {
        getAuthTokensFromLoginToken(loginToken: $t, origin: $o) {
          tokens { accessOrWorkspaceAgnosticToken { token } refreshToken { token } } } })",
                          {{"t", ws.login}, {"o", origin}}, "");
    std::string first_access = text_at(
        tokens, "/data/getAuthTokensFromLoginToken/tokens/accessOrWorkspaceAgnosticToken/token");
    std::string refresh =
        text_at(tokens, "/data/getAuthTokensFromLoginToken/tokens/refreshToken/token");
    graphql(R"(mutation($n: String) { activateWorkspace(data: { displayName: $n }) { id } })",
            {{"n", name}}, first_access);
    // A token minted after activation names the workspace member.
    auto renewed = graphql(R"(mutation($t: String!) { renewToken(appToken: $t) {
        tokens { accessOrWorkspaceAgnosticToken { token } refreshToken { token } } } })",
                           {{"t", refresh}}, "");
    ws.access = text_at(renewed, "/data/renewToken/tokens/accessOrWorkspaceAgnosticToken/token");
    ws.refresh = text_at(renewed, "/data/renewToken/tokens/refreshToken/token");
    auto r = pool_->query_sync("SELECT database_schema FROM core.workspace WHERE id = $1", {ws.id});
    if (r.ok() && r.rows() == 1) ws.schema = std::string(r.get(0, 0));
    return ws;
  }

  std::string database_;
  std::map<std::string, std::string> env_;
  std::unique_ptr<cohort_server> server_;
  std::shared_ptr<storage::pg::pool> pool_;
};

// What a suite's shared environment on a two_workspaces server reads through: /metadata calls
// and a workspace's origin (for login tokens).
struct two_workspaces_env {
  std::unique_ptr<two_workspaces> ws;

  boost::json::value metadata(const std::string& query, boost::json::object vars = {},
                              const std::string& bearer = "") {
    return ws->graphql(query, std::move(vars), bearer, "/metadata");
  }

  std::string origin_of(const std::string& workspace_id) {
    return "http://" +
           ws->sql("SELECT subdomain FROM core.workspace WHERE id = '" + workspace_id + "'") +
           ".localhost:3000/";
  }
};

}  // namespace cohort::testing
