// Two-factor recovery codes end to end on the real server (newer Twenty's operations, served beside
// 1.6's): an admin issues a member who lost their authenticator a code, the member signs in with it
// instead of an OTP; the code works once (also under two concurrent uses), only for that member,
// dies when another is issued, when it is revoked, when the member deletes their 2FA or signs in
// with an OTP; malformed input is refused before anything is looked up. Every refusal is checked
// with Twenty's error shape, and the rows in SQL.
#include <gtest/gtest.h>

#include <array>
#include <cctype>
#include <future>
#include <regex>
#include <thread>

#include "integration_support/sql_session.hpp"
#include "recovery_fixture.hpp"

namespace {

namespace json = boost::json;
using namespace cohort::testing;
using namespace cohort::testing::recovery;

TEST(RecoveryCode, LostAuthenticatorSignInWithTheAdminsCodeThenTokensWork) {
  auto& s = two_factor_server::shared();
  auto [admin, admin_secret, m, member_secret] = with_two_factor(s, "rc.flow");

  auto issued =
      s.post(generate_mutation, {{"u", m.user_id}, {"otp", code_now(admin_secret)}}, admin.access);
  std::string code =
      text_at(issued, "/data/generateTwoFactorAuthenticationRecoveryCode/recoveryCode");
  EXPECT_TRUE(
      std::regex_match(code, std::regex("([0-9A-HJKMNP-TV-Z]{5}-){3}[0-9A-HJKMNP-TV-Z]{5}")))
      << code;
  std::string expires =
      text_at(issued, "/data/generateTwoFactorAuthenticationRecoveryCode/expiresAt");
  EXPECT_EQ(s.sql("SELECT ('" + expires +
                  "'::timestamptz - now()) BETWEEN interval '59 minutes' "
                  "AND interval '1 hour'"),
            "t");
  // Stored as a keyed hash, never the code.
  EXPECT_EQ(code_rows(s, m), "false/false");
  EXPECT_EQ(s.sql("SELECT count(*) FROM core.two_factor_authentication_recovery_code WHERE "
                  "code_hash LIKE '%" +
                  code.substr(0, 5) + "%' OR code_hash = '" +
                  cohort::api::auth::hash_recovery_code(code) + "'"),
            "0");
  // The member is told, by mail, by whom; the code itself is not in it (the admin hands it over).
  EXPECT_EQ(mail_subjects(s, m), "A two-factor authentication recovery code was generated for you");
  std::string mail = s.sql(
      "SELECT payload->>'text' FROM core.job WHERE kind = 'email.send' AND payload->>'to' = '" +
      m.email + "'");
  EXPECT_NE(mail.find(admin.email), std::string::npos) << mail;
  EXPECT_EQ(mail.find(code), std::string::npos) << mail;
  auto status = s.post(status_query, {{"u", m.user_id}}, admin.access);
  EXPECT_EQ(at(status,
               "/data/twoFactorAuthenticationRecoveryStatus/"
               "hasVerifiedTwoFactorAuthenticationMethod"),
            json::value(true));
  EXPECT_EQ(text_at(status,
                    "/data/twoFactorAuthenticationRecoveryStatus/"
                    "pendingRecoveryCodeExpiresAt"),
            expires);

  // The member signs out, then signs in: the OTP is asked for, the recovery code is given.
  s.post("mutation($r: String) { signOut(refreshToken: $r) }", {{"r", m.refresh}});
  std::string login = s.login_token(m);
  EXPECT_EQ(text_at(s.post(exchange_mutation, {{"t", login}, {"o", m.origin}}),
                    "/errors/0/extensions/subCode"),
            "TWO_FACTOR_AUTHENTICATION_VERIFICATION_REQUIRED");
  // Typed loosely (lower case, spaces): the same code.
  std::string typed = code;
  for (auto& c : typed) c = c == '-' ? ' ' : static_cast<char>(std::tolower(c));
  auto tokens = redeem(s, m, typed, login);
  std::string access = text_at(tokens,
                               "/data/getAuthTokensFromTwoFactorAuthenticationRecoveryCode/tokens/"
                               "accessOrWorkspaceAgnosticToken/token");
  auto me = s.post("{ currentUser { id email } }", {}, access);
  EXPECT_EQ(text_at(me, "/data/currentUser/id"), m.user_id);
  // The code is used up and the member's 2FA was reset: their next sign-in needs no OTP.
  EXPECT_EQ(code_rows(s, m), "true/false");
  EXPECT_EQ(mail_subjects(s, m),
            "A two-factor authentication recovery code was generated for you | Your two-factor "
            "authentication was reset");
  EXPECT_EQ(s.sql("SELECT count(*) FROM core.two_factor_authentication_method m JOIN "
                  "core.user_workspace uw ON uw.id = m.user_workspace_id WHERE uw.user_id = '" +
                  m.user_id + "'"),
            "0");
  std::string next_login = s.login_token(m);
  EXPECT_EQ(redeem(s, m, code, next_login), invalid_code_body());  // reuse refused
  EXPECT_TRUE(at(s.post(exchange_mutation, {{"t", next_login}, {"o", m.origin}}),
                 "/data/getAuthTokensFromLoginToken/tokens")
                  .is_object());
  // The login token the code was redeemed with is spent.
  EXPECT_EQ(
      text_at(s.post(exchange_mutation, {{"t", login}, {"o", m.origin}}), "/errors/0/message"),
      "Token has already been used.");
}

TEST(RecoveryCode, TwoConcurrentUsesOfOneCodeExactlyOneSignsIn) {
  auto& s = two_factor_server::shared();
  auto [admin, admin_secret, m, member_secret] = with_two_factor(s, "rc.race");
  std::string code = issue_code(s, admin, admin_secret, m);
  std::string login_a = s.login_token(m), login_b = s.login_token(m);

  // The test's own transaction holds the code's row: both redemptions get past the hash check
  // and wait on it in their UPDATE, then race for the row once it is released.
  sql_session blocker(s.database_url);
  ASSERT_TRUE(blocker.ok());
  blocker.run("BEGIN");
  blocker.run(
      "SELECT c.id FROM core.two_factor_authentication_recovery_code c JOIN core.user_workspace "
      "uw ON uw.id = c.user_workspace_id WHERE uw.user_id = '" +
      m.user_id + "' FOR UPDATE OF c");
  auto a = std::async(std::launch::async, [&] { return redeem(s, m, code, login_a); });
  auto b = std::async(std::launch::async, [&] { return redeem(s, m, code, login_b); });
  sql_session watcher(s.database_url);
  std::string waiting;
  for (int i = 0; i < 600 && waiting != "2"; ++i) {
    waiting = watcher.run(
        "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = "
        "current_database() AND query LIKE '%two_factor_authentication_recovery_code SET "
        "used_at%'");
    if (waiting != "2") std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_EQ(waiting, "2");
  blocker.run("COMMIT");

  auto answers = std::array{a.get(), b.get()};
  auto signed_in = [](const json::value& r) {
    return !r.as_object().contains("errors") &&
           r.at("data").at("getAuthTokensFromTwoFactorAuthenticationRecoveryCode").is_object();
  };
  EXPECT_NE(signed_in(answers[0]), signed_in(answers[1])) << json::serialize(answers[0]) << "\n"
                                                          << json::serialize(answers[1]);
  EXPECT_EQ(signed_in(answers[0]) ? answers[1] : answers[0], invalid_code_body());
  EXPECT_EQ(code_rows(s, m), "true/false");
}

TEST(RecoveryCode, WrongCodeAndAnotherMembersOrWorkspacesCodeAreRefused) {
  auto& s = two_factor_server::shared();
  member admin = workspace_admin(s, "rc.other.admin@example.com");
  std::string admin_secret = enable_two_factor(s, admin);
  member m = join(s, admin, "rc.other.member@example.com");
  member colleague = join(s, admin, "rc.other.colleague@example.com");
  enable_two_factor(s, m);
  enable_two_factor(s, colleague);
  std::string colleagues_code = issue_code(s, admin, admin_secret, colleague);

  member elsewhere_admin = workspace_admin(s, "rc.elsewhere.admin@example.com");
  std::string elsewhere_secret = enable_two_factor(s, elsewhere_admin);
  member elsewhere = join(s, elsewhere_admin, "rc.elsewhere.member@example.com");
  enable_two_factor(s, elsewhere);
  std::string elsewhere_code = issue_code(s, elsewhere_admin, elsewhere_secret, elsewhere);

  std::string login = s.login_token(m);
  EXPECT_EQ(redeem(s, m, "7K2QM-0ZP9D-XW4RT-B8NVH", login), invalid_code_body());
  EXPECT_EQ(redeem(s, m, colleagues_code, login), invalid_code_body());
  EXPECT_EQ(redeem(s, m, elsewhere_code, login), invalid_code_body());
  // Nothing was used; the member still needs an OTP; the others' codes still work.
  EXPECT_EQ(code_rows(s, colleague), "false/false");
  EXPECT_EQ(code_rows(s, elsewhere), "false/false");
  EXPECT_EQ(text_at(s.post(exchange_mutation, {{"t", login}, {"o", m.origin}}),
                    "/errors/0/extensions/subCode"),
            "TWO_FACTOR_AUTHENTICATION_VERIFICATION_REQUIRED");
  // A login token of one workspace is no key to another's members.
  EXPECT_EQ(
      s.post(redeem_mutation, {{"c", elsewhere_code}, {"t", login}, {"o", elsewhere.origin}}),
      error_body("Token is not valid for this workspace",
                 ext("FORBIDDEN_EXCEPTION", "Token is not valid for this workspace", "FORBIDDEN")));
  EXPECT_TRUE(at(redeem(s, colleague, colleagues_code, s.login_token(colleague)),
                 "/data/getAuthTokensFromTwoFactorAuthenticationRecoveryCode/tokens")
                  .is_object());
}

TEST(RecoveryCode, ANewCodeARevocationDeleting2faOrAnOtpSignInKillTheOldCode) {
  auto& s = two_factor_server::shared();
  auto [admin, admin_secret, m, secret] = with_two_factor(s, "rc.kill");
  std::string login = s.login_token(m);

  // Issued again: only the new code redeems.
  std::string first = issue_code(s, admin, admin_secret, m);
  std::string second = issue_code(s, admin, admin_secret, m);
  EXPECT_NE(first, second);
  EXPECT_EQ(redeem(s, m, first, login), invalid_code_body());

  // Revoked: refused; revoking again finds nothing.
  EXPECT_EQ(at(s.post(revoke_mutation, {{"u", m.user_id}}, admin.access),
               "/data/revokeTwoFactorAuthenticationRecoveryCode"),
            json::value(true));
  EXPECT_EQ(at(s.post(revoke_mutation, {{"u", m.user_id}}, admin.access),
               "/data/revokeTwoFactorAuthenticationRecoveryCode"),
            json::value(false));
  EXPECT_EQ(redeem(s, m, second, login), invalid_code_body());
  EXPECT_TRUE(at(s.post(status_query, {{"u", m.user_id}}, admin.access),
                 "/data/twoFactorAuthenticationRecoveryStatus/pendingRecoveryCodeExpiresAt")
                  .is_null());

  // The member signs in with their OTP after all: the pending code is revoked.
  std::string third = issue_code(s, admin, admin_secret, m);
  auto by_otp = s.post(R"(mutation($t: String!, $otp: String!, $o: String!) {
      getAuthTokensFromOTP(loginToken: $t, otp: $otp, origin: $o) { tokens {
        accessOrWorkspaceAgnosticToken { token } } } })",
                       {{"t", login}, {"otp", code_now(secret)}, {"o", m.origin}});
  std::string access =
      text_at(by_otp, "/data/getAuthTokensFromOTP/tokens/accessOrWorkspaceAgnosticToken/token");
  EXPECT_EQ(redeem(s, m, third, s.login_token(m)), invalid_code_body());

  // The member deletes their 2FA: the pending code goes with it.
  std::string fourth = issue_code(s, admin, admin_secret, m);
  std::string method = s.sql(
      "SELECT m.id FROM core.two_factor_authentication_method m JOIN core.user_workspace uw ON "
      "uw.id = m.user_workspace_id WHERE uw.user_id = '" +
      m.user_id + "'");
  auto deleted = s.post(R"(mutation($id: UUID!) {
      deleteTwoFactorAuthenticationMethod(twoFactorAuthenticationMethodId: $id) { success } })",
                        {{"id", method}}, access);
  EXPECT_EQ(at(deleted, "/data/deleteTwoFactorAuthenticationMethod/success"), json::value(true));
  EXPECT_EQ(redeem(s, m, fourth, s.login_token(m)), invalid_code_body());
  EXPECT_EQ(code_rows(s, m), "false/true,false/true,false/true");
}

TEST(RecoveryCode, AnExpiredCodeIsRefusedAndNoLongerPending) {
  auto& s = two_factor_server::shared();
  auto [admin, admin_secret, m, member_secret] = with_two_factor(s, "rc.expired");
  std::string code = issue_code(s, admin, admin_secret, m);
  s.sql(
      "UPDATE core.two_factor_authentication_recovery_code c SET expires_at = now() - interval "
      "'1 second' FROM core.user_workspace uw WHERE uw.id = c.user_workspace_id AND uw.user_id "
      "= '" +
      m.user_id + "' RETURNING c.id");
  EXPECT_EQ(redeem(s, m, code, s.login_token(m)), invalid_code_body());
  EXPECT_TRUE(at(s.post(status_query, {{"u", m.user_id}}, admin.access),
                 "/data/twoFactorAuthenticationRecoveryStatus/pendingRecoveryCodeExpiresAt")
                  .is_null());
  // A new code replaces the expired one.
  std::string fresh = issue_code(s, admin, admin_secret, m);
  EXPECT_EQ(code_rows(s, m), "false/false");
  EXPECT_TRUE(at(redeem(s, m, fresh, s.login_token(m)),
                 "/data/getAuthTokensFromTwoFactorAuthenticationRecoveryCode/tokens")
                  .is_object());
}

TEST(RecoveryCode, MalformedInputIsRefusedBeforeAnythingIsLookedUp) {
  auto& s = two_factor_server::shared();
  auto [admin, admin_secret, m, member_secret] = with_two_factor(s, "rc.malformed");
  std::string code = issue_code(s, admin, admin_secret, m);
  std::string login = s.login_token(m);

  auto input_error = [](const char* message) {
    return error_body(message,
                      json::object{{"code", "BAD_USER_INPUT"}, {"userFriendlyMessage", message}});
  };
  EXPECT_EQ(redeem(s, m, "", login), input_error("recoveryCode should not be empty"));
  EXPECT_EQ(redeem(s, m, "  \t ", login), input_error("recoveryCode should not be empty"));
  EXPECT_EQ(redeem(s, m, code + std::string(50, 'A'), login),
            input_error("recoveryCode must be shorter than or equal to 64 characters"));
  // Not a string, or no code at all: the GraphQL request itself is invalid.
  auto number = s.post(redeem_mutation, {{"c", 12345}, {"t", login}, {"o", m.origin}});
  EXPECT_NE(text_at(number, "/errors/0/message").find("String cannot represent"), std::string::npos)
      << json::serialize(number);
  auto missing = s.post(R"(mutation($t: String!, $o: String!) {
      getAuthTokensFromTwoFactorAuthenticationRecoveryCode(loginToken: $t, origin: $o) {
        tokens { refreshToken { token } } } })",
                        {{"t", login}, {"o", m.origin}});
  EXPECT_NE(text_at(missing, "/errors/0/message").find("recoveryCode"), std::string::npos)
      << json::serialize(missing);
  EXPECT_EQ(redeem(s, m, code, "not-a-token"),
            error_body("No payload",
                       ext("UNAUTHENTICATED", "You must be authenticated to perform this action.",
                           "UNAUTHENTICATED")));
  // None of these used the code or counted as an attempt against it.
  EXPECT_EQ(code_rows(s, m), "false/false");
  EXPECT_TRUE(at(redeem(s, m, code, login),
                 "/data/getAuthTokensFromTwoFactorAuthenticationRecoveryCode/tokens")
                  .is_object());
}

}  // namespace
