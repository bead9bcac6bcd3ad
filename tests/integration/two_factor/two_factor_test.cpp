// Two-factor authentication end to end on the real server: provisioning (as a signed-in member and
// with a login token when the workspace enforces 2FA), verification, sign-in that then needs an
// OTP, wrong and stale codes, the OTP throttle and deleting one's own method; every refusal with
// Twenty's message and codes.
#include <gtest/gtest.h>

#include "api/auth/totp.hpp"
#include "two_factor_server.hpp"

namespace {

namespace json = boost::json;
using cohort::testing::at;
using cohort::testing::error_body;
using cohort::testing::member;
using cohort::testing::secret_of;
using cohort::testing::text_at;
using cohort::testing::two_factor_server;
using clock_type = std::chrono::system_clock;

const char* const provision_for_user =
    "mutation { initiateOTPProvisioningForAuthenticatedUser { uri } }";
const char* const provision_with_login = R"(mutation($t: String!, $o: String!) {
  initiateOTPProvisioning(loginToken: $t, origin: $o) { uri } })";
const char* const verify_method = R"(mutation($otp: String!) {
  verifyTwoFactorAuthenticationMethodForAuthenticatedUser(otp: $otp) { success } })";
const char* const exchange = R"(mutation($t: String!, $o: String!) {
  getAuthTokensFromLoginToken(loginToken: $t, origin: $o) {
    tokens { accessOrWorkspaceAgnosticToken { token } refreshToken { token } } } })";
const char* const from_otp = R"(mutation($t: String!, $otp: String!, $o: String!) {
  getAuthTokensFromOTP(loginToken: $t, otp: $otp, origin: $o) {
    tokens { accessOrWorkspaceAgnosticToken { token } refreshToken { token } } } })";
const char* const delete_method = R"(mutation($id: UUID!) {
  deleteTwoFactorAuthenticationMethod(twoFactorAuthenticationMethodId: $id) { success } })";

std::string code_now(const std::string& secret) {
  return *cohort::api::auth::totp_code(secret, clock_type::now());
}

// A well-formed code that is not valid now (nor one step either side).
std::string wrong_code(const std::string& secret) {
  std::string code = code_now(secret);
  std::string wrong = code;
  wrong[0] = code[0] == '9' ? '0' : static_cast<char>(code[0] + 1);
  for (int step = -1; step <= 1; ++step) {
    auto other =
        *cohort::api::auth::totp_code(secret, clock_type::now() + std::chrono::seconds(30 * step));
    if (other == wrong) wrong[1] = wrong[1] == '9' ? '0' : static_cast<char>(wrong[1] + 1);
  }
  return wrong;
}

json::object invalid_otp_ext() {
  return {{"subCode", "INVALID_OTP"},
          {"userFriendlyMessage", "Invalid verification code. Please try again."},
          {"code", "BAD_USER_INPUT"}};
}

json::object auth_ext(const char* sub_code, const char* message, const char* code) {
  return {{"subCode", sub_code}, {"userFriendlyMessage", message}, {"code", code}};
}

std::string method_status(two_factor_server& s, const member& m) {
  return s.sql(
      "SELECT m.status FROM core.two_factor_authentication_method m JOIN core.user_workspace uw "
      "ON uw.id = m.user_workspace_id WHERE uw.user_id = '" +
      m.user_id + "' AND uw.workspace_id = '" + m.workspace_id + "'");
}

std::string method_id(two_factor_server& s, const member& m) {
  return s.sql(
      "SELECT m.id FROM core.two_factor_authentication_method m JOIN core.user_workspace uw "
      "ON uw.id = m.user_workspace_id WHERE uw.user_id = '" +
      m.user_id + "' AND uw.workspace_id = '" + m.workspace_id + "'");
}

// Provisions and verifies a TOTP method for `m`; its secret.
std::string enable_two_factor(two_factor_server& s, const member& m) {
  auto uri = text_at(s.post(provision_for_user, {}, m.access),
                     "/data/initiateOTPProvisioningForAuthenticatedUser/uri");
  std::string secret = secret_of(uri);
  auto verified = s.post(verify_method, {{"otp", code_now(secret)}}, m.access);
  EXPECT_EQ(at(verified, "/data/verifyTwoFactorAuthenticationMethodForAuthenticatedUser"),
            (json::object{{"success", true}}));
  return secret;
}

}  // namespace

TEST(TwoFactor, ProvisionVerifyThenSignInAsksForAnOtp) {
  auto& s = two_factor_server::shared();
  member m = s.sign_up("tf.flow@example.com");

  auto first = s.post(provision_for_user, {}, m.access);
  std::string uri = text_at(first, "/data/initiateOTPProvisioningForAuthenticatedUser/uri");
  EXPECT_EQ(uri.rfind("otpauth://totp/Twenty:tf.flow%40example.com?secret=", 0), 0u) << uri;
  EXPECT_NE(uri.find("&period=30&digits=6&algorithm=SHA1&issuer=Twenty"), std::string::npos);
  std::string secret = secret_of(uri);
  ASSERT_EQ(secret.size(), 32u);
  EXPECT_EQ(method_status(s, m), "PENDING");
  // Stored encrypted (Twenty's "<iv>:<ciphertext>"), never in clear.
  std::string stored =
      s.sql("SELECT secret FROM core.two_factor_authentication_method WHERE id = '" +
            method_id(s, m) + "'");
  EXPECT_EQ(stored.find(secret), std::string::npos);
  EXPECT_EQ(stored[32], ':') << stored;
  // Within the hour, provisioning again shows the same secret (the QR code already scanned).
  EXPECT_EQ(secret_of(text_at(s.post(provision_for_user, {}, m.access),
                              "/data/initiateOTPProvisioningForAuthenticatedUser/uri")),
            secret);

  // A method still PENDING does not change sign-in.
  auto before = s.post(exchange, {{"t", s.login_token(m)}, {"o", m.origin}});
  EXPECT_TRUE(at(before, "/data/getAuthTokensFromLoginToken/tokens").is_object());

  EXPECT_EQ(s.post(verify_method, {{"otp", wrong_code(secret)}}, m.access),
            error_body("Invalid OTP", invalid_otp_ext()));
  EXPECT_EQ(method_status(s, m), "PENDING");
  EXPECT_EQ(s.post(verify_method, {{"otp", code_now(secret)}}, m.access),
            (json::object{
                {"data", json::object{{"verifyTwoFactorAuthenticationMethodForAuthenticatedUser",
                                       json::object{{"success", true}}}}}}));
  EXPECT_EQ(method_status(s, m), "VERIFIED");
  // The member's settings show it (currentUser.currentUserWorkspace).
  auto me_before = s.post(R"({ currentUser { currentUserWorkspace {
      twoFactorAuthenticationMethodSummary { twoFactorAuthenticationMethodId status strategy } } } })",
                          {}, m.access);
  EXPECT_EQ(
      at(me_before, "/data/currentUser/currentUserWorkspace/twoFactorAuthenticationMethodSummary"),
      (json::array{json::object{{"twoFactorAuthenticationMethodId", method_id(s, m)},
                                {"status", "VERIFIED"},
                                {"strategy", "TOTP"}}}));

  // Signing in now stops at the login token: the OTP is required.
  std::string login = s.login_token(m);
  EXPECT_EQ(s.post(exchange, {{"t", login}, {"o", m.origin}}),
            error_body("Two factor authentication verification required",
                       auth_ext("TWO_FACTOR_AUTHENTICATION_VERIFICATION_REQUIRED",
                                "Two factor authentication verification required", "FORBIDDEN")));
  EXPECT_EQ(s.post(from_otp, {{"t", login}, {"otp", wrong_code(secret)}, {"o", m.origin}}),
            error_body("Invalid OTP", invalid_otp_ext()));
  // A code of five minutes ago has expired.
  auto stale = *cohort::api::auth::totp_code(secret, clock_type::now() - std::chrono::minutes(5));
  if (stale != code_now(secret)) {
    EXPECT_EQ(s.post(from_otp, {{"t", login}, {"otp", stale}, {"o", m.origin}}),
              error_body("Invalid OTP", invalid_otp_ext()));
  }
  // On /graphql as on /metadata.
  auto in =
      s.post(from_otp, {{"t", login}, {"otp", code_now(secret)}, {"o", m.origin}}, "", "/graphql");
  std::string access =
      text_at(in, "/data/getAuthTokensFromOTP/tokens/accessOrWorkspaceAgnosticToken/token");
  auto me = s.post("{ currentUser { id email } }", {}, access);
  EXPECT_EQ(at(me, "/data/currentUser"),
            (json::object{{"id", m.user_id}, {"email", "tf.flow@example.com"}}));
  // The login token was used once.
  EXPECT_EQ(
      s.post(from_otp, {{"t", login}, {"otp", code_now(secret)}, {"o", m.origin}}),
      error_body("Token has already been used.",
                 {{"userFriendlyMessage", "You must be authenticated to perform this action."},
                  {"subCode", "UNAUTHENTICATED"},
                  {"code", "UNAUTHENTICATED"}}));

  // A verified method is not provisioned again.
  EXPECT_EQ(s.post(provision_for_user, {}, m.access),
            error_body("A two factor authentication method has already been set. Please delete it "
                       "and try again.",
                       {{"subCode", "TWO_FACTOR_AUTHENTICATION_METHOD_ALREADY_PROVISIONED"},
                        {"userFriendlyMessage", "Two-factor authentication is already set up."},
                        {"code", "FORBIDDEN"}}));
  EXPECT_EQ(at(s.post(provision_with_login, {{"t", s.login_token(m)}, {"o", m.origin}}),
               "/errors/0/extensions/subCode"),
            "TWO_FACTOR_AUTHENTICATION_METHOD_ALREADY_PROVISIONED");
}

TEST(TwoFactor, EnforcingWorkspaceMakesMembersProvisionWithTheirLoginToken) {
  auto& s = two_factor_server::shared();
  member m = s.sign_up("tf.enforced@example.com");
  // The workspace's admin turns enforcement on (Settings > Security).
  auto enforced =
      s.post(R"(mutation { updateWorkspace(data: { isTwoFactorAuthenticationEnforced: true }) {
      id isTwoFactorAuthenticationEnforced } })",
             {}, m.access);
  EXPECT_EQ(at(enforced, "/data/updateWorkspace/isTwoFactorAuthenticationEnforced"), true);

  std::string login = s.login_token(m);
  EXPECT_EQ(s.post(exchange, {{"t", login}, {"o", m.origin}}),
            error_body("Two factor authentication setup required",
                       auth_ext("TWO_FACTOR_AUTHENTICATION_PROVISION_REQUIRED",
                                "Two factor authentication setup required", "FORBIDDEN")));
  // Without a method, an OTP cannot be checked.
  EXPECT_EQ(s.post(from_otp, {{"t", login}, {"otp", "123456"}, {"o", m.origin}}),
            error_body("Two Factor Authentication Method not found.",
                       {{"subCode", "INVALID_CONFIGURATION"},
                        {"userFriendlyMessage", "Invalid two-factor authentication configuration."},
                        {"code", "FORBIDDEN"}}));

  // The login token is valid for its own workspace only.
  member other = s.sign_up("tf.enforced.other@example.com");
  EXPECT_EQ(s.post(provision_with_login, {{"t", login}, {"o", other.origin}}),
            error_body("Token is not valid for this workspace",
                       auth_ext("FORBIDDEN_EXCEPTION", "Token is not valid for this workspace",
                                "FORBIDDEN")));

  auto provisioned = s.post(provision_with_login, {{"t", login}, {"o", m.origin}});
  std::string secret = secret_of(text_at(provisioned, "/data/initiateOTPProvisioning/uri"));
  ASSERT_FALSE(secret.empty());
  EXPECT_EQ(method_status(s, m), "PENDING");
  // The first accepted OTP verifies the method and opens the session.
  auto in = s.post(from_otp, {{"t", login}, {"otp", code_now(secret)}, {"o", m.origin}});
  EXPECT_TRUE(at(in, "/data/getAuthTokensFromOTP/tokens/refreshToken/token").is_string());
  EXPECT_EQ(method_status(s, m), "VERIFIED");
  EXPECT_EQ(at(s.post(exchange, {{"t", s.login_token(m)}, {"o", m.origin}}),
               "/errors/0/extensions/subCode"),
            "TWO_FACTOR_AUTHENTICATION_VERIFICATION_REQUIRED");
}

TEST(TwoFactor, MembersDeleteTheirOwnMethodOnly) {
  auto& s = two_factor_server::shared();
  member owner = s.sign_up("tf.owner@example.com");
  member colleague = s.sign_up("tf.colleague@example.com");
  enable_two_factor(s, owner);
  std::string id = method_id(s, owner);

  // The colleague joins the owner's workspace and signs in there.
  s.sql("INSERT INTO core.user_workspace (user_id, workspace_id) VALUES ('" + colleague.user_id +
        "', '" + owner.workspace_id + "')");
  member inside = colleague;
  inside.origin = owner.origin;
  inside.workspace_id = owner.workspace_id;
  auto in = s.post(exchange, {{"t", s.login_token(inside)}, {"o", owner.origin}});
  inside.access =
      text_at(in, "/data/getAuthTokensFromLoginToken/tokens/accessOrWorkspaceAgnosticToken/token");

  EXPECT_EQ(s.post(delete_method, {{"id", id}}, inside.access),
            error_body("You can only delete your own two-factor authentication methods",
                       auth_ext("FORBIDDEN_EXCEPTION",
                                "You can only delete your own two-factor authentication methods",
                                "FORBIDDEN")));
  // From another workspace the method does not exist.
  json::value not_found = error_body(
      "Two-factor authentication method not found",
      auth_ext("INVALID_INPUT", "Two-factor authentication method not found", "BAD_USER_INPUT"));
  EXPECT_EQ(s.post(delete_method, {{"id", id}}, colleague.access), not_found);
  EXPECT_EQ(s.post(delete_method, {{"id", "00000000-0000-4000-8000-000000000000"}}, owner.access),
            not_found);
  EXPECT_EQ(method_status(s, owner), "VERIFIED");

  EXPECT_EQ(at(s.post(delete_method, {{"id", id}}, owner.access),
               "/data/deleteTwoFactorAuthenticationMethod"),
            (json::object{{"success", true}}));
  EXPECT_EQ(method_status(s, owner), "<none>");
  // Sign-in no longer asks for an OTP.
  auto back = s.post(exchange, {{"t", s.login_token(owner)}, {"o", owner.origin}});
  EXPECT_TRUE(
      at(back, "/data/getAuthTokensFromLoginToken/tokens/accessOrWorkspaceAgnosticToken/token")
          .is_string());
}

TEST(TwoFactor, AnonymousCallersMayNotManageMethods) {
  auto& s = two_factor_server::shared();
  json::value forbidden = error_body(
      "Forbidden resource",
      {{"code", "INTERNAL_SERVER_ERROR"}, {"userFriendlyMessage", "An error occurred."}});
  EXPECT_EQ(s.post(provision_for_user), forbidden);
  EXPECT_EQ(s.post(verify_method, {{"otp", "123456"}}), forbidden);
  EXPECT_EQ(s.post(delete_method, {{"id", "00000000-0000-4000-8000-000000000000"}}), forbidden);
}

TEST(TwoFactor, OtpAttemptsAreThrottledPerUser) {
  auto& s = two_factor_server::shared();
  member m = s.sign_up("tf.throttled@example.com");
  std::string secret = secret_of(text_at(s.post(provision_for_user, {}, m.access),
                                         "/data/initiateOTPProvisioningForAuthenticatedUser/uri"));
  for (int i = 0; i < 10; ++i) {
    EXPECT_EQ(s.post(verify_method, {{"otp", wrong_code(secret)}}, m.access),
              error_body("Invalid OTP", invalid_otp_ext()))
        << "attempt " << i + 1;
  }
  // The 11th attempt is refused before the code is looked at, even a right one.
  EXPECT_EQ(s.post(verify_method, {{"otp", code_now(secret)}}, m.access),
            error_body("Limit reached (10 tokens per 900000 ms)",
                       {{"subCode", "LIMIT_REACHED"},
                        {"userFriendlyMessage", "An error occurred."},
                        {"code", "BAD_USER_INPUT"}}));
  EXPECT_EQ(method_status(s, m), "PENDING");
  // Another user is not affected.
  member other = s.sign_up("tf.unthrottled@example.com");
  enable_two_factor(s, other);
  EXPECT_EQ(method_status(s, other), "VERIFIED");
}

TEST(TwoFactor, LoginTokenMutationsRefuseBadTokensAndUnknownWorkspaces) {
  auto& s = two_factor_server::shared();
  member m = s.sign_up("tf.badtoken@example.com");
  json::value no_payload = error_body(
      "No payload", {{"userFriendlyMessage", "You must be authenticated to perform this action."},
                     {"subCode", "UNAUTHENTICATED"},
                     {"code", "UNAUTHENTICATED"}});
  EXPECT_EQ(s.post(provision_with_login, {{"t", "garbage"}, {"o", m.origin}}), no_payload);
  EXPECT_EQ(s.post(from_otp, {{"t", "garbage"}, {"otp", "123456"}, {"o", m.origin}}), no_payload);
  // An access token is not a login token.
  EXPECT_EQ(at(s.post(from_otp, {{"t", m.access}, {"otp", "123456"}, {"o", m.origin}}),
               "/errors/0/extensions/code"),
            "UNAUTHENTICATED");
  json::value no_workspace =
      error_body("Workspace not found",
                 auth_ext("WORKSPACE_NOT_FOUND", "Workspace not found", "UNAUTHENTICATED"));
  EXPECT_EQ(s.post(provision_with_login,
                   {{"t", s.login_token(m)}, {"o", "http://no-such-workspace.localhost:3000/"}}),
            no_workspace);
  EXPECT_EQ(method_status(s, m), "<none>");
}
