// The bad-token suite: expired, tampered, `alg: none`, wrong type (REFRESH, LOGIN, and
// WORKSPACE_AGNOSTIC on the records API), a token rewritten for another workspace, the token of a
// deleted workspace, revoked and expired API keys, and an API-key token naming another
// workspace's key. Each is refused on /graphql, /metadata and /rest, in Twenty's shapes.
#include <gtest/gtest.h>

#include "api/auth/crypto.hpp"
#include "api/auth/token_service.hpp"
#include "two_workspaces.hpp"

namespace {

namespace json = boost::json;
namespace auth = cohort::api::auth;
using cohort::testing::two_workspaces;

two_workspaces& env() {
  static auto* instance = new two_workspaces("bad_tokens");
  return *instance;
}

auth::token_service tokens_at(auth::time_point now) {
  auth::token_service_options opts;
  opts.app_secret = cohort::testing::two_workspaces_secret;
  return auth::token_service(opts, [now] { return now; });
}

std::vector<std::string> parts(const std::string& token) {
  std::vector<std::string> out;
  std::size_t at = 0;
  for (;;) {
    auto dot = token.find('.', at);
    out.push_back(token.substr(at, dot == std::string::npos ? dot : dot - at));
    if (dot == std::string::npos) return out;
    at = dot + 1;
  }
}

// The token's payload with `workspaceId` replaced, its original signature kept.
std::string rewritten_for(const std::string& token, const std::string& workspace_id) {
  auto p = parts(token);
  auto payload = json::parse(*auth::base64url_decode(p[1])).as_object();
  payload["workspaceId"] = workspace_id;
  return p[0] + "." + auth::base64url_encode(json::serialize(payload)) + "." + p[2];
}

std::string graphql_refusal(const std::string& message,
                            const std::string& sub_code = "UNAUTHENTICATED") {
  json::object ext{{"userFriendlyMessage", "You must be authenticated to perform this action."},
                   {"subCode", sub_code},
                   {"code", "UNAUTHENTICATED"}};
  return json::serialize(json::object{
      {"errors", json::array{json::object{{"message", message}, {"extensions", std::move(ext)}}}}});
}

std::string rest_refusal(unsigned status, const std::string& error, const std::string& message) {
  return json::serialize(json::object{
      {"statusCode", status}, {"error", error}, {"messages", json::array{json::value(message)}}});
}

// Every endpoint answers `token` with the refusal.
void expect_refused(const std::string& token, const std::string& message,
                    const std::string& sub_code = "UNAUTHENTICATED") {
  auto& e = env();
  SCOPED_TRACE(message);
  auto records = e.graphql("{ people(first: 1) { totalCount } }", {}, token);
  EXPECT_EQ(json::serialize(records), graphql_refusal(message, sub_code));
  auto metadata = e.graphql("{ currentWorkspace { id } }", {}, token, "/metadata");
  EXPECT_EQ(json::serialize(metadata), graphql_refusal(message, sub_code));
  auto rest = e.call("GET", "/rest/people?limit=1", "", token);
  EXPECT_EQ(rest.status, 401u);
  EXPECT_EQ(rest.body, rest_refusal(401, sub_code, message));
}

// The token still works on every endpoint.
void expect_refused_not(const std::string& token) {
  auto& e = env();
  auto records = e.graphql("{ people(first: 1) { totalCount } }", {}, token);
  EXPECT_FALSE(records.as_object().contains("errors")) << json::serialize(records);
  EXPECT_EQ(e.call("GET", "/rest/people?limit=1", "", token).status, 200u);
}

TEST(BadTokens, ExpiredAccessToken) {
  auto& e = env();
  auto old = tokens_at(std::chrono::system_clock::now() - std::chrono::hours(24));
  auth::access_token_claims claims;
  claims.user_id = "00000000-0000-4000-8000-000000000001";
  claims.workspace_id = e.a.id;
  expect_refused(old.mint_access(claims).token, "Token has expired.");
}

TEST(BadTokens, TamperedSignature) {
  auto token = env().a.access;
  // A character in the middle of the signature (the last one may carry only padding bits).
  char& c = token[token.rfind('.') + 10];
  c = c == 'A' ? 'B' : 'A';
  expect_refused(token, "Token invalid.");
}

TEST(BadTokens, AlgNone) {
  auto p = parts(env().a.access);
  std::string header = auth::base64url_encode(R"({"alg":"none","typ":"JWT"})");
  expect_refused(header + "." + p[1] + ".", "Token invalid.");
}

TEST(BadTokens, RefreshAndLoginTokensAreNotAccessTokens) {
  expect_refused(env().a.refresh, "Token invalid.");
  expect_refused(env().a.login, "Token invalid.");
}

TEST(BadTokens, WorkspaceAgnosticTokenReachesNoRecords) {
  auto& e = env();
  auto records = e.graphql("{ people(first: 1) { totalCount } }", {}, e.a.agnostic);
  EXPECT_EQ(records.at("errors").at(0).at("message"),
            "Cannot query field \"people\" on type \"Query\".");
  EXPECT_EQ(e.call("GET", "/rest/people", "", e.a.agnostic).status, 403u);
}

TEST(BadTokens, TokenRewrittenForAnotherWorkspace) {
  auto& e = env();
  expect_refused(rewritten_for(e.a.access, e.b.id), "Token invalid.");
  // Nothing of B was read: its people are still all there and untouched.
  EXPECT_EQ(e.sql("SELECT count(*) FROM {b}.person WHERE \"deletedAt\" IS NULL"),
            e.sql("SELECT count(*) FROM {b}.person"));
}

TEST(BadTokens, TokensOfADeletedWorkspace) {
  auto& e = env();
  auto c = e.create("bad_tokens.c@example.com", "Workspace C");
  auto key = e.graphql(R"(mutation($r: UUID!) { createApiKey(input: { name: "C key",
      expiresAt: "2100-01-01T00:00:00Z", roleId: $r }) { id } })",
                       {{"r", e.admin_role(c)}}, c.access, "/metadata");
  std::string key_id(key.at_pointer("/data/createApiKey/id").as_string());
  auto minted = e.graphql(
      "mutation($id: UUID!) { generateApiKeyToken(apiKeyId: $id, expiresAt: "
      "\"2100-01-01T00:00:00Z\") { token } }",
      {{"id", key_id}}, c.access, "/metadata");
  std::string key_token(minted.at_pointer("/data/generateApiKeyToken/token").as_string());
  EXPECT_EQ(e.call("GET", "/rest/people?limit=1", "", key_token).status, 200u);

  auto deleted = e.graphql("mutation { deleteCurrentWorkspace { id } }", {}, c.access, "/metadata");
  EXPECT_EQ(deleted.at_pointer("/data/deleteCurrentWorkspace/id"), json::value(c.id));
  expect_refused(c.access, "Workspace not found", "WORKSPACE_NOT_FOUND");
  expect_refused(key_token, "Workspace not found", "WORKSPACE_NOT_FOUND");
}

void expect_forbidden(const std::string& token, const std::string& message) {
  auto& e = env();
  SCOPED_TRACE(message);
  json::object ext{
      {"userFriendlyMessage", message}, {"subCode", "FORBIDDEN_EXCEPTION"}, {"code", "FORBIDDEN"}};
  std::string expected = json::serialize(json::object{
      {"errors", json::array{json::object{{"message", message}, {"extensions", std::move(ext)}}}}});
  EXPECT_EQ(json::serialize(e.graphql("{ people(first: 1) { totalCount } }", {}, token)), expected);
  EXPECT_EQ(json::serialize(e.graphql("{ currentWorkspace { id } }", {}, token, "/metadata")),
            expected);
  auto rest = e.call("GET", "/rest/people?limit=1", "", token);
  EXPECT_EQ(rest.status, 403u);
  EXPECT_EQ(rest.body, rest_refusal(403, "FORBIDDEN_EXCEPTION", message));
}

TEST(BadTokens, TokensOfARemovedMemberOrADeletedUser) {
  // Twenty's JwtAuthStrategy looks the user and the membership up on every request.
  auto& e = env();
  auto d = e.create("bad_tokens.d@example.com", "Workspace D");
  expect_refused_not(d.access);
  e.sql("UPDATE core.user_workspace SET deleted_at = now() WHERE workspace_id = '" + d.id + "'");
  expect_refused(d.access, "UserWorkspace not found", "USER_WORKSPACE_NOT_FOUND");
  e.sql("UPDATE core.user_workspace SET deleted_at = NULL WHERE workspace_id = '" + d.id + "'");
  expect_refused_not(d.access);
  e.sql("UPDATE core.\"user\" SET deleted_at = now() WHERE email = 'bad_tokens.d@example.com'");
  expect_refused(d.access, "User not found", "USER_NOT_FOUND");
}

std::pair<std::string, std::string> key_of(const cohort::testing::test_workspace& ws,
                                           const std::string& name) {
  auto& e = env();
  auto key = e.graphql(R"(mutation($n: String!, $r: UUID!) { createApiKey(input: { name: $n,
      expiresAt: "2100-01-01T00:00:00Z", roleId: $r }) { id } })",
                       {{"n", name}, {"r", e.admin_role(ws)}}, ws.access, "/metadata");
  std::string id(key.at_pointer("/data/createApiKey/id").as_string());
  auto minted = e.graphql(
      "mutation($id: UUID!) { generateApiKeyToken(apiKeyId: $id, expiresAt: "
      "\"2100-01-01T00:00:00Z\") { token } }",
      {{"id", id}}, ws.access, "/metadata");
  return {id, std::string(minted.at_pointer("/data/generateApiKeyToken/token").as_string())};
}

TEST(BadTokens, RevokedAndExpiredApiKeys) {
  auto& e = env();
  auto [revoked_id, revoked] = key_of(e.a, "to revoke");
  auto [expired_id, expired] = key_of(e.a, "to expire");
  e.graphql("mutation($id: UUID!) { revokeApiKey(input: { id: $id }) { id } }",
            {{"id", revoked_id}}, e.a.access, "/metadata");
  e.graphql(
      "mutation($id: UUID!) { updateApiKey(input: { id: $id, expiresAt: \"2001-01-01T00:00:00Z\" "
      "}) { id } }",
      {{"id", expired_id}}, e.a.access, "/metadata");
  expect_forbidden(revoked, "This API Key is revoked");
  expect_forbidden(expired, "This API Key has expired");
}

TEST(BadTokens, ApiKeyTokenNamingAnotherWorkspacesKey) {
  auto& e = env();
  auto [b_key, b_token] = key_of(e.b, "B's key");
  // Correctly signed for A, but the key is B's: A has no such key.
  auth::api_key_token_claims claims;
  claims.workspace_id = e.a.id;
  claims.api_key_id = b_key;
  auto forged = tokens_at(std::chrono::system_clock::now()).mint_api_key(claims);
  expect_forbidden(forged.token, "This API Key is revoked");
  EXPECT_EQ(e.call("GET", "/rest/people?limit=1", "", b_token).status, 200u);
}

}  // namespace
