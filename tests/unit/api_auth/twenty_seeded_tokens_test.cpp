// Wire compatibility with real Twenty tokens: the seeded tokens of Twenty's integration tests
// (test/integration/constants/test-tokens.json, APP_SECRET=replace_me_with_a_random_string) must
// verify or fail exactly as in Twenty, and the tokens we mint must be byte-identical in payload to
// those a Twenty 1.6.0 server returned (spec/twenty-golden/auth.jsonl).
#include <gtest/gtest.h>

#include <string>

#include "api/auth/crypto.hpp"
#include "api/auth/token_service.hpp"

using namespace cohort::api::auth;
using namespace std::chrono;

namespace {

const char* kSeedSecret = "replace_me_with_a_random_string";
const char* kAppleWorkspace = "20202020-1c25-4d02-bf25-6aeccf7ea419";

const std::string kJaneAdmin =
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
    "eyJzdWIiOiIyMDIwMjAyMC1lNmI1LTQ2ODAtOGEzMi1iODIwOTczNzE1NmIiLCJ1c2VySWQiOiIyMDIwMjAyMC1lNmI1"
    "LTQ2ODAtOGEzMi1iODIwOTczNzE1NmIiLCJ3b3Jrc3BhY2VJZCI6IjIwMjAyMDIwLTFjMjUtNGQwMi1iZjI1LTZhZWNj"
    "ZjdlYTQxOSIsIndvcmtzcGFjZU1lbWJlcklkIjoiMjAyMDIwMjAtNDYzZi00MzViLTgyOGMtMTA3ZTAwN2EyNzExIiwi"
    "dXNlcldvcmtzcGFjZUlkIjoiMjAyMDIwMjAtMWU3Yy00M2Q5LWE1ZGItNjg1YjUwNjlkODE2IiwidHlwZSI6IkFDQ0VT"
    "UyIsImF1dGhQcm92aWRlciI6InBhc3N3b3JkIiwiaWF0IjoxNzUxMjgxNzA0LCJleHAiOjIwNjY4NTc3MDR9."
    "HMGqCsVlOAPVUBhKSGlD1X86VoHKt4LIUtET3CGIdik";
const std::string kExpired =
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
    "eyJzdWIiOiIyMDIwMjAyMC05ZTNiLTQ2ZDQtYTU1Ni04OGI5ZGRjMmIwMzQiLCJ1c2VySWQiOiIyMDIwMjAyMC05ZTNi"
    "LTQ2ZDQtYTU1Ni04OGI5ZGRjMmIwMzQiLCJ3b3Jrc3BhY2VJZCI6IjIwMjAyMDIwLTFjMjUtNGQwMi1iZjI1LTZhZWNj"
    "ZjdlYTQxOSIsIndvcmtzcGFjZU1lbWJlcklkIjoiMjAyMDIwMjAtMDY4Ny00YzQxLWI3MDctZWQxYmZjYTk3MmE3Iiwi"
    "dXNlcldvcmtzcGFjZUlkIjoiMjAyMDIwMjAtOWUzYi00NmQ0LWE1NTYtODhiOWRkYzJiMDM1IiwidHlwZSI6IkFDQ0VT"
    "UyIsImF1dGhQcm92aWRlciI6InBhc3N3b3JkIiwiaXNJbXBlcnNvbmF0aW5nIjpmYWxzZSwiaWF0IjoxNzY1NDgwNDkz"
    "LCJleHAiOjE3NjU0ODA1MDN9.H0rNZyYvaWsDqim8U0-knIpq-29EQ6ox9Eag4WpwZg8";
const std::string kInvalid =
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
    "eyJzdWIiOiIyMDIwMjAyMC05ZTNiLTQ2ZDQtYTU1Ni04OGI5ZGRjMmIwMzQiLCJ3b3Jrc3BhY2VJZCI6IjIwMjAyMDIw"
    "LTFjMjUtNGQwMi1iZjI1LTZhZWNjZjdlYTQxOSIsIndvcmtzcGFjZU1lbWJlcklkIjoiMjAyMDIwMjAtMDY4Ny00YzQx"
    "LWI3MDctZWQxYmZjYTk3MmE3IiwiaWF0IjoxNzM4MzIzODc5LCJleHAiOjE3MzgzMjU2Nzl9."
    "m73hHVpnw5uGNGrSuKxn6XtKEUK3Wqkp4HsQdYfZiHp";
const std::string kJonyMember =
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
    "eyJzdWIiOiIyMDIwMjAyMC0zOTU3LTQ5MDgtOWMzNi0yOTI5YTIzZjgzNTciLCJ1c2VySWQiOiIyMDIwMjAyMC0zOTU3"
    "LTQ5MDgtOWMzNi0yOTI5YTIzZjgzNTciLCJ3b3Jrc3BhY2VJZCI6IjIwMjAyMDIwLTFjMjUtNGQwMi1iZjI1LTZhZWNj"
    "ZjdlYTQxOSIsIndvcmtzcGFjZU1lbWJlcklkIjoiMjAyMDIwMjAtNzdkNS00Y2I2LWI2MGEtZjRhODM1YTg1ZDYxIiwi"
    "dXNlcldvcmtzcGFjZUlkIjoiMjAyMDIwMjAtMzk1Ny00OTA4LTljMzYtMjkyOWEyM2Y4MzUzIiwidHlwZSI6IkFDQ0VT"
    "UyIsImF1dGhQcm92aWRlciI6InBhc3N3b3JkIiwiaXNJbXBlcnNvbmF0aW5nIjpmYWxzZSwiaWF0IjoxNzY1NDY5OTgz"
    "LCJleHAiOjI3MTIxOTc5ODN9.B55MfSd3LShO9_61nvKHUzsSJD6XszEbFGn_76VpaKs";
const std::string kApiKey =
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
    "eyJzdWIiOiIyMDIwMjAyMC0xYzI1LTRkMDItYmYyNS02YWVjY2Y3ZWE0MTkiLCJ0eXBlIjoiQVBJX0tFWSIsIndvcmtz"
    "cGFjZUlkIjoiMjAyMDIwMjAtMWMyNS00ZDAyLWJmMjUtNmFlY2NmN2VhNDE5IiwiaWF0IjoxNzQ0OTgzNzUwLCJleHAi"
    "OjQ4OTg1ODM2OTMsImp0aSI6IjIwMjAyMDIwLWY0MDEtNGQ4YS1hNzMxLTY0ZDAwN2MyN2JhZCJ9."
    "4xkkwz_uu2xzs_V8hJSaM15fGziT5zS3vq2lM48OHr0";
const std::string kSarahImpersonatesTim =
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
    "eyJzdWIiOiIyMDIwMjAyMC05ZTNiLTQ2ZDQtYTU1Ni04OGI5ZGRjMmIwMzQiLCJ1c2VySWQiOiIyMDIwMjAyMC05ZTNi"
    "LTQ2ZDQtYTU1Ni04OGI5ZGRjMmIwMzQiLCJ3b3Jrc3BhY2VJZCI6IjIwMjAyMDIwLTFjMjUtNGQwMi1iZjI1LTZhZWNj"
    "ZjdlYTQxOSIsIndvcmtzcGFjZU1lbWJlcklkIjoiMjAyMDIwMjAtMDY4Ny00YzQxLWI3MDctZWQxYmZjYTk3MmE3Iiwi"
    "dXNlcldvcmtzcGFjZUlkIjoiMjAyMDIwMjAtOWUzYi00NmQ0LWE1NTYtODhiOWRkYzJiMDM1IiwidHlwZSI6IkFDQ0VT"
    "UyIsImF1dGhQcm92aWRlciI6ImltcGVyc29uYXRpb24iLCJpc0ltcGVyc29uYXRpbmciOnRydWUsImltcGVyc29uYXRv"
    "clVzZXJXb3Jrc3BhY2VJZCI6IjMxMzEzMTMxLTAwMDEtNDAwMC04MDAwLTAwMDAwMDAwMDAwMCIsImltcGVyc29uYXRl"
    "ZFVzZXJXb3Jrc3BhY2VJZCI6IjIwMjAyMDIwLTllM2ItNDZkNC1hNTU2LTg4YjlkZGMyYjAzNSIsImlhdCI6MTc1ODU1"
    "NDY2NSwiZXhwIjoyNzA1MjgyNjY1fQ.PHXdd0RB2M4YbJRIJQY43ZxAxOE2nU7YzPG-BkdNrQc";

// 2026-01-01T00:00:00Z: after EXPIRED_ACCESS_TOKEN's exp, before every other token's.
token_service seeded_service() {
  token_service_options o;
  o.app_secret = kSeedSecret;
  return token_service(o, [] { return system_clock::time_point(seconds(1767225600)); });
}

std::string segment(const std::string& token, int index) {
  auto first = token.find('.');
  auto second = token.find('.', first + 1);
  if (index == 0) return token.substr(0, first);
  if (index == 1) return token.substr(first + 1, second - first - 1);
  return token.substr(second + 1);
}

}  // namespace

TEST(TwentySeededTokens, AdminAccessTokenVerifiesWithTheDerivedAccessKey) {
  auto svc = seeded_service();
  auto r = svc.verify(kJaneAdmin, token_type::access);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->type, token_type::access);
  EXPECT_EQ(r->subject(), "20202020-e6b5-4680-8a32-b8209737156b");
  EXPECT_EQ(r->workspace_id(), kAppleWorkspace);
  EXPECT_EQ(r->string_claim("workspaceMemberId"), "20202020-463f-435b-828c-107e007a2711");
  EXPECT_EQ(r->string_claim("userWorkspaceId"), "20202020-1e7c-43d9-a5db-685b5069d816");
  EXPECT_EQ(r->string_claim("authProvider"), "password");
}

TEST(TwentySeededTokens, MemberAndGuestStyleTokensAuthenticateAsAccess) {
  auto svc = seeded_service();
  auto r = svc.authenticate(kJonyMember);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->type, token_type::access);
  EXPECT_FALSE(r->bool_claim("isImpersonating"));
}

TEST(TwentySeededTokens, ImpersonationTokenCarriesImpersonationClaims) {
  auto svc = seeded_service();
  auto r = svc.authenticate(kSarahImpersonatesTim);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_TRUE(r->bool_claim("isImpersonating"));
  EXPECT_EQ(r->string_claim("authProvider"), "impersonation");
  EXPECT_EQ(r->string_claim("impersonatorUserWorkspaceId"), "31313131-0001-4000-8000-000000000000");
}

TEST(TwentySeededTokens, ExpiredTokenSaysTokenHasExpired) {
  auto svc = seeded_service();
  for (auto r : {svc.verify(kExpired, token_type::access), svc.authenticate(kExpired)}) {
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, auth_error_code::unauthenticated);
    EXPECT_EQ(r.error().message, "Token has expired.");
  }
}

TEST(TwentySeededTokens, TamperedSignatureSaysTokenInvalid) {
  auto svc = seeded_service();
  for (auto r : {svc.verify(kInvalid, token_type::access), svc.authenticate(kInvalid)}) {
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, auth_error_code::unauthenticated);
    EXPECT_EQ(r.error().message, "Token invalid.");
  }
}

TEST(TwentySeededTokens, ApiKeyTokenSignedWithAccessKeyVerifiesThroughTheFallback) {
  auto svc = seeded_service();
  auto as_key = svc.verify(kApiKey, token_type::api_key);
  ASSERT_TRUE(as_key) << as_key.error().message;
  EXPECT_EQ(as_key->type, token_type::api_key);
  EXPECT_EQ(as_key->jti(), "20202020-f401-4d8a-a731-64d007c27bad");
  EXPECT_EQ(as_key->subject(), kAppleWorkspace);

  auto bearer = svc.authenticate(kApiKey);
  ASSERT_TRUE(bearer) << bearer.error().message;
  EXPECT_EQ(bearer->type, token_type::api_key);
}

TEST(TwentySeededTokens, ApiKeyTokenIsNotAnAccessToken) {
  auto svc = seeded_service();
  auto r = svc.verify(kApiKey, token_type::access);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, auth_error_code::invalid_jwt_token_type);
}

TEST(TwentySeededTokens, PayloadSwappedToAnotherWorkspaceSaysTokenInvalid) {
  // As in the golden "tampered token" exchange: new payload, original signature.
  auto svc = seeded_service();
  auto payload = *base64url_decode(segment(kJaneAdmin, 1));
  auto at = payload.find(kAppleWorkspace);
  ASSERT_NE(at, std::string::npos);
  payload.replace(at, 36, "df35d3b2-48d5-4003-ac4d-6eb73356302c");
  auto forged =
      segment(kJaneAdmin, 0) + "." + base64url_encode(payload) + "." + segment(kJaneAdmin, 2);
  auto r = svc.authenticate(forged);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "Token invalid.");
}

TEST(TwentySeededTokens, WrongAppSecretSaysTokenInvalid) {
  token_service_options o;
  o.app_secret = "another_secret";
  token_service svc(o, [] { return system_clock::time_point(seconds(1767225600)); });
  auto r = svc.authenticate(kJaneAdmin);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "Token invalid.");
}

// The payloads Twenty 1.6.0 returned in spec/twenty-golden/auth.jsonl (that server ran with
// ACCESS_TOKEN_EXPIRES_IN=7d and LOGIN_TOKEN_EXPIRES_IN=1h). Ours must match byte for byte.
class GoldenPayloads : public ::testing::Test {
 protected:
  static constexpr const char* user = "6ec64ecc-9c1e-4e3d-bedc-dbecde71d16c";
  static constexpr const char* workspace = "ecb84dce-f7af-407e-a3e2-3844f998445b";
  static constexpr const char* user_workspace = "a13b3256-73b0-4bdb-bada-3f8d651ea507";

  static token_service at(std::int64_t unix_seconds) {
    token_service_options o;
    o.app_secret = "golden-secret-unknown";
    o.lifetimes.access = hours(24 * 7);
    o.lifetimes.login = hours(1);
    return token_service(
        o, [=] { return system_clock::time_point(milliseconds(unix_seconds * 1000 + 203)); });
  }
};

TEST_F(GoldenPayloads, WorkspaceAgnosticToken) {
  auto t = at(1795311043).mint_workspace_agnostic({user, "password"});
  EXPECT_EQ(segment(t.token, 1),
            "eyJzdWIiOiI2ZWM2NGVjYy05YzFlLTRlM2QtYmVkYy1kYmVjZGU3MWQxNmMiLCJ1c2VySWQiOiI2ZWM2NGVj"
            "Yy05YzFlLTRlM2QtYmVkYy1kYmVjZGU3MWQxNmMiLCJhdXRoUHJvdmlkZXIiOiJwYXNzd29yZCIsInR5cGUi"
            "OiJXT1JLU1BBQ0VfQUdOT1NUSUMiLCJpYXQiOjE3OTUzMTEwNDMsImV4cCI6MTc5NTMxMjg0M30");
  EXPECT_EQ(segment(t.token, 0), "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9");
  // expiresAt keeps milliseconds, like the golden "2026-11-22T02:00:43.203Z".
  EXPECT_EQ(duration_cast<milliseconds>(t.expires_at.time_since_epoch()).count(),
            (1795311043LL + 1800) * 1000 + 203);
}

TEST_F(GoldenPayloads, AgnosticRefreshToken) {
  refresh_token_claims c;
  c.user_id = user;
  c.targeted_token_type = token_type::workspace_agnostic;
  c.jti = "0540ac69-a1fe-4834-9f38-f6362630f377";
  auto t = at(1795311043).mint_refresh(c);
  EXPECT_EQ(segment(t.token, 1),
            "eyJ1c2VySWQiOiI2ZWM2NGVjYy05YzFlLTRlM2QtYmVkYy1kYmVjZGU3MWQxNmMiLCJhdXRoUHJvdmlkZXIi"
            "OiJwYXNzd29yZCIsInRhcmdldGVkVG9rZW5UeXBlIjoiV09SS1NQQUNFX0FHTk9TVElDIiwic3ViIjoiNmVj"
            "NjRlY2MtOWMxZS00ZTNkLWJlZGMtZGJlY2RlNzFkMTZjIiwidHlwZSI6IlJFRlJFU0giLCJpYXQiOjE3OTUz"
            "MTEwNDMsImV4cCI6MTgwMDQ5NTA0MywianRpIjoiMDU0MGFjNjktYTFmZS00ODM0LTlmMzgtZjYzNjI2MzBm"
            "Mzc3In0");
}

TEST_F(GoldenPayloads, LoginToken) {
  auto t = at(1795311044).mint_login({"alice.bench@gmail.com", workspace, "password", {}, {}});
  EXPECT_EQ(segment(t.token, 1),
            "eyJ0eXBlIjoiTE9HSU4iLCJzdWIiOiJhbGljZS5iZW5jaEBnbWFpbC5jb20iLCJ3b3Jrc3BhY2VJZCI6ImVj"
            "Yjg0ZGNlLWY3YWYtNDA3ZS1hM2UyLTM4NDRmOTk4NDQ1YiIsImF1dGhQcm92aWRlciI6InBhc3N3b3JkIiwi"
            "aWF0IjoxNzk1MzExMDQ0LCJleHAiOjE3OTUzMTQ2NDR9");
}

TEST_F(GoldenPayloads, AccessTokensBeforeAndAfterActivation) {
  access_token_claims c{user, workspace, std::nullopt, user_workspace, "password", std::nullopt};
  EXPECT_EQ(segment(at(1795311044).mint_access(c).token, 1),
            "eyJzdWIiOiI2ZWM2NGVjYy05YzFlLTRlM2QtYmVkYy1kYmVjZGU3MWQxNmMiLCJ1c2VySWQiOiI2ZWM2NGVj"
            "Yy05YzFlLTRlM2QtYmVkYy1kYmVjZGU3MWQxNmMiLCJ3b3Jrc3BhY2VJZCI6ImVjYjg0ZGNlLWY3YWYtNDA3"
            "ZS1hM2UyLTM4NDRmOTk4NDQ1YiIsInVzZXJXb3Jrc3BhY2VJZCI6ImExM2IzMjU2LTczYjAtNGJkYi1iYWRh"
            "LTNmOGQ2NTFlYTUwNyIsInR5cGUiOiJBQ0NFU1MiLCJhdXRoUHJvdmlkZXIiOiJwYXNzd29yZCIsImlhdCI6"
            "MTc5NTMxMTA0NCwiZXhwIjoxNzk1OTE1ODQ0fQ");
  c.workspace_member_id = "d800f2e3-a62b-40da-be6f-a3ee871117a1";
  EXPECT_EQ(segment(at(1795311049).mint_access(c).token, 1),
            "eyJzdWIiOiI2ZWM2NGVjYy05YzFlLTRlM2QtYmVkYy1kYmVjZGU3MWQxNmMiLCJ1c2VySWQiOiI2ZWM2NGVj"
            "Yy05YzFlLTRlM2QtYmVkYy1kYmVjZGU3MWQxNmMiLCJ3b3Jrc3BhY2VJZCI6ImVjYjg0ZGNlLWY3YWYtNDA3"
            "ZS1hM2UyLTM4NDRmOTk4NDQ1YiIsIndvcmtzcGFjZU1lbWJlcklkIjoiZDgwMGYyZTMtYTYyYi00MGRhLWJl"
            "NmYtYTNlZTg3MTExN2ExIiwidXNlcldvcmtzcGFjZUlkIjoiYTEzYjMyNTYtNzNiMC00YmRiLWJhZGEtM2Y4"
            "ZDY1MWVhNTA3IiwidHlwZSI6IkFDQ0VTUyIsImF1dGhQcm92aWRlciI6InBhc3N3b3JkIiwiaWF0IjoxNzk1"
            "MzExMDQ5LCJleHAiOjE3OTU5MTU4NDl9");
}

TEST_F(GoldenPayloads, WholeAccessTokenMatchesAnIndependentHs256Implementation) {
  // Computed with Python's hmac/hashlib from the same secret and payload.
  token_service_options o;
  o.app_secret = "test-app-secret";
  o.lifetimes.access = hours(24 * 7);
  token_service svc(o, [] { return system_clock::time_point(seconds(1795311044)); });
  auto t = svc.mint_access({user, workspace, std::nullopt, user_workspace, "password", {}});
  EXPECT_EQ(segment(t.token, 2), "NXXNCNWB4B1Ac5lTXCTok2byGJ3Jp5umVoOdbnAL83s");
}
