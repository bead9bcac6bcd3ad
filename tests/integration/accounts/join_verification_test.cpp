// Joining a workspace with IS_EMAIL_VERIFICATION_REQUIRED=true: signUpInWorkspace mails the same
// verification link signUp mails (Twenty sends it after signInUp, on the workspace's URL), stores
// its hashed token, and signIn waits for the link as for any unverified address.
#include "integration/accounts/accounts_env.hpp"

namespace {

using cohort::testing::accounts_env;
using cohort::testing::error_fields;
using cohort::testing::error_of;
using cohort::testing::member_password;
using cohort::testing::verification_link_in;

}  // namespace

TEST(join_verification, joining_by_the_invite_link_mails_the_verification_link) {
  auto& e = accounts_env::shared();
  const std::string email = "joiner.unverified@example.com";
  const std::string workspace_id = e.ws->a.id;
  auto member = e.join(email, workspace_id, false);
  ASSERT_FALSE(member.user_id.empty());

  auto mail = e.mail_to(email);
  ASSERT_TRUE(mail) << "no verification mail reached the SMTP sink";
  EXPECT_EQ(mail->header("Subject"), "Welcome to Twenty: Please Confirm Your Email");
  auto link = verification_link_in(*mail);
  ASSERT_TRUE(link) << mail->text_body();
  EXPECT_EQ(link->email, email);
  // The link is on the joined workspace's URL.
  std::string subdomain =
      e.ws->sql("SELECT subdomain FROM core.workspace WHERE id = '" + workspace_id + "'");
  EXPECT_NE(mail->text_body().find(subdomain + "."), std::string::npos) << mail->text_body();
  EXPECT_EQ(e.ws->sql("SELECT count(*) FROM core.app_token WHERE user_id = '" + member.user_id +
                      "' AND type = 'EMAIL_VERIFICATION_TOKEN' AND value = encode(sha256('" +
                      link->token + "'::bytea), 'hex')"),
            "1");
  EXPECT_EQ(
      e.ws->sql("SELECT is_email_verified FROM core.\"user\" WHERE id = '" + member.user_id + "'"),
      "f");

  auto refused =
      e.metadata(R"(mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) {
      tokens { accessOrWorkspaceAgnosticToken { token } } } })",
                 {{"e", email}, {"p", member_password}});
  EXPECT_EQ(error_of(refused),
            (error_fields{"Email is not verified", "FORBIDDEN", "EMAIL_NOT_VERIFIED"}))
      << boost::json::serialize(refused);
}

// A personal invitation was mailed to the address: joining with its token marks the address
// verified (Twenty's signInUpWithPersonalInvitation), so signIn lets the new member in. Twenty's
// signUpInWorkspace still mails the verification link afterwards, and so does this server.
TEST(join_verification, a_personal_invitation_proves_the_address) {
  auto& e = accounts_env::shared();
  auto& a = e.ws->a;
  const std::string email = "personally.invited@example.com";
  auto sent = e.metadata(R"(mutation($e: [String!]!) { sendInvitations(emails: $e) {
      success result { id } } })",
                         {{"e", boost::json::array{email}}}, a.access);
  ASSERT_TRUE(e.mail_to(email)) << "no invitation mail: " << boost::json::serialize(sent);
  std::string invitation_id = cohort::testing::text_at(sent, "/data/sendInvitations/result/0/id");
  std::string token =
      e.ws->sql("SELECT value FROM core.app_token WHERE id = '" + invitation_id + "'");
  std::string hash = e.ws->sql("SELECT invite_hash FROM core.workspace WHERE id = '" + a.id + "'");

  auto joined = e.metadata(R"(mutation($e: String!, $p: String!, $h: String, $t: String) {
      signUpInWorkspace(email: $e, password: $p, workspaceInviteHash: $h,
                        workspacePersonalInviteToken: $t) { workspace { id } } })",
                           {{"e", email}, {"p", member_password}, {"h", hash}, {"t", token}});
  EXPECT_EQ(cohort::testing::text_at(joined, "/data/signUpInWorkspace/workspace/id"), a.id)
      << boost::json::serialize(joined);
  EXPECT_EQ(e.ws->sql("SELECT is_email_verified FROM core.\"user\" WHERE email = '" + email + "'"),
            "t");
  EXPECT_EQ(e.ws->sql("SELECT count(*) FROM core.app_token WHERE id = '" + invitation_id + "'"),
            "0");
  EXPECT_TRUE(e.mail_to(email)) << "no verification mail after the join";

  auto signed_in =
      e.metadata(R"(mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) {
      tokens { accessOrWorkspaceAgnosticToken { token } } } })",
                 {{"e", email}, {"p", member_password}});
  EXPECT_FALSE(signed_in.as_object().contains("errors")) << boost::json::serialize(signed_in);
}
