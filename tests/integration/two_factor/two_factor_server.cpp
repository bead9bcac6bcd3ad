#include "two_factor_server.hpp"

#include <gtest/gtest.h>

#include "fixtures/postgres_server.hpp"

namespace cohort::testing {

namespace json = boost::json;

two_factor_server& two_factor_server::shared() {
  static two_factor_server* instance = [] {
    auto* s = new two_factor_server();
    std::string database = postgres_server::shared().create_database("two_factor");
    s->database_url = database;
    s->server = std::make_unique<cohort_server>(cohort_server::options{
        .args = {},
        .env = {{"PG_DATABASE_URL", database}, {"APP_SECRET", two_factor_app_secret}},
        .data_dir = std::nullopt});
    if (!s->server->wait_ready(std::chrono::seconds(60))) {
      ADD_FAILURE() << "cohort did not start:\n" << s->server->proc().output();
    }
    storage::pg::pool_options options;
    options.conninfo = database;
    s->pool = storage::pg::pool::create(options);
    return s;
  }();
  return *instance;
}

json::value two_factor_server::post(const std::string& query, const json::object& variables,
                                    const std::string& bearer, const std::string& path) {
  json::object body{{"query", query}};
  if (!variables.empty()) body["variables"] = variables;
  std::string headers = "Content-Type: application/json\r\n";
  if (!bearer.empty()) headers += "Authorization: Bearer " + bearer + "\r\n";
  raw_client client(server->port());
  client.send(http_post(path, json::serialize(body), headers));
  auto res = client.read_response(std::chrono::seconds(30));
  if (!res) {
    ADD_FAILURE() << "no response to " << query;
    return nullptr;
  }
  boost::system::error_code ec;
  auto parsed = json::parse(res->body, ec);
  if (ec) ADD_FAILURE() << "not JSON (" << res->status << "): " << res->body;
  return ec ? json::value(nullptr) : parsed;
}

std::string two_factor_server::sql(const std::string& statement) {
  auto r = pool->query_sync(statement, {}, false);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : storage::pg::describe(r.error())) << "\n" << statement;
  if (!r.ok() || r.rows() == 0) return "<none>";
  if (r.is_null(0, 0)) return "<null>";
  return std::string(r.get(0, 0));
}

member two_factor_server::sign_up(const std::string& email) {
  member m;
  m.email = email;
  auto up = post(R"(mutation($e: String!, $p: String!) { signUp(email: $e, password: $p) {
      tokens { accessOrWorkspaceAgnosticToken { token } } } })",
                 {{"e", email}, {"p", member_password}});
  std::string agnostic = text_at(up, "/data/signUp/tokens/accessOrWorkspaceAgnosticToken/token");
  auto ws = post(R"(mutation { signUpInNewWorkspace { loginToken { token }
      workspace { id workspaceUrls { subdomainUrl } } } })",
                 {}, agnostic);
  m.workspace_id = text_at(ws, "/data/signUpInNewWorkspace/workspace/id");
  m.origin = text_at(ws, "/data/signUpInNewWorkspace/workspace/workspaceUrls/subdomainUrl");
  auto tokens =
      post(R"(mutation($t: String!, $o: String!) {
      getAuthTokensFromLoginToken(loginToken: $t, origin: $o) {
        tokens { accessOrWorkspaceAgnosticToken { token } refreshToken { token } } } })",
           {{"t", text_at(ws, "/data/signUpInNewWorkspace/loginToken/token")}, {"o", m.origin}});
  m.access = text_at(
      tokens, "/data/getAuthTokensFromLoginToken/tokens/accessOrWorkspaceAgnosticToken/token");
  m.refresh = text_at(tokens, "/data/getAuthTokensFromLoginToken/tokens/refreshToken/token");
  m.user_id = sql("SELECT id FROM core.\"user\" WHERE email = '" + email + "'");
  return m;
}

std::string two_factor_server::login_token(const member& m, const std::string& password) {
  auto r = post(R"(mutation($e: String!, $p: String!, $o: String!) {
      getLoginTokenFromCredentials(email: $e, password: $p, origin: $o) { loginToken { token } } })",
                {{"e", m.email}, {"p", password}, {"o", m.origin}});
  return text_at(r, "/data/getLoginTokenFromCredentials/loginToken/token");
}

const json::value& at(const json::value& body, std::string_view pointer) {
  static const json::value null_value;
  boost::system::error_code ec;
  const json::value* found = body.find_pointer(pointer, ec);
  if (!found) {
    ADD_FAILURE() << "no " << pointer << " in " << json::serialize(body);
    return null_value;
  }
  return *found;
}

std::string text_at(const json::value& body, std::string_view pointer) {
  const auto& v = at(body, pointer);
  if (!v.is_string()) {
    ADD_FAILURE() << pointer << " is not a string in " << json::serialize(body);
    return {};
  }
  return std::string(v.get_string());
}

json::value error_body(std::string_view message, json::object extensions) {
  return json::object{{"errors", json::array{json::object{{"message", message},
                                                          {"extensions", std::move(extensions)}}}},
                      {"data", nullptr}};
}

std::string secret_of(const std::string& uri) {
  auto at = uri.find("secret=");
  if (at == std::string::npos) return {};
  auto start = at + 7;
  return uri.substr(start, uri.find('&', start) - start);
}

}  // namespace cohort::testing
