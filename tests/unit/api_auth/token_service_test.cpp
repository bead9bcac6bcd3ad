// Minting and verifying each Twenty token type, and every way a token is refused, with Twenty's
// exact messages.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "api/auth/api_key_token.hpp"
#include "api/auth/crypto.hpp"
#include "api/auth/jwt.hpp"
#include "api/auth/token_service.hpp"

using namespace cohort::api::auth;
using namespace std::chrono;

namespace {

constexpr const char* kSecret = "unit-test-app-secret";
constexpr const char* kUser = "11111111-1111-4111-8111-111111111111";
constexpr const char* kWorkspace = "22222222-2222-4222-8222-222222222222";
constexpr const char* kOtherWorkspace = "33333333-3333-4333-8333-333333333333";

// A clock the test moves by hand.
struct fake_clock {
  std::shared_ptr<system_clock::time_point> now =
      std::make_shared<system_clock::time_point>(seconds(1'800'000'000));
  token_service::clock fn() const {
    return [n = now] { return *n; };
  }
  void advance(system_clock::duration d) { *now += d; }
};

token_service make(const fake_clock& clock, std::string legacy = {}) {
  token_service_options o;
  o.app_secret = kSecret;
  o.legacy_access_token_secret = std::move(legacy);
  return token_service(o, clock.fn());
}

access_token_claims access_claims() {
  return {kUser,
          kWorkspace,
          std::string("44444444-4444-4444-8444-444444444444"),
          std::string("55555555-5555-4555-8555-555555555555"),
          "password",
          std::nullopt};
}

void expect_error(const result<verified_token>& r, auth_error_code code, const std::string& msg) {
  ASSERT_FALSE(r) << "token was accepted";
  EXPECT_EQ(r.error().code, code);
  EXPECT_EQ(r.error().message, msg);
}

std::string sign_raw(const std::string& header_json, const boost::json::object& payload,
                     const std::string& key) {
  auto input =
      base64url_encode(header_json) + "." + base64url_encode(boost::json::serialize(payload));
  return input + "." + base64url_encode(hmac_sha256(key, input));
}

}  // namespace

TEST(TokenService, AccessRoundTripKeepsEveryClaim) {
  fake_clock clock;
  auto svc = make(clock);
  auto t = svc.mint_access(access_claims());
  auto r = svc.verify(t.token, token_type::access);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->type, token_type::access);
  EXPECT_EQ(r->subject(), kUser);
  EXPECT_EQ(r->user_id(), kUser);
  EXPECT_EQ(r->workspace_id(), kWorkspace);
  EXPECT_EQ(r->string_claim("workspaceMemberId"), "44444444-4444-4444-8444-444444444444");
  EXPECT_EQ(r->string_claim("userWorkspaceId"), "55555555-5555-4555-8555-555555555555");
  EXPECT_EQ(r->string_claim("authProvider"), "password");
  EXPECT_FALSE(r->claims.contains("isImpersonating"));
  EXPECT_EQ(r->claims.at("exp").as_int64() - r->claims.at("iat").as_int64(), 30 * 60);
  EXPECT_EQ(t.expires_at, *clock.now + minutes(30));
  auto bearer = svc.authenticate(t.token);
  ASSERT_TRUE(bearer);
  EXPECT_EQ(bearer->type, token_type::access);
}

TEST(TokenService, AccessTokenWithImpersonation) {
  fake_clock clock;
  auto svc = make(clock);
  auto c = access_claims();
  c.auth_provider = "impersonation";
  c.impersonation = impersonation_claims{"imp-or", "imp-ed"};
  auto r = svc.authenticate(svc.mint_access(c).token);
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->bool_claim("isImpersonating"));
  EXPECT_EQ(r->string_claim("impersonatorUserWorkspaceId"), "imp-or");
  EXPECT_EQ(r->string_claim("impersonatedUserWorkspaceId"), "imp-ed");
}

TEST(TokenService, LifetimesComeFromSettings) {
  cohort::config::settings s;
  s.app_secret = kSecret;
  s.access_token_expires_in = hours(2);
  s.login_token_expires_in = minutes(7);
  s.refresh_token_expires_in = hours(24 * 3);
  s.workspace_agnostic_token_expires_in = minutes(11);
  s.file_token_expires_in = hours(5);
  s.short_term_token_expires_in = minutes(3);
  fake_clock clock;
  token_service svc(token_service_options::from_settings(s), clock.fn());
  auto lifetime = [](const minted_token& t) {
    auto d = decode_jwt(t.token);
    return d->payload.at("exp").as_int64() - d->payload.at("iat").as_int64();
  };
  EXPECT_EQ(lifetime(svc.mint_access(access_claims())), 2 * 3600);
  EXPECT_EQ(lifetime(svc.mint_login({"a@b.co", kWorkspace, "password", {}, {}})), 7 * 60);
  EXPECT_EQ(lifetime(svc.mint_refresh(
                {kUser, std::string(kWorkspace), "password", token_type::access, {}, "jti-1"})),
            3 * 86400);
  EXPECT_EQ(lifetime(svc.mint_workspace_agnostic({kUser, "google"})), 11 * 60);
  EXPECT_EQ(lifetime(svc.mint_file({kWorkspace, std::string("a.png"), {}})), 5 * 3600);
  EXPECT_EQ(lifetime(svc.mint_transient({"member", kUser, kWorkspace})), 3 * 60);
}

TEST(TokenService, WorkspaceAgnosticTokenIsKeyedByUser) {
  fake_clock clock;
  auto svc = make(clock);
  auto t = svc.mint_workspace_agnostic({kUser, "google"});
  auto r = svc.verify(t.token, token_type::workspace_agnostic);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->user_id(), kUser);
  EXPECT_EQ(r->string_claim("authProvider"), "google");
  EXPECT_FALSE(r->claims.contains("workspaceId"));
  auto bearer = svc.authenticate(t.token);
  ASSERT_TRUE(bearer) << bearer.error().message;
  EXPECT_EQ(bearer->type, token_type::workspace_agnostic);
  // Its key is the user's: the same token type for another user does not verify.
  auto d = *decode_jwt(t.token);
  EXPECT_EQ(verify_hs256(d, derive_signing_key(kSecret, kUser, token_type::workspace_agnostic),
                         1'800'000'000),
            jwt_check::ok);
}

TEST(TokenService, RefreshTokensForWorkspaceAndAgnosticSessions) {
  fake_clock clock;
  auto svc = make(clock);
  auto ws = svc.mint_refresh(
      {kUser, std::string(kWorkspace), "password", token_type::access, {}, "row-1"});
  auto r = svc.verify(ws.token, token_type::refresh);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->jti(), "row-1");
  EXPECT_EQ(r->string_claim("targetedTokenType"), "ACCESS");
  EXPECT_EQ(r->workspace_id(), kWorkspace);

  auto agnostic = svc.mint_refresh(
      {kUser, std::nullopt, "password", token_type::workspace_agnostic, {}, "row-2"});
  auto a = svc.verify(agnostic.token, token_type::refresh);
  ASSERT_TRUE(a) << a.error().message;
  EXPECT_EQ(a->jti(), "row-2");
  EXPECT_EQ(a->string_claim("targetedTokenType"), "WORKSPACE_AGNOSTIC");
  EXPECT_FALSE(a->claims.contains("workspaceId"));
}

TEST(TokenService, ImpersonationRefreshTokenLivesOneDay) {
  fake_clock clock;
  auto svc = make(clock);
  auto t = svc.mint_refresh({kUser, std::string(kWorkspace), "impersonation", token_type::access,
                             impersonation_claims{"a", "b"}, "row"});
  EXPECT_EQ(t.expires_at, *clock.now + hours(24));
  auto r = svc.verify(t.token, token_type::refresh);
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->bool_claim("isImpersonating"));
}

TEST(TokenService, LoginTokenSubjectIsTheEmailAndJtiIsOptional) {
  fake_clock clock;
  auto svc = make(clock);
  auto t = svc.mint_login({"tim@apple.dev", kWorkspace, "password", std::nullopt, "once-1"});
  auto r = svc.verify(t.token, token_type::login);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->subject(), "tim@apple.dev");
  EXPECT_EQ(r->workspace_id(), kWorkspace);
  EXPECT_EQ(r->jti(), "once-1");
  auto without = svc.verify(svc.mint_login({"tim@apple.dev", kWorkspace, "password", {}, {}}).token,
                            token_type::login);
  ASSERT_TRUE(without);
  EXPECT_FALSE(without->claims.contains("jti"));
}

TEST(TokenService, TransientTokenIsALoginTokenForAMember) {
  fake_clock clock;
  auto svc = make(clock);
  auto r = svc.verify(svc.mint_transient({"member-1", kUser, kWorkspace}).token, token_type::login);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->subject(), "member-1");
  EXPECT_EQ(r->string_claim("workspaceMemberId"), "member-1");
  EXPECT_EQ(r->user_id(), kUser);
}

TEST(TokenService, FileTokenRoundTrip) {
  fake_clock clock;
  auto svc = make(clock);
  auto r = svc.verify(svc.mint_file({kWorkspace, std::string("avatar.png"), {}}).token,
                      token_type::file);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->string_claim("filename"), "avatar.png");
  EXPECT_EQ(r->subject(), kWorkspace);
}

TEST(TokenService, ApiKeyTokenLivesUntilTheKeyExpires) {
  fake_clock clock;
  auto svc = make(clock);
  auto expires = *clock.now + hours(24 * 90) + milliseconds(1500);
  auto t = svc.mint_api_key({kWorkspace, "key-1", std::nullopt, expires});
  EXPECT_EQ(t.expires_at, expires);
  auto r = svc.verify(t.token, token_type::api_key);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->jti(), "key-1");
  EXPECT_EQ(r->subject(), kWorkspace);
  EXPECT_EQ(r->claims.at("exp").as_int64() - r->claims.at("iat").as_int64(), 90 * 86400 + 1);
  auto bearer = svc.authenticate(t.token);
  ASSERT_TRUE(bearer);
  EXPECT_EQ(bearer->type, token_type::api_key);
}

TEST(TokenService, ApiKeyWithoutExpiryLivesOneHundredYears) {
  fake_clock clock;
  auto svc = make(clock);
  auto t = svc.mint_api_key({kWorkspace, "key-2", std::nullopt, std::nullopt});
  auto d = decode_jwt(t.token);
  EXPECT_EQ(d->payload.at("exp").as_int64() - d->payload.at("iat").as_int64(), 3'155'760'000LL);
  EXPECT_EQ(api_key_token_lifetime(std::nullopt, *clock.now), milliseconds(3'155'760'000'000LL));
  EXPECT_EQ(api_key_token_lifetime(*clock.now + milliseconds(2999), *clock.now), seconds(2));
}

TEST(TokenService, GarbageSaysNoPayload) {
  fake_clock clock;
  auto svc = make(clock);
  for (std::string bad :
       {"not-a-jwt", "", "a.b", "a.b.c.d", "!!!.???.***", "eyJhIjoxfQ.bm90anNvbg.x",
        "bm90anNvbg.eyJzdWIiOiJ4In0.x", "WzFd.WzFd.x"}) {
    expect_error(svc.authenticate(bad), auth_error_code::unauthenticated, "No payload");
    expect_error(svc.verify(bad, token_type::login), auth_error_code::unauthenticated,
                 "No payload");
  }
}

TEST(TokenService, TokenWithoutSubjectSaysNoPayloadSub) {
  fake_clock clock;
  auto svc = make(clock);
  boost::json::object p{{"workspaceId", kWorkspace}, {"type", "ACCESS"}, {"exp", 1'900'000'000}};
  auto token = sign_raw(R"({"alg":"HS256","typ":"JWT"})", p,
                        derive_signing_key(kSecret, kWorkspace, token_type::access));
  expect_error(svc.authenticate(token), auth_error_code::unauthenticated, "No payload sub");
  expect_error(svc.verify(token, token_type::access), auth_error_code::unauthenticated,
               "No payload sub");
}

TEST(TokenService, ExpiryIsExclusiveOfTheExpSecond) {
  fake_clock clock;
  auto svc = make(clock);
  auto t = svc.mint_access(access_claims());
  clock.advance(minutes(30) - seconds(1));
  EXPECT_TRUE(svc.authenticate(t.token));
  clock.advance(seconds(1));  // now == exp
  expect_error(svc.authenticate(t.token), auth_error_code::unauthenticated, "Token has expired.");
  expect_error(svc.verify(t.token, token_type::access), auth_error_code::unauthenticated,
               "Token has expired.");
}

TEST(TokenService, BadSignatureWinsOverExpiry) {
  // jsonwebtoken checks the signature first: an expired forgery is "Token invalid.".
  fake_clock clock;
  auto svc = make(clock);
  auto t = svc.mint_access(access_claims()).token;
  t.back() = t.back() == 'A' ? 'B' : 'A';
  clock.advance(hours(1));
  expect_error(svc.authenticate(t), auth_error_code::unauthenticated, "Token invalid.");
}

TEST(TokenService, AlgNoneAndOtherAlgorithmsAreRefused) {
  fake_clock clock;
  auto svc = make(clock);
  boost::json::object p{{"sub", kUser},
                        {"userId", kUser},
                        {"workspaceId", kWorkspace},
                        {"type", "ACCESS"},
                        {"exp", 1'900'000'000}};
  auto key = derive_signing_key(kSecret, kWorkspace, token_type::access);
  auto none = base64url_encode(R"({"alg":"none","typ":"JWT"})") + "." +
              base64url_encode(boost::json::serialize(p)) + ".";
  expect_error(svc.authenticate(none), auth_error_code::unauthenticated, "Token invalid.");
  // Same bytes, right HMAC, but the header claims HS512 or nothing at all.
  for (auto header : {R"({"alg":"HS512","typ":"JWT"})", R"({"typ":"JWT"})", R"({"alg":"RS256"})"})
    expect_error(svc.authenticate(sign_raw(header, p, key)), auth_error_code::unauthenticated,
                 "Token invalid.");
  // The control: HS256 with that key passes.
  EXPECT_TRUE(svc.authenticate(sign_raw(R"({"alg":"HS256"})", p, key)));
}

TEST(TokenService, NotYetValidAndMissingExpAreInvalid) {
  fake_clock clock;
  auto svc = make(clock);
  auto key = derive_signing_key(kSecret, kWorkspace, token_type::access);
  boost::json::object p{{"sub", kUser}, {"workspaceId", kWorkspace}, {"type", "ACCESS"}};
  expect_error(svc.authenticate(sign_raw(R"({"alg":"HS256"})", p, key)),
               auth_error_code::unauthenticated, "Token invalid.");
  p["exp"] = "1900000000";
  expect_error(svc.authenticate(sign_raw(R"({"alg":"HS256"})", p, key)),
               auth_error_code::unauthenticated, "Token invalid.");
  p["exp"] = 1'900'000'000;
  p["nbf"] = 1'800'000'100;
  expect_error(svc.authenticate(sign_raw(R"({"alg":"HS256"})", p, key)),
               auth_error_code::unauthenticated, "Token invalid.");
  clock.advance(seconds(100));
  EXPECT_TRUE(svc.authenticate(sign_raw(R"({"alg":"HS256"})", p, key)));
}

TEST(TokenService, RefreshOrLoginTokenAsBearerSaysTokenInvalid) {
  // Golden exchange "refresh token used as access token": Token invalid., UNAUTHENTICATED.
  fake_clock clock;
  auto svc = make(clock);
  auto refresh =
      svc.mint_refresh({kUser, std::string(kWorkspace), "password", token_type::access, {}, "r"});
  expect_error(svc.authenticate(refresh.token), auth_error_code::unauthenticated, "Token invalid.");
  expect_error(svc.verify(refresh.token, token_type::access), auth_error_code::unauthenticated,
               "Token invalid.");
  auto login = svc.mint_login({"a@b.co", kWorkspace, "password", {}, {}});
  expect_error(svc.authenticate(login.token), auth_error_code::unauthenticated, "Token invalid.");
  auto agnostic_refresh =
      svc.mint_refresh({kUser, std::nullopt, "password", token_type::workspace_agnostic, {}, "r"});
  expect_error(svc.authenticate(agnostic_refresh.token), auth_error_code::unauthenticated,
               "Token invalid.");
}

TEST(TokenService, AccessTokenIsNotARefreshOrLoginToken) {
  fake_clock clock;
  auto svc = make(clock);
  auto access = svc.mint_access(access_claims()).token;
  expect_error(svc.verify(access, token_type::refresh), auth_error_code::unauthenticated,
               "Token invalid.");
  expect_error(svc.verify(access, token_type::login), auth_error_code::unauthenticated,
               "Token invalid.");
}

TEST(TokenService, TokenOfAnotherWorkspaceDoesNotVerify) {
  fake_clock clock;
  auto svc = make(clock);
  // Signed with workspace A's key but claiming workspace B.
  boost::json::object p{
      {"sub", kUser}, {"workspaceId", kOtherWorkspace}, {"type", "ACCESS"}, {"exp", 1'900'000'000}};
  auto token = sign_raw(R"({"alg":"HS256","typ":"JWT"})", p,
                        derive_signing_key(kSecret, kWorkspace, token_type::access));
  expect_error(svc.authenticate(token), auth_error_code::unauthenticated, "Token invalid.");
}

TEST(TokenService, TokenWithoutWorkspaceOrUserHasInvalidType) {
  fake_clock clock;
  auto svc = make(clock);
  boost::json::object p{{"sub", kUser}, {"type", "LOGIN"}, {"exp", 1'900'000'000}};
  auto token = sign_raw(R"({"alg":"HS256"})", p, "whatever");
  expect_error(svc.verify(token, token_type::login), auth_error_code::invalid_jwt_token_type,
               "Invalid token type");
}

TEST(TokenService, SignedTokenOfAnUnusableTypeIsRefusedAsBearer) {
  // A FILE token signed, unusually, with the ACCESS key: right signature, wrong purpose.
  fake_clock clock;
  auto svc = make(clock);
  boost::json::object p{
      {"sub", kWorkspace}, {"workspaceId", kWorkspace}, {"type", "FILE"}, {"exp", 1'900'000'000}};
  auto token = sign_raw(R"({"alg":"HS256"})", p,
                        derive_signing_key(kSecret, kWorkspace, token_type::access));
  expect_error(svc.authenticate(token), auth_error_code::invalid_jwt_token_type, "Invalid token");
}

TEST(TokenService, LegacyApiKeyUsesAccessTokenSecret) {
  fake_clock clock;
  boost::json::object p{
      {"sub", kWorkspace}, {"iat", 1'700'000'000}, {"exp", 1'900'000'000}, {"jti", "legacy-key"}};
  auto token = sign_raw(R"({"alg":"HS256","typ":"JWT"})", p, "old-access-token-secret");

  auto with = make(clock, "old-access-token-secret");
  auto r = with.authenticate(token);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_TRUE(r->is_legacy_api_key());
  EXPECT_EQ(r->jti(), "legacy-key");
  ASSERT_TRUE(with.verify(token, token_type::access));

  expect_error(make(clock, "another").authenticate(token), auth_error_code::unauthenticated,
               "Token invalid.");
  expect_error(make(clock).authenticate(token), auth_error_code::unauthenticated, "Token invalid.");
}

TEST(TokenService, ErrorCodesMapToTwentyGraphqlCodes) {
  EXPECT_EQ(graphql_error_code(auth_error_code::unauthenticated), "UNAUTHENTICATED");
  EXPECT_EQ(graphql_error_code(auth_error_code::invalid_jwt_token_type), "FORBIDDEN");
  EXPECT_EQ(graphql_error_code(auth_error_code::invalid_input), "BAD_USER_INPUT");
  EXPECT_EQ(graphql_error_code(auth_error_code::forbidden_exception), "FORBIDDEN");
  EXPECT_EQ(auth_error_code_name(auth_error_code::unauthenticated), "UNAUTHENTICATED");
  EXPECT_EQ(auth_error_code_name(auth_error_code::forbidden_exception), "FORBIDDEN_EXCEPTION");
}
