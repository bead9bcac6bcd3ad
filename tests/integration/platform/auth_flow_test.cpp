// Flow A end to end with what a user would check beyond the recorded bodies: single-use login
// tokens, refresh rotation, reuse detection ending every session, and Twenty's error answers for
// wrong passwords, unknown users, weak passwords and bad, tampered or expired tokens.
#include <gtest/gtest.h>

#include "platform_harness.hpp"

namespace {

namespace json = boost::json;
using cohort::api::auth::token_type;
using cohort::testing::at_pointer;
using cohort::testing::platform_harness;
using cohort::testing::verified_claims;

const char* const sign_up = R"(mutation($email: String!, $password: String!) {
  signUp(email: $email, password: $password) {
    tokens { accessOrWorkspaceAgnosticToken { token expiresAt } refreshToken { token expiresAt } } } })";
const char* const new_workspace = R"(mutation { signUpInNewWorkspace {
  loginToken { token } workspace { id workspaceUrls { subdomainUrl customUrl } } } })";
const char* const exchange = R"(mutation($t: String!, $o: String!) {
  getAuthTokensFromLoginToken(loginToken: $t, origin: $o) {
    tokens { accessOrWorkspaceAgnosticToken { token } refreshToken { token } } } })";
const char* const activate = R"(mutation($name: String) {
  activateWorkspace(data: { displayName: $name }) { id displayName activationStatus subdomain version } })";
const char* const sign_in = R"(mutation($email: String!, $password: String!) {
  signIn(email: $email, password: $password) {
    availableWorkspaces { availableWorkspacesForSignIn { id displayName loginToken } }
    tokens { accessOrWorkspaceAgnosticToken { token } refreshToken { token } } } })";
const char* const renew = R"(mutation($t: String!) {
  renewToken(appToken: $t) { tokens { accessOrWorkspaceAgnosticToken { token } refreshToken { token } } } })";
const char* const current_user = R"({ currentUser { id email
  currentWorkspace { id displayName activationStatus }
  workspaceMember { id name { firstName lastName } userEmail } onboardingStatus } })";

json::value error_body(const char* message, json::object extensions) {
  return json::object{{"errors", json::array{json::object{{"message", message},
                                                          {"extensions", std::move(extensions)}}}},
                      {"data", nullptr}};
}
json::object unauthenticated_ext() {
  return {{"userFriendlyMessage", "You must be authenticated to perform this action."},
          {"subCode", "UNAUTHENTICATED"},
          {"code", "UNAUTHENTICATED"}};
}

std::string str(const json::value& v) {
  return std::string(v.as_string());
}

// Signs up `email` and creates a pending workspace; returns {agnostic token, login token, origin}.
struct signed_up {
  std::string agnostic, refresh, login, origin, workspace_id;
};
signed_up sign_up_with_workspace(platform_harness& h, const std::string& email) {
  auto up = h.run(sign_up, {{"email", email}, {"password", "Bench-Passw0rd!"}});
  signed_up out;
  out.agnostic = str(at_pointer(up, "/data/signUp/tokens/accessOrWorkspaceAgnosticToken/token"));
  out.refresh = str(at_pointer(up, "/data/signUp/tokens/refreshToken/token"));
  auto ws = h.run(new_workspace, {}, out.agnostic);
  out.login = str(at_pointer(ws, "/data/signUpInNewWorkspace/loginToken/token"));
  out.origin =
      str(at_pointer(ws, "/data/signUpInNewWorkspace/workspace/workspaceUrls/subdomainUrl"));
  out.workspace_id = str(at_pointer(ws, "/data/signUpInNewWorkspace/workspace/id"));
  return out;
}

}  // namespace

TEST(PlatformAuthFlow, SignUpToRenewalAndTheOldRefreshTokenIsRefusedAfterwards) {
  // No cool-down: a replay is theft at once (Twenty allows one within REFRESH_TOKEN_COOL_DOWN).
  platform_harness h("flow_a",
                     [](auto& s) { s.refresh_token_cool_down = std::chrono::milliseconds(0); });
  // Mixed case and blanks: Twenty lower-cases addresses.
  auto a = sign_up_with_workspace(h, "  Alice.Bench@Gmail.com ");
  EXPECT_EQ(h.sql("SELECT email FROM core.\"user\""), "alice.bench@gmail.com");

  // A consumed login token that has expired since: forgotten at the next exchange.
  h.sql(
      "INSERT INTO core.consumed_login_token (jti, expires_at) "
      "VALUES (gen_random_uuid(), now() - interval '1 minute') RETURNING jti");
  auto tokens = h.run(exchange, {{"t", a.login}, {"o", a.origin}});
  auto login_jti = str(verified_claims(*h.tokens, json::value(a.login), token_type::login)["jti"]);
  EXPECT_EQ(h.sql("SELECT string_agg(jti::text, ',') FROM core.consumed_login_token"), login_jti);
  std::string access = str(at_pointer(
      tokens, "/data/getAuthTokensFromLoginToken/tokens/accessOrWorkspaceAgnosticToken/token"));
  std::string refresh1 =
      str(at_pointer(tokens, "/data/getAuthTokensFromLoginToken/tokens/refreshToken/token"));

  // A login token is single use.
  EXPECT_EQ(h.run(exchange, {{"t", a.login}, {"o", a.origin}}),
            error_body("Token has already been used.", unauthenticated_ext()));

  auto activated = h.run(activate, {{"name", "Acme Bench A"}}, access);
  EXPECT_EQ(at_pointer(activated, "/data/activateWorkspace/activationStatus"), "ACTIVE");
  EXPECT_EQ(at_pointer(activated, "/data/activateWorkspace/version"), "1.6.0");
  EXPECT_EQ(h.sql("SELECT display_name || ' ' || activation_status FROM core.workspace"),
            "Acme Bench A ACTIVE");
  // Activating twice is refused and changes nothing.
  auto again = h.run(activate, {{"name", "Other"}}, access);
  EXPECT_EQ(at_pointer(again, "/errors/0/message"), "Workspace is not pending creation");
  EXPECT_EQ(h.sql("SELECT display_name FROM core.workspace"), "Acme Bench A");

  auto me = h.run(current_user, {}, access);
  std::string schema = h.sql("SELECT database_schema FROM core.workspace");
  EXPECT_EQ(str(at_pointer(me, "/data/currentUser/workspaceMember/id")),
            h.sql("SELECT id FROM \"" + schema + "\".\"workspaceMember\""));
  EXPECT_EQ(at_pointer(me, "/data/currentUser/workspaceMember/userEmail"), "alice.bench@gmail.com");
  EXPECT_EQ(at_pointer(me, "/data/currentUser/currentWorkspace/displayName"), "Acme Bench A");
  EXPECT_EQ(at_pointer(me, "/data/currentUser/onboardingStatus"), "PROFILE_CREATION");

  auto in = h.run(sign_in, {{"email", "ALICE.bench@gmail.com"}, {"password", "Bench-Passw0rd!"}});
  const auto& listed =
      at_pointer(in, "/data/signIn/availableWorkspaces/availableWorkspacesForSignIn");
  ASSERT_EQ(listed.as_array().size(), 1u);
  EXPECT_EQ(listed.at(0).at("displayName"), "Acme Bench A");
  auto login = verified_claims(*h.tokens, listed.at(0).at("loginToken"), token_type::login);
  EXPECT_EQ(login["sub"], "alice.bench@gmail.com");
  EXPECT_EQ(str(login["workspaceId"]), a.workspace_id);

  auto renewed = h.run(renew, {{"t", refresh1}});
  std::string access2 =
      str(at_pointer(renewed, "/data/renewToken/tokens/accessOrWorkspaceAgnosticToken/token"));
  std::string refresh2 = str(at_pointer(renewed, "/data/renewToken/tokens/refreshToken/token"));
  auto claims = verified_claims(*h.tokens, json::value(access2), token_type::access);
  EXPECT_EQ(claims["workspaceMemberId"], at_pointer(me, "/data/currentUser/workspaceMember/id"));
  auto jti1 = str(verified_claims(*h.tokens, json::value(refresh1), token_type::refresh)["jti"]);
  auto jti2 = str(verified_claims(*h.tokens, json::value(refresh2), token_type::refresh)["jti"]);
  EXPECT_NE(h.sql("SELECT revoked_at FROM core.app_token WHERE id = $1", {jti1}), "<null>");
  EXPECT_EQ(h.sql("SELECT revoked_at FROM core.app_token WHERE id = $1", {jti2}), "<null>");
  EXPECT_EQ(h.sql("SELECT family_id = (SELECT family_id FROM core.app_token WHERE id = $1) "
                  "FROM core.app_token WHERE id = $2",
                  {jti1, jti2}),
            "t");

  // The old refresh token again: theft. Every refresh token of the user is revoked, the new
  // one included.
  json::object forbidden{{"subCode", "FORBIDDEN_EXCEPTION"},
                         {"userFriendlyMessage",
                          "Suspicious activity detected, this refresh token has been revoked. All "
                          "tokens have been revoked."},
                         {"code", "FORBIDDEN"}};
  EXPECT_EQ(h.run(renew, {{"t", refresh1}}),
            error_body("Suspicious activity detected, this refresh token has been revoked. All "
                       "tokens have been revoked.",
                       forbidden));
  EXPECT_EQ(h.sql("SELECT count(*) FROM core.app_token WHERE revoked_at IS NULL"), "0");
  EXPECT_EQ(at_pointer(h.run(renew, {{"t", refresh2}}), "/errors/0/extensions/code"), "FORBIDDEN");
}

TEST(PlatformAuthFlow, ParallelRenewalsWithinTheCoolDownBothSucceedAsInTwenty) {
  platform_harness h("flow_cool_down");  // default REFRESH_TOKEN_COOL_DOWN: 1 minute
  auto a = sign_up_with_workspace(h, "carol@gmail.com");
  auto first = h.run(renew, {{"t", a.refresh}});
  auto second = h.run(renew, {{"t", a.refresh}});
  EXPECT_TRUE(first.at("data").is_object()) << json::serialize(first);
  EXPECT_TRUE(second.at("data").is_object()) << json::serialize(second);
  auto agnostic = verified_claims(
      *h.tokens, at_pointer(second, "/data/renewToken/tokens/accessOrWorkspaceAgnosticToken/token"),
      token_type::workspace_agnostic);
  EXPECT_EQ(str(agnostic["userId"]), h.sql("SELECT id::text FROM core.\"user\""));
}

TEST(PlatformAuthFlow, CredentialAndTokenErrorsAnswerTwentysMessages) {
  platform_harness h("flow_errors");
  auto a = sign_up_with_workspace(h, "alice.bench@gmail.com");

  // Recorded: errors.jsonl "auth: signIn wrong password".
  EXPECT_EQ(h.run(sign_in, {{"email", "alice.bench@gmail.com"}, {"password", "wrong-password-1"}}),
            error_body("Wrong password", {{"subCode", "FORBIDDEN_EXCEPTION"},
                                          {"userFriendlyMessage", "Wrong password"},
                                          {"code", "FORBIDDEN"}}));
  EXPECT_EQ(h.run(sign_in, {{"email", "nobody@gmail.com"}, {"password", "Bench-Passw0rd!"}}),
            error_body("User not found", {{"subCode", "USER_NOT_FOUND"},
                                          {"userFriendlyMessage", "User not found"},
                                          {"code", "UNAUTHENTICATED"}}));
  // Recorded: "auth: signUp with an already registered email".
  EXPECT_EQ(h.run(sign_up, {{"email", "alice.bench@gmail.com"}, {"password", "Another-Passw0rd!"}}),
            error_body("duplicate key value violates unique constraint \"UQ_USER_EMAIL\"",
                       {{"code", "INTERNAL_SERVER_ERROR"},
                        {"userFriendlyMessage", "An error occurred."}}));
  EXPECT_EQ(h.run(sign_up, {{"email", "dave@gmail.com"}, {"password", "short"}}),
            error_body("Password too weak", {{"subCode", "INVALID_INPUT"},
                                             {"userFriendlyMessage", "Password too weak"},
                                             {"code", "BAD_USER_INPUT"}}));
  EXPECT_EQ(h.sql("SELECT count(*) FROM core.\"user\""), "1");

  // Recorded: "auth: getAuthTokensFromLoginToken with invalid login token".
  EXPECT_EQ(h.run(exchange, {{"t", "invalid.login.token"}, {"o", a.origin}}),
            error_body("No payload", unauthenticated_ext()));
  std::string tampered = a.login;
  tampered[tampered.size() - 3] = tampered[tampered.size() - 3] == 'A' ? 'B' : 'A';
  EXPECT_EQ(h.run(exchange, {{"t", tampered}, {"o", a.origin}}),
            error_body("Token invalid.", unauthenticated_ext()));
  // A login token minted two hours ago has expired (lifetime: 15 minutes).
  cohort::api::auth::token_service past(
      cohort::api::auth::token_service_options::from_settings(h.settings),
      [] { return std::chrono::system_clock::now() - std::chrono::hours(2); });
  auto expired = past.mint_login({"alice.bench@gmail.com", a.workspace_id, "password", {}, {}});
  EXPECT_EQ(h.run(exchange, {{"t", expired.token}, {"o", a.origin}}),
            error_body("Token has expired.", unauthenticated_ext()));
  // A refresh token where a login token belongs.
  auto wrong_type = h.run(exchange, {{"t", a.refresh}, {"o", a.origin}});
  EXPECT_TRUE(wrong_type.at("data").is_null());
  EXPECT_EQ(str(at_pointer(wrong_type, "/errors/0/message")),
            h.tokens->verify(a.refresh, token_type::login).error().message);
  // Another workspace's origin.
  auto b = sign_up_with_workspace(h, "bob.bench@gmail.com");
  EXPECT_EQ(h.run(exchange, {{"t", a.login}, {"o", b.origin}}),
            error_body("Token is not valid for this workspace",
                       {{"subCode", "FORBIDDEN_EXCEPTION"},
                        {"userFriendlyMessage", "Token is not valid for this workspace"},
                        {"code", "FORBIDDEN"}}));
  EXPECT_EQ(h.run(renew, {{"t", "garbage"}}), error_body("No payload", unauthenticated_ext()));
  // Platform mutations that need a signed-in user refuse anonymous callers.
  EXPECT_EQ(at_pointer(h.run(new_workspace), "/errors/0/message"), "Forbidden resource");
}
