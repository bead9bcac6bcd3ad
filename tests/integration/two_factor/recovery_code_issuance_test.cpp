// Issuing recovery codes and the limits around their use, on the real server: only a signed-in
// member whose role holds SECURITY, who has 2FA and gives an OTP, issues a code, never for
// themselves, only for a member of their workspace who has 2FA; a workspace that enforces 2FA has
// the recovered member set it up again; redemption attempts are limited per member (Twenty's 5 per
// 15 minutes) and count against the member's OTP attempts (10 per 15 minutes).
#include <gtest/gtest.h>

#include "recovery_fixture.hpp"

namespace {

namespace json = boost::json;
using namespace cohort::testing;
using namespace cohort::testing::recovery;

json::value refusal(const char* message, const char* sub_code, const char* friendly,
                    const char* code) {
  return error_body(message, ext(sub_code, friendly, code));
}

TEST(RecoveryCodeIssuance, OnlyASecurityAdminWithTwoFactorForAnotherMemberWithTwoFactor) {
  auto& s = two_factor_server::shared();
  member admin = workspace_admin(s, "rci.admin@example.com");
  member m = join(s, admin, "rci.member@example.com");
  member outsider = s.sign_up("rci.outsider@example.com");
  enable_two_factor(s, outsider);
  auto generate = [&](const member& by, const std::string& target, json::value otp) {
    return s.post(generate_mutation, {{"u", target}, {"otp", otp}}, by.access);
  };

  // No 2FA of one's own: no step-up possible.
  EXPECT_EQ(generate(admin, m.user_id, json::value("123456")),
            refusal("Two-factor authentication must be enabled in the current workspace for this "
                    "action",
                    "STEP_UP_AUTHENTICATION_REQUIRED",
                    "Set up two-factor authentication on your own account before generating a "
                    "recovery code.",
                    "BAD_USER_INPUT"));
  std::string admin_secret = enable_two_factor(s, admin);
  EXPECT_EQ(generate(admin, m.user_id, nullptr),
            refusal("A two-factor authentication code is required for this action",
                    "STEP_UP_AUTHENTICATION_REQUIRED",
                    "Enter your two-factor authentication code to generate a recovery code.",
                    "BAD_USER_INPUT"));
  EXPECT_EQ(generate(admin, admin.user_id, json::value(code_now(admin_secret))),
            refusal("A recovery code cannot be generated for yourself",
                    "RECOVERY_CODE_TARGET_NOT_ALLOWED",
                    "You can't generate a recovery code for yourself. Reset two-factor "
                    "authentication from your profile instead.",
                    "FORBIDDEN"));
  std::string wrong = code_now(admin_secret) == "000000" ? "111111" : "000000";
  EXPECT_EQ(text_at(generate(admin, m.user_id, json::value(wrong)), "/errors/0/extensions/subCode"),
            "INVALID_OTP");
  // The member has no 2FA: nothing to recover.
  EXPECT_EQ(generate(admin, m.user_id, json::value(code_now(admin_secret))),
            refusal("The member has no verified two-factor authentication method",
                    "RECOVERY_CODE_TARGET_NOT_ALLOWED",
                    "This member hasn't set up two-factor authentication, so there is nothing to "
                    "recover.",
                    "FORBIDDEN"));
  // A user of another workspace is no target, whatever their 2FA.
  auto not_member =
      refusal("The user is not a member of this workspace", "RECOVERY_CODE_TARGET_NOT_ALLOWED",
              "This user is not a member of the workspace.", "FORBIDDEN");
  EXPECT_EQ(generate(admin, outsider.user_id, json::value(code_now(admin_secret))), not_member);
  EXPECT_EQ(s.post(revoke_mutation, {{"u", outsider.user_id}}, admin.access), not_member);
  EXPECT_EQ(s.post(status_query, {{"u", outsider.user_id}}, admin.access), not_member);

  // A Member's role lacks SECURITY: refused, even for a colleague with 2FA.
  std::string member_secret = enable_two_factor(s, m);
  member colleague = join(s, admin, "rci.colleague@example.com");
  enable_two_factor(s, colleague);
  auto denied = error_body(
      "Entity performing the request does not have permission",
      ext("PERMISSION_DENIED", "You do not have permission to perform this action.", "FORBIDDEN"));
  EXPECT_EQ(generate(m, colleague.user_id, json::value(code_now(member_secret))), denied);
  EXPECT_EQ(s.post(status_query, {{"u", colleague.user_id}}, m.access), denied);
  EXPECT_EQ(s.post(revoke_mutation, {{"u", colleague.user_id}}, m.access), denied);
  // Anonymous: refused.
  EXPECT_EQ(text_at(s.post(generate_mutation, {{"u", m.user_id}, {"otp", "123456"}}),
                    "/errors/0/message"),
            "Forbidden resource");
  EXPECT_EQ(code_rows(s, m), "");
  EXPECT_EQ(code_rows(s, colleague), "");

  // The same on /graphql.
  auto on_graphql = s.post(generate_mutation, {{"u", m.user_id}, {"otp", code_now(admin_secret)}},
                           admin.access, "/graphql");
  EXPECT_EQ(
      text_at(on_graphql, "/data/generateTwoFactorAuthenticationRecoveryCode/recoveryCode").size(),
      23u);
  EXPECT_EQ(code_rows(s, m), "false/false");
}

TEST(RecoveryCodeIssuance, OnlyAServerAdministratorManagesAServerAdministratorsRecovery) {
  auto& s = two_factor_server::shared();
  member admin = workspace_admin(s, "rci.server.admin@example.com");
  std::string admin_secret = enable_two_factor(s, admin);
  member operator_ = join(s, admin, "rci.server.operator@example.com");
  enable_two_factor(s, operator_);
  s.sql("UPDATE core.\"user\" SET can_impersonate = true WHERE id = '" + operator_.user_id +
        "' RETURNING id");
  auto refused = refusal(
      "Only a server administrator can manage recovery codes for a server administrator",
      "RECOVERY_CODE_TARGET_NOT_ALLOWED",
      "Only a server administrator can manage recovery codes for this member.", "FORBIDDEN");
  EXPECT_EQ(s.post(generate_mutation, {{"u", operator_.user_id}, {"otp", code_now(admin_secret)}},
                   admin.access),
            refused);
  EXPECT_EQ(s.post(revoke_mutation, {{"u", operator_.user_id}}, admin.access), refused);
  EXPECT_EQ(s.post(status_query, {{"u", operator_.user_id}}, admin.access), refused);
  EXPECT_EQ(code_rows(s, operator_), "");
  // A server administrator may.
  s.sql("UPDATE core.\"user\" SET can_access_full_admin_panel = true WHERE id = '" + admin.user_id +
        "' RETURNING id");
  EXPECT_EQ(issue_code(s, admin, admin_secret, operator_).size(), 23u);
  EXPECT_EQ(code_rows(s, operator_), "false/false");
}

TEST(RecoveryCodeIssuance, AnEnforcingWorkspaceHasTheRecoveredMemberSetUpTwoFactorAgain) {
  auto& s = two_factor_server::shared();
  auto [admin, admin_secret, m, member_secret] = with_two_factor(s, "rci.enforced");
  std::string code = issue_code(s, admin, admin_secret, m);
  s.sql("UPDATE core.workspace SET is_two_factor_authentication_enforced = true WHERE id = '" +
        admin.workspace_id + "' RETURNING id");

  std::string login = s.login_token(m);
  EXPECT_EQ(redeem(s, m, code, login),
            refusal("Two factor authentication setup required",
                    "TWO_FACTOR_AUTHENTICATION_PROVISION_REQUIRED",
                    "Two factor authentication setup required", "FORBIDDEN"));
  // The code is spent and the old 2FA gone: the same login token provisions a new one.
  EXPECT_EQ(code_rows(s, m), "true/false");
  auto uri = s.post(R"(mutation($t: String!, $o: String!) {
      initiateOTPProvisioning(loginToken: $t, origin: $o) { uri } })",
                    {{"t", login}, {"o", m.origin}});
  EXPECT_EQ(text_at(uri, "/data/initiateOTPProvisioning/uri").rfind("otpauth://totp/", 0), 0u);
}

TEST(RecoveryCodeIssuance, RedemptionAttemptsAreLimitedAndShareTheOtpThrottle) {
  auto& s = two_factor_server::shared();
  member admin = workspace_admin(s, "rci.limit.admin@example.com");
  std::string admin_secret = enable_two_factor(s, admin);
  member guesser = join(s, admin, "rci.limit.guesser@example.com");
  enable_two_factor(s, guesser);
  std::string code = issue_code(s, admin, admin_secret, guesser);
  std::string login = s.login_token(guesser);
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(redeem(s, guesser, "7K2QM-0ZP9D-XW4RT-B8NV" + std::to_string(i), login),
              invalid_code_body());
  }
  auto limited = error_body("Limit reached (5 tokens per 900000 ms)",
                            ext("LIMIT_REACHED", "An error occurred.", "BAD_USER_INPUT"));
  EXPECT_EQ(redeem(s, guesser, code, login), limited);  // even the right code, now
  EXPECT_EQ(code_rows(s, guesser), "false/false");

  // OTP guesses and recovery guesses add up in the member's OTP throttle.
  member m = join(s, admin, "rci.limit.shared@example.com");
  enable_two_factor(s, m);  // one OTP attempt
  std::string m_code = issue_code(s, admin, admin_secret, m);
  std::string m_login = s.login_token(m);
  const char* const from_otp = R"(mutation($t: String!, $otp: String!, $o: String!) {
      getAuthTokensFromOTP(loginToken: $t, otp: $otp, origin: $o) { tokens {
        refreshToken { token } } } })";
  for (int i = 0; i < 5; ++i) {  // attempts 2-6
    EXPECT_EQ(text_at(s.post(from_otp, {{"t", m_login}, {"otp", "abcdef"}, {"o", m.origin}}),
                      "/errors/0/extensions/subCode"),
              "INVALID_OTP");
  }
  for (int i = 0; i < 4; ++i) {  // attempts 7-10
    EXPECT_EQ(redeem(s, m, "7K2QM-0ZP9D-XW4RT-B8NV" + std::to_string(i), m_login),
              invalid_code_body());
  }
  EXPECT_EQ(redeem(s, m, m_code, m_login),
            error_body("Limit reached (10 tokens per 900000 ms)",
                       ext("LIMIT_REACHED", "An error occurred.", "BAD_USER_INPUT")));
  EXPECT_EQ(code_rows(s, m), "false/false");
}

}  // namespace
