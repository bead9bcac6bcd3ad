// Password reset by e-mailed link: the link in the mail the server queues, its token
// checked, used once to set a new password (which ends the user's sessions), refused when reused,
// superseded or expired, and a weak password refused with Twenty's error.
#include <gtest/gtest.h>

#include <regex>

#include "api/auth/crypto.hpp"
#include "two_factor_server.hpp"

namespace {

namespace json = boost::json;
using cohort::testing::at;
using cohort::testing::error_body;
using cohort::testing::member;
using cohort::testing::text_at;
using cohort::testing::two_factor_server;

const char* const email_link = R"(mutation($e: String!, $w: UUID!) {
  emailPasswordResetLink(email: $e, workspaceId: $w) { success } })";
const char* const validate = R"(query($t: String!) {
  validatePasswordResetToken(passwordResetToken: $t) { id email } })";
const char* const update = R"(mutation($t: String!, $p: String!) {
  updatePasswordViaResetToken(passwordResetToken: $t, newPassword: $p) { success } })";
const char* const sign_in = R"(mutation($e: String!, $p: String!) {
  signIn(email: $e, password: $p) { tokens { accessOrWorkspaceAgnosticToken { token } } } })";
const char* const renew = R"(mutation($t: String!) {
  renewToken(appToken: $t) { tokens { refreshToken { token } } } })";

json::value success_of(const char* field) {
  return json::object{{"data", json::object{{field, json::object{{"success", true}}}}}};
}

json::value invalid_token() {
  return error_body("Token is invalid", {{"subCode", "FORBIDDEN_EXCEPTION"},
                                         {"userFriendlyMessage", "Token is invalid"},
                                         {"code", "FORBIDDEN"}});
}

// Asks for a link and returns the token of the mail it queued for the member.
std::string request_link(two_factor_server& s, const member& m) {
  EXPECT_EQ(s.post(email_link, {{"e", m.email}, {"w", m.workspace_id}}),
            success_of("emailPasswordResetLink"));
  std::string subject = s.sql(
      "SELECT payload->>'subject' FROM core.job WHERE kind = 'email.send' "
      "AND payload->>'to' = '" +
      m.email + "' ORDER BY id DESC LIMIT 1");
  EXPECT_EQ(subject, "Action Needed to Reset Password");
  std::string text = s.sql(
      "SELECT payload->>'text' FROM core.job WHERE kind = 'email.send' AND "
      "payload->>'to' = '" +
      m.email + "' ORDER BY id DESC LIMIT 1");
  std::smatch found;
  std::regex link("(\\S+)/reset-password/([0-9a-f]{64})");
  if (!std::regex_search(text, found, link)) {
    ADD_FAILURE() << "no reset link in " << text;
    return {};
  }
  EXPECT_EQ(found[1].str() + "/", m.origin);  // the link opens the member's workspace
  EXPECT_NE(text.find("within the next 5 minutes"), std::string::npos) << text;
  return found[2].str();
}

}  // namespace

TEST(PasswordReset, ALinkSetsANewPasswordOnceAndEndsTheSessions) {
  auto& s = two_factor_server::shared();
  member m = s.sign_up("pr.user@example.com");
  std::string token = request_link(s, m);
  // Only the token's SHA-256 is stored.
  EXPECT_EQ(s.sql("SELECT value FROM core.app_token WHERE user_id = '" + m.user_id +
                  "' AND type = 'PASSWORD_RESET_TOKEN' AND revoked_at IS NULL"),
            cohort::api::auth::to_hex(cohort::api::auth::sha256(token)));

  EXPECT_EQ(s.post(validate, {{"t", token}}),
            (json::object{
                {"data", json::object{{"validatePasswordResetToken",
                                       json::object{{"id", m.user_id}, {"email", m.email}}}}}}));
  EXPECT_EQ(s.post(update, {{"t", token}, {"p", "short"}}),
            error_body("Password too weak", {{"subCode", "INVALID_INPUT"},
                                             {"userFriendlyMessage", "Password too weak"},
                                             {"code", "BAD_USER_INPUT"}}));
  EXPECT_EQ(s.post(update, {{"t", token}, {"p", "N3w-Passw0rd!"}}),
            success_of("updatePasswordViaResetToken"));

  // Used once.
  EXPECT_EQ(s.post(update, {{"t", token}, {"p", "Other-Passw0rd!"}}), invalid_token());
  EXPECT_EQ(s.post(validate, {{"t", token}}), invalid_token());
  EXPECT_EQ(s.post(validate, {{"t", "not-a-token"}}), invalid_token());

  // The new password signs in, the old one no longer does.
  EXPECT_TRUE(at(s.post(sign_in, {{"e", m.email}, {"p", "N3w-Passw0rd!"}}),
                 "/data/signIn/tokens/accessOrWorkspaceAgnosticToken/token")
                  .is_string());
  EXPECT_EQ(s.post(sign_in, {{"e", m.email}, {"p", cohort::testing::member_password}}),
            error_body("Wrong password", {{"subCode", "FORBIDDEN_EXCEPTION"},
                                          {"userFriendlyMessage", "Wrong password"},
                                          {"code", "FORBIDDEN"}}));
  // Sessions opened before the reset are over.
  EXPECT_EQ(at(s.post(renew, {{"t", m.refresh}}), "/errors/0/message"),
            "This refresh token doesn't exist");
}

TEST(PasswordReset, SupersededAndExpiredLinksAreRefused) {
  auto& s = two_factor_server::shared();
  member m = s.sign_up("pr.expiry@example.com");
  std::string first = request_link(s, m);
  std::string second = request_link(s, m);
  ASSERT_NE(first, second);
  // A new link revokes the earlier one.
  EXPECT_EQ(s.post(validate, {{"t", first}}), invalid_token());
  EXPECT_EQ(text_at(s.post(validate, {{"t", second}}), "/data/validatePasswordResetToken/id"),
            m.user_id);
  // Past PASSWORD_RESET_TOKEN_EXPIRES_IN (5 minutes by default) it is refused.
  s.sql("UPDATE core.app_token SET expires_at = now() - interval '1 second' WHERE user_id = '" +
        m.user_id + "' AND type = 'PASSWORD_RESET_TOKEN'");
  EXPECT_EQ(s.post(validate, {{"t", second}}), invalid_token());
  EXPECT_EQ(s.post(update, {{"t", second}, {"p", "N3w-Passw0rd!"}}), invalid_token());
}

TEST(PasswordReset, UnknownAddressesGetTheSameAnswerAndNoMail) {
  auto& s = two_factor_server::shared();
  std::string before =
      s.sql("SELECT count(*) FROM core.app_token WHERE type = 'PASSWORD_RESET_TOKEN'");
  EXPECT_EQ(s.post(email_link,
                   {{"e", "nobody@example.com"}, {"w", "00000000-0000-4000-8000-000000000000"}}),
            success_of("emailPasswordResetLink"));
  EXPECT_EQ(s.sql("SELECT count(*) FROM core.app_token WHERE type = 'PASSWORD_RESET_TOKEN'"),
            before);
  EXPECT_EQ(s.sql("SELECT count(*) FROM core.job WHERE kind = 'email.send' AND "
                  "payload->>'to' = 'nobody@example.com'"),
            "0");
}
