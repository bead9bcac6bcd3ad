// What the recovery-code suites share: a member of an admin's workspace (joined through the
// workspace's invite link), enabling a member's TOTP 2FA, issuing a recovery code as the admin and
// redeeming one with a login token — all through the real server's GraphQL API.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "api/auth/totp.hpp"
#include "two_factor_server.hpp"

namespace cohort::testing::recovery {

namespace json = boost::json;

inline const char* const redeem_mutation = R"(mutation($c: String!, $t: String!, $o: String!) {
  getAuthTokensFromTwoFactorAuthenticationRecoveryCode(recoveryCode: $c, loginToken: $t,
      origin: $o) { tokens { accessOrWorkspaceAgnosticToken { token } refreshToken { token } } } })";
inline const char* const generate_mutation = R"(mutation($u: UUID!, $otp: String) {
  generateTwoFactorAuthenticationRecoveryCode(userId: $u, otp: $otp) { recoveryCode expiresAt } })";
inline const char* const revoke_mutation = R"(mutation($u: UUID!) {
  revokeTwoFactorAuthenticationRecoveryCode(userId: $u) })";
inline const char* const status_query = R"(query($u: UUID!) {
  twoFactorAuthenticationRecoveryStatus(userId: $u) {
    hasVerifiedTwoFactorAuthenticationMethod pendingRecoveryCodeExpiresAt } })";
inline const char* const exchange_mutation = R"(mutation($t: String!, $o: String!) {
  getAuthTokensFromLoginToken(loginToken: $t, origin: $o) {
    tokens { accessOrWorkspaceAgnosticToken { token } refreshToken { token } } } })";

inline std::string code_now(const std::string& secret) {
  return *api::auth::totp_code(secret, std::chrono::system_clock::now());
}

// Provisions and verifies a TOTP method for `m` (signed in); its secret.
inline std::string enable_two_factor(two_factor_server& s, const member& m) {
  auto uri = text_at(
      s.post("mutation { initiateOTPProvisioningForAuthenticatedUser { uri } }", {}, m.access),
      "/data/initiateOTPProvisioningForAuthenticatedUser/uri");
  std::string secret = secret_of(uri);
  s.post(R"(mutation($otp: String!) {
      verifyTwoFactorAuthenticationMethodForAuthenticatedUser(otp: $otp) { success } })",
         {{"otp", code_now(secret)}}, m.access);
  return secret;
}

// A user signed up with a workspace of their own, activated (so it has roles and welcomes
// members): its creator holds the Admin role.
inline member workspace_admin(two_factor_server& s, const std::string& email) {
  member admin = s.sign_up(email);
  auto activated =
      s.post(R"(mutation($d: ActivateWorkspaceInput!) { activateWorkspace(data: $d) {
      id } })",
             {{"d", json::object{{"displayName", "Recovery " + email}}}}, admin.access);
  EXPECT_EQ(text_at(activated, "/data/activateWorkspace/id"), admin.workspace_id);
  return admin;
}

// A new user who joins `admin`'s workspace through its public invite link, signed in there.
inline member join(two_factor_server& s, const member& admin, const std::string& email) {
  std::string hash =
      s.sql("SELECT invite_hash FROM core.workspace WHERE id = '" + admin.workspace_id + "'");
  auto joined = s.post(R"(mutation($e: String!, $p: String!, $h: String) {
      signUpInWorkspace(email: $e, password: $p, workspaceInviteHash: $h) {
        loginToken { token } workspace { id } } })",
                       {{"e", email}, {"p", member_password}, {"h", hash}});
  member m;
  m.email = email;
  m.workspace_id = admin.workspace_id;
  m.origin = admin.origin;
  auto tokens =
      s.post(exchange_mutation,
             {{"t", text_at(joined, "/data/signUpInWorkspace/loginToken/token")}, {"o", m.origin}});
  m.access = text_at(
      tokens, "/data/getAuthTokensFromLoginToken/tokens/accessOrWorkspaceAgnosticToken/token");
  m.refresh = text_at(tokens, "/data/getAuthTokensFromLoginToken/tokens/refreshToken/token");
  m.user_id = s.sql("SELECT id FROM core.\"user\" WHERE email = '" + email + "'");
  return m;
}

// An admin and a member of the admin's workspace (<name>.admin@, <name>.member@example.com),
// both with 2FA: who issues recovery codes and who needs one.
struct admin_and_member {
  member admin;
  std::string admin_secret;
  member m;
  std::string member_secret;
};

inline admin_and_member with_two_factor(two_factor_server& s, const std::string& name) {
  admin_and_member out;
  out.admin = workspace_admin(s, name + ".admin@example.com");
  out.admin_secret = enable_two_factor(s, out.admin);
  out.m = join(s, out.admin, name + ".member@example.com");
  out.member_secret = enable_two_factor(s, out.m);
  return out;
}

// The admin's recovery code for `target` (the admin has 2FA with `admin_secret`).
inline std::string issue_code(two_factor_server& s, const member& admin,
                              const std::string& admin_secret, const member& target) {
  auto r = s.post(generate_mutation, {{"u", target.user_id}, {"otp", code_now(admin_secret)}},
                  admin.access);
  return text_at(r, "/data/generateTwoFactorAuthenticationRecoveryCode/recoveryCode");
}

inline json::value redeem(two_factor_server& s, const member& m, const std::string& code,
                          const std::string& login_token) {
  return s.post(redeem_mutation, {{"c", code}, {"t", login_token}, {"o", m.origin}});
}

inline json::object ext(const char* sub_code, const char* friendly, const char* code) {
  return {{"subCode", sub_code}, {"userFriendlyMessage", friendly}, {"code", code}};
}

inline json::value invalid_code_body() {
  return error_body(
      "Invalid recovery code",
      ext("INVALID_RECOVERY_CODE", "Invalid recovery code. Please try again.", "BAD_USER_INPUT"));
}

// The membership's recovery-code rows as "<used>/<revoked>" per row, oldest first.
inline std::string code_rows(two_factor_server& s, const member& m) {
  return s.sql(
      "SELECT coalesce(string_agg((c.used_at IS NOT NULL)::text || '/' || (c.revoked_at IS NOT "
      "NULL)::text, ',' ORDER BY c.created_at), '') FROM "
      "core.two_factor_authentication_recovery_code c JOIN core.user_workspace uw ON uw.id = "
      "c.user_workspace_id WHERE uw.user_id = '" +
      m.user_id + "' AND uw.workspace_id = '" + m.workspace_id + "'");
}

// The subjects of the mails queued for `m`, oldest first, joined by " | ".
inline std::string mail_subjects(two_factor_server& s, const member& m) {
  return s.sql(
      "SELECT coalesce(string_agg(payload->>'subject', ' | ' ORDER BY id), '') FROM core.job "
      "WHERE kind = 'email.send' AND payload->>'to' = '" +
      m.email + "'");
}

}  // namespace cohort::testing::recovery
