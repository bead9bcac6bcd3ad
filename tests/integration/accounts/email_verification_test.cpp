// E-mail verification with IS_EMAIL_VERIFICATION_REQUIRED=true against the real server and SMTP
// sink: the sign-up mail and its hashed single-use token row, sign-in refused until the link is
// followed, the resend cool-down, wrong, expired and reused tokens, and both mutations that
// redeem a token.
#include "integration/accounts/accounts_env.hpp"

namespace {

namespace json = boost::json;
using cohort::testing::accounts_env;
using cohort::testing::error_fields;
using cohort::testing::error_of;
using cohort::testing::jwt_payload;
using cohort::testing::text_at;
using cohort::testing::verification_link_in;

constexpr const char* password = "Verify-Passw0rd!";

accounts_env& env() {
  return accounts_env::shared();
}

json::value sign_up(const std::string& email) {
  return env().metadata(R"(mutation($e: String!, $p: String!) { signUp(email: $e, password: $p) {
      tokens { accessOrWorkspaceAgnosticToken { token } } } })",
                        {{"e", email}, {"p", password}});
}

json::value sign_in(const std::string& email) {
  return env().metadata(R"(mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) {
      tokens { accessOrWorkspaceAgnosticToken { token } } } })",
                        {{"e", email}, {"p", password}});
}

json::value resend(const std::string& email) {
  return env().metadata(R"(mutation($e: String!, $o: String!) {
      resendEmailVerificationToken(email: $e, origin: $o) { success } })",
                        {{"e", email}, {"o", "http://localhost:3000/"}});
}

json::value agnostic_from(const std::string& token, const std::string& email) {
  return env().metadata(R"(mutation($t: String!, $e: String!) {
      getWorkspaceAgnosticTokenFromEmailVerificationToken(emailVerificationToken: $t, email: $e) {
        tokens { accessOrWorkspaceAgnosticToken { token } refreshToken { token } }
        availableWorkspaces { availableWorkspacesForSignIn { id } } } })",
                        {{"t", token}, {"e", email}});
}

json::value login_from(const std::string& token, const std::string& email,
                       const std::string& origin) {
  return env().metadata(R"(mutation($t: String!, $e: String!, $o: String!) {
      getLoginTokenFromEmailVerificationToken(emailVerificationToken: $t, email: $e, origin: $o) {
        loginToken { token } workspaceUrls { subdomainUrl } } })",
                        {{"t", token}, {"e", email}, {"o", origin}});
}

TEST(email_verification, sign_up_mails_a_link_and_sign_in_waits_for_it) {
  auto& e = env();
  const std::string email = "new.user@example.com";
  auto up = sign_up("New.User@Example.com");
  ASSERT_FALSE(up.as_object().contains("errors")) << up;

  auto mail = e.mail_to(email);
  ASSERT_TRUE(mail) << "no verification mail reached the SMTP sink";
  EXPECT_EQ(mail->header("Subject"), "Welcome to Twenty: Please Confirm Your Email");
  auto link = verification_link_in(*mail);
  ASSERT_TRUE(link) << mail->text_body();
  EXPECT_EQ(link->email, email);
  EXPECT_EQ(link->token.size(), 64u);
  std::string user_id = e.user_id_of(email);
  // Only the token's SHA-256 is stored, with the address in its context, for 1 hour.
  EXPECT_EQ(e.ws->sql("SELECT count(*) FROM core.app_token WHERE user_id = '" + user_id +
                      "' AND type = 'EMAIL_VERIFICATION_TOKEN' AND value = encode(sha256('" +
                      link->token + "'::bytea), 'hex') AND context->>'email' = '" + email +
                      "' AND expires_at - created_at = interval '1 hour'"),
            "1");
  EXPECT_EQ(e.ws->sql("SELECT is_email_verified FROM core.\"user\" WHERE id = '" + user_id + "'"),
            "f");

  auto refused = sign_in(email);
  EXPECT_EQ(error_of(refused),
            (error_fields{"Email is not verified", "FORBIDDEN", "EMAIL_NOT_VERIFIED"}))
      << refused;
  EXPECT_EQ(text_at(refused, "/errors/0/extensions/userFriendlyMessage"), "Email is not verified.");

  // A new link within the minute is refused.
  auto soon = resend(email);
  EXPECT_EQ(error_of(soon).code, "FORBIDDEN") << soon;
  EXPECT_EQ(error_of(soon).sub_code, "RATE_LIMIT_EXCEEDED");
  EXPECT_EQ(error_of(soon).message.rfind("Please wait ", 0), 0u) << error_of(soon).message;

  // Wrong token, wrong address.
  auto wrong = agnostic_from(std::string(64, 'a'), email);
  EXPECT_EQ(error_of(wrong),
            (error_fields{"Invalid email verification token", "FORBIDDEN", "INVALID_TOKEN"}));
  auto other = agnostic_from(link->token, "someone.else@example.com");
  EXPECT_EQ(error_of(other),
            (error_fields{"Email does not match token", "BAD_USER_INPUT", "INVALID_EMAIL"}));

  auto verified = agnostic_from(link->token, email);
  ASSERT_FALSE(verified.as_object().contains("errors")) << verified;
  auto claims =
      jwt_payload(text_at(verified,
                          "/data/getWorkspaceAgnosticTokenFromEmailVerificationToken/tokens/"
                          "accessOrWorkspaceAgnosticToken/token"));
  EXPECT_EQ(claims.at("type"), json::value("WORKSPACE_AGNOSTIC"));
  EXPECT_EQ(claims.at("userId"), json::value(user_id));
  EXPECT_EQ(e.ws->sql("SELECT is_email_verified FROM core.\"user\" WHERE id = '" + user_id + "'"),
            "t");
  EXPECT_EQ(e.ws->sql("SELECT count(*) FROM core.app_token WHERE user_id = '" + user_id +
                      "' AND type = 'EMAIL_VERIFICATION_TOKEN'"),
            "0");

  // Used once; the address is verified now.
  auto reused = agnostic_from(link->token, email);
  EXPECT_EQ(error_of(reused),
            (error_fields{"Email already verified", "BAD_USER_INPUT", "EMAIL_ALREADY_VERIFIED"}));
  auto again = resend(email);
  EXPECT_EQ(error_of(again).sub_code, "EMAIL_ALREADY_VERIFIED");
  auto signed_in = sign_in(email);
  EXPECT_FALSE(signed_in.as_object().contains("errors")) << signed_in;
}

TEST(email_verification, expired_token_and_resend_and_login_token) {
  auto& e = env();
  const std::string email = "late.verifier@example.com";
  sign_up(email);
  auto first = e.mail_to(email);
  ASSERT_TRUE(first);
  auto link = verification_link_in(*first);
  ASSERT_TRUE(link);
  std::string user_id = e.user_id_of(email);
  e.ws->sql(
      "UPDATE core.app_token SET expires_at = now() - interval '1 minute', created_at = "
      "now() - interval '2 hours' WHERE user_id = '" +
      user_id + "' AND type = 'EMAIL_VERIFICATION_TOKEN' RETURNING id");
  auto expired = agnostic_from(link->token, email);
  EXPECT_EQ(error_of(expired),
            (error_fields{"Email verification token expired", "FORBIDDEN", "TOKEN_EXPIRED"}));
  EXPECT_EQ(text_at(expired, "/errors/0/extensions/userFriendlyMessage"),
            "Request has expired, please try again.");

  // After the cool-down a new link replaces the old one.
  auto resent = resend(email);
  ASSERT_FALSE(resent.as_object().contains("errors")) << resent;
  EXPECT_TRUE(resent.at_pointer("/data/resendEmailVerificationToken/success").as_bool());
  auto second = e.mail_to(email);
  ASSERT_TRUE(second);
  auto fresh = verification_link_in(*second);
  ASSERT_TRUE(fresh);
  EXPECT_NE(fresh->token, link->token);
  EXPECT_EQ(e.ws->sql("SELECT count(*) FROM core.app_token WHERE user_id = '" + user_id +
                      "' AND type = 'EMAIL_VERIFICATION_TOKEN'"),
            "1");

  // The login-token variant: a login token for the origin's workspace.
  auto& a = e.ws->a;
  auto login = login_from(fresh->token, email, e.origin_of(a.id));
  ASSERT_FALSE(login.as_object().contains("errors")) << login;
  EXPECT_EQ(text_at(login,
                    "/data/getLoginTokenFromEmailVerificationToken/workspaceUrls/"
                    "subdomainUrl"),
            e.origin_of(a.id));
  auto claims =
      jwt_payload(text_at(login, "/data/getLoginTokenFromEmailVerificationToken/loginToken/token"));
  EXPECT_EQ(claims.at("type"), json::value("LOGIN"));
  EXPECT_EQ(claims.at("sub"), json::value(email));
  EXPECT_EQ(claims.at("workspaceId"), json::value(a.id));
  EXPECT_EQ(e.ws->sql("SELECT is_email_verified FROM core.\"user\" WHERE id = '" + user_id + "'"),
            "t");
}

TEST(email_verification, resend_for_unknown_address) {
  auto r = resend("nobody.here@example.com");
  EXPECT_EQ(error_of(r), (error_fields{"User not found", "UNAUTHENTICATED", "USER_NOT_FOUND"}));
}

}  // namespace

TEST(email_verification, a_login_token_opens_no_session_before_the_link_is_followed) {
  // Twenty's getAuthTokensFromLoginToken checks the e-mail too: a workspace made right after
  // sign-up gets a login token, but no session until the user is verified.
  auto& e = env();
  const std::string email = "unverified.login@verify.test";
  auto up = sign_up(email);
  auto agnostic = text_at(up, "/data/signUp/tokens/accessOrWorkspaceAgnosticToken/token");
  auto pending = e.metadata(R"(mutation { signUpInNewWorkspace { loginToken { token }
      workspace { workspaceUrls { subdomainUrl } } } })",
                            {}, agnostic);
  auto login = text_at(pending, "/data/signUpInNewWorkspace/loginToken/token");
  auto origin = text_at(pending, "/data/signUpInNewWorkspace/workspace/workspaceUrls/subdomainUrl");
  const char* exchange = R"(mutation($t: String!, $o: String!) {
      getAuthTokensFromLoginToken(loginToken: $t, origin: $o) {
        tokens { accessOrWorkspaceAgnosticToken { token } } } })";
  auto refused = e.metadata(exchange, {{"t", login}, {"o", origin}});
  EXPECT_EQ(error_of(refused),
            (error_fields{"Email is not verified", "FORBIDDEN", "EMAIL_NOT_VERIFIED"}))
      << json::serialize(refused);
  // Verified, the user signs in again (the refused token also works now: integration_authgaps).
  e.ws->sql("UPDATE core.\"user\" SET is_email_verified = true WHERE email = '" + email + "'");
  auto in = e.metadata(R"(mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) {
      availableWorkspaces { availableWorkspacesForSignIn { loginToken } } } })",
                       {{"e", email}, {"p", password}});
  auto again =
      text_at(in, "/data/signIn/availableWorkspaces/availableWorkspacesForSignIn/0/loginToken");
  auto opened = e.metadata(exchange, {{"t", again}, {"o", origin}});
  EXPECT_FALSE(
      text_at(opened,
              "/data/getAuthTokensFromLoginToken/tokens/accessOrWorkspaceAgnosticToken/token")
          .empty());
}
