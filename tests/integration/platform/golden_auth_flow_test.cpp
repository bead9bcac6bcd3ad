// Twenty's recorded sign-up / sign-in exchanges (spec/twenty-golden/auth.jsonl) replayed in
// order against the platform schema on real PostgreSQL: each response must have the recorded
// shape and values, with ids, tokens, times and the random subdomain masked; tokens must verify
// and the rows they name must exist.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "platform_harness.hpp"

namespace {

namespace json = boost::json;
using cohort::api::auth::token_type;
using cohort::testing::platform_harness;
using cohort::testing::verified_claims;

std::vector<json::object> recorded_exchanges() {
  std::ifstream in(std::string(COHORT_SHARED_DIR) + "/spec/twenty-golden/auth.jsonl");
  std::vector<json::object> out;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(json::parse(line).as_object());
  }
  return out;
}

// What may differ between two servers: generated ids, tokens, times, random subdomains.
std::string mask(const std::string& s) {
  static const std::regex jwt(R"(^eyJ[\w-]+\.[\w-]+\.[\w-]+$)");
  static const std::regex uuid(R"(^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$)");
  static const std::regex iso(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$)");
  static const std::regex subdomain(R"([a-z]+-[a-z]+-[a-z]+)");
  if (std::regex_match(s, jwt)) return "<jwt>";
  if (std::regex_match(s, uuid)) return "<uuid>";
  if (std::regex_match(s, iso)) return "<time>";
  return std::regex_replace(s, subdomain, "<subdomain>");
}

json::value masked(const json::value& v) {
  if (v.is_string()) return json::value(mask(std::string(v.get_string())));
  if (v.is_array()) {
    json::array out;
    for (const auto& x : v.get_array()) out.push_back(masked(x));
    return out;
  }
  if (v.is_object()) {
    json::object out;
    for (const auto& kv : v.get_object()) out[kv.key()] = masked(kv.value());
    return out;
  }
  return v;
}

const json::value& at(const json::value& v, std::initializer_list<const char*> path) {
  const json::value* p = &v;
  for (const char* key : path) p = &p->at(key);
  return *p;
}

}  // namespace

TEST(PlatformGoldenAuth, RecordedSignUpSignInFlowsAnswerAsTwentyDid) {
  platform_harness h("golden_auth");
  auto exchanges = recorded_exchanges();
  ASSERT_EQ(exchanges.size(), 11u);

  // Per flow (A, B): the tokens earlier answers gave, used where the recording used Twenty's.
  std::map<std::string, std::string> agnostic, access, login, origin, refresh;
  int compared = 0;
  for (const auto& exchange : exchanges) {
    std::string name(exchange.at("name").as_string());
    std::string flow = name.substr(0, 1);
    std::string step = name.substr(3, name.find(' ', 3) - 3);
    const auto& request = exchange.at("request_body").as_object();
    json::object variables;
    if (auto* v = request.if_contains("variables"); v && v->is_object()) variables = v->as_object();
    std::string bearer;
    if (step == "signUpInNewWorkspace") bearer = agnostic[flow];
    if (step == "activateWorkspace" || step == "currentUser") bearer = access[flow];
    if (step == "getAuthTokensFromLoginToken") {
      variables["loginToken"] = login[flow];
      variables["origin"] = origin[flow];
    }
    if (step == "renewToken") variables["appToken"] = refresh[flow];

    json::value ours = h.run(std::string(request.at("query").as_string()), variables, bearer);
    const json::value& theirs = exchange.at("response_body");
    EXPECT_EQ(masked(ours), masked(theirs))
        << name << "\nours:   " << json::serialize(ours) << "\ntheirs: " << json::serialize(theirs);
    ++compared;
    if (!ours.as_object().contains("data") || ours.at("data").is_null()) continue;
    const json::value& data = ours.at("data");

    if (step == "signUp") {
      const auto& tokens = at(data, {"signUp", "tokens"});
      auto claims =
          verified_claims(*h.tokens, at(tokens, {"accessOrWorkspaceAgnosticToken", "token"}),
                          token_type::workspace_agnostic);
      std::string email(variables.at("email").as_string());
      EXPECT_EQ(h.sql("SELECT id FROM core.\"user\" WHERE email = $1", {email}),
                claims["userId"].as_string());
      auto refresh_claims =
          verified_claims(*h.tokens, at(tokens, {"refreshToken", "token"}), token_type::refresh);
      EXPECT_EQ(refresh_claims["targetedTokenType"], "WORKSPACE_AGNOSTIC");
      EXPECT_EQ(h.sql("SELECT count(*) FROM core.app_token WHERE id = $1 AND user_id = $2 AND "
                      "workspace_id IS NULL AND revoked_at IS NULL",
                      {std::string(refresh_claims["jti"].as_string()),
                       std::string(claims["userId"].as_string())}),
                "1");
      EXPECT_EQ(
          h.sql("SELECT left(password_hash, 10) FROM core.\"user\" WHERE email = $1", {email}),
          "$argon2id$");
      agnostic[flow] = at(tokens, {"accessOrWorkspaceAgnosticToken", "token"}).as_string();
    } else if (step == "signUpInNewWorkspace") {
      const auto& result = data.at("signUpInNewWorkspace");
      auto claims =
          verified_claims(*h.tokens, at(result, {"loginToken", "token"}), token_type::login);
      std::string workspace_id(at(result, {"workspace", "id"}).as_string());
      EXPECT_EQ(claims["workspaceId"], json::value(workspace_id));
      EXPECT_EQ(h.sql("SELECT activation_status FROM core.workspace WHERE id = $1", {workspace_id}),
                "PENDING_CREATION");
      std::string url(at(result, {"workspace", "workspaceUrls", "subdomainUrl"}).as_string());
      EXPECT_EQ(url,
                "http://" +
                    h.sql("SELECT subdomain FROM core.workspace WHERE id = $1", {workspace_id}) +
                    ".localhost:3300/");
      login[flow] = at(result, {"loginToken", "token"}).as_string();
      origin[flow] = url;
    } else if (step == "getAuthTokensFromLoginToken") {
      const auto& tokens = at(data, {"getAuthTokensFromLoginToken", "tokens"});
      auto claims = verified_claims(
          *h.tokens, at(tokens, {"accessOrWorkspaceAgnosticToken", "token"}), token_type::access);
      EXPECT_EQ(h.sql("SELECT id FROM core.user_workspace WHERE user_id = $1 AND workspace_id = $2",
                      {std::string(claims["userId"].as_string()),
                       std::string(claims["workspaceId"].as_string())}),
                claims["userWorkspaceId"].as_string());
      EXPECT_FALSE(claims.contains("workspaceMemberId"));  // not active yet, as recorded
      access[flow] = at(tokens, {"accessOrWorkspaceAgnosticToken", "token"}).as_string();
      refresh[flow] = at(tokens, {"refreshToken", "token"}).as_string();
    } else if (step == "activateWorkspace") {
      std::string schema = h.sql("SELECT database_schema FROM core.workspace WHERE id = $1",
                                 {std::string(at(data, {"activateWorkspace", "id"}).as_string())});
      EXPECT_EQ(
          h.sql("SELECT count(*) FROM information_schema.tables WHERE table_schema = $1", {schema}),
          "34");
      EXPECT_EQ(h.sql("SELECT \"userEmail\" FROM \"" + schema + "\".\"workspaceMember\""),
                flow == "A" ? "alice.bench@gmail.com" : "bob.bench@gmail.com");
    } else if (step == "renewToken") {
      const auto& tokens = at(data, {"renewToken", "tokens"});
      auto claims = verified_claims(
          *h.tokens, at(tokens, {"accessOrWorkspaceAgnosticToken", "token"}), token_type::access);
      std::string schema = h.sql("SELECT database_schema FROM core.workspace WHERE id = $1",
                                 {std::string(claims["workspaceId"].as_string())});
      EXPECT_EQ(h.sql("SELECT id FROM \"" + schema + "\".\"workspaceMember\""),
                claims["workspaceMemberId"].as_string());
    }
  }
  EXPECT_EQ(compared, 11);
}
