// Signing in with getLoginTokenFromCredentials to a workspace one is not yet a member of, as
// Twenty 1.6 does it (validateLoginWithPassword → checkAccessAndUseInvitationOrThrow): a pending
// personal invitation makes the existing user a member there (default role, invitation used up);
// an expired one, a wrong password or no invitation at all are refused with Twenty's errors and
// leave no membership behind.
#include "integration/invitations/invitation_env.hpp"

namespace {

namespace json = boost::json;
using cohort::testing::error_of;
using cohort::testing::invitation_env;
using cohort::testing::invitee_password;
using cohort::testing::text_at;

invitation_env& env() {
  return invitation_env::shared();
}

// A user with an account of their own but no workspace (signUp creates the user only).
void make_user(const std::string& email) {
  auto up = env().metadata(R"(mutation($e: String!, $p: String!) { signUp(email: $e, password: $p) {
      tokens { accessOrWorkspaceAgnosticToken { token } } } })",
                           {{"e", email}, {"p", invitee_password}});
  ASSERT_FALSE(up.as_object().contains("errors")) << up;
}

// Workspace A's address, the origin a browser on its sub-domain sends.
std::string origin_of_a() {
  auto& e = env();
  auto ws =
      e.metadata("{ currentWorkspace { workspaceUrls { subdomainUrl } } }", {}, e.ws->a.access);
  return text_at(ws, "/data/currentWorkspace/workspaceUrls/subdomainUrl");
}

json::value login(const std::string& email, const std::string& password) {
  return env().metadata(R"(mutation($e: String!, $p: String!, $o: String!) {
      getLoginTokenFromCredentials(email: $e, password: $p, origin: $o) {
        loginToken { token } } })",
                        {{"e", email}, {"p", password}, {"o", origin_of_a()}});
}

std::string memberships_in_a(const std::string& email) {
  auto& e = env();
  return e.ws->sql(
      "SELECT count(*) FROM core.user_workspace uw JOIN core.\"user\" u ON u.id = uw.user_id "
      "WHERE u.email = '" +
      email + "' AND uw.workspace_id = '" + e.ws->a.id + "'");
}

std::string invite(const std::string& email) {
  auto& e = env();
  auto sent = e.send({email}, e.ws->a.access);
  return text_at(sent, "/data/sendInvitations/result/0/id");
}

TEST(sign_in_invitation, a_pending_invitation_makes_the_user_a_member_at_sign_in) {
  auto& e = env();
  const std::string email = "signin.invitee@example.com";
  make_user(email);
  std::string invitation_id = invite(email);
  ASSERT_FALSE(invitation_id.empty());
  EXPECT_EQ(memberships_in_a(email), "0");

  auto logged = login(email, invitee_password);
  std::string login_token = text_at(logged, "/data/getLoginTokenFromCredentials/loginToken/token");
  ASSERT_FALSE(login_token.empty()) << logged;

  // The login token opens workspace A, whose records the new member reads.
  auto tokens = e.metadata(R"(mutation($t: String!, $o: String!) {
      getAuthTokensFromLoginToken(loginToken: $t, origin: $o) {
        tokens { accessOrWorkspaceAgnosticToken { token } } } })",
                           {{"t", login_token}, {"o", origin_of_a()}});
  std::string access = text_at(
      tokens, "/data/getAuthTokensFromLoginToken/tokens/accessOrWorkspaceAgnosticToken/token");
  ASSERT_FALSE(access.empty()) << tokens;
  auto me = e.metadata("{ currentUser { email currentWorkspace { id } } }", {}, access);
  EXPECT_EQ(text_at(me, "/data/currentUser/currentWorkspace/id"), e.ws->a.id) << me;
  auto people = e.ws->graphql("{ people { totalCount } }", {}, access);
  EXPECT_FALSE(people.as_object().contains("errors")) << people;

  // In SQL: one membership with the default role, one workspaceMember, the invitation used up.
  EXPECT_EQ(memberships_in_a(email), "1");
  EXPECT_EQ(e.ws->sql("SELECT count(*) FROM {a}.\"workspaceMember\" WHERE \"userEmail\" = '" +
                      email + "' AND \"deletedAt\" IS NULL"),
            "1");
  EXPECT_EQ(e.ws->sql("SELECT r.id = w.default_role_id FROM core.role_target rt JOIN core.role r "
                      "ON r.id = rt.role_id JOIN core.user_workspace uw ON uw.id = "
                      "rt.user_workspace_id JOIN core.\"user\" u ON u.id = uw.user_id JOIN "
                      "core.workspace w ON w.id = uw.workspace_id WHERE u.email = '" +
                      email + "'"),
            "t");
  EXPECT_EQ(e.ws->sql("SELECT count(*) FROM core.app_token WHERE id = '" + invitation_id + "'"),
            "0");

  // Signing in again works as for any member and makes nothing new.
  auto again = login(email, invitee_password);
  EXPECT_FALSE(text_at(again, "/data/getLoginTokenFromCredentials/loginToken/token").empty());
  EXPECT_EQ(memberships_in_a(email), "1");
}

TEST(sign_in_invitation, a_wrong_password_joins_nothing_and_keeps_the_invitation) {
  auto& e = env();
  const std::string email = "signin.wrongpass@example.com";
  make_user(email);
  std::string invitation_id = invite(email);
  auto refused = login(email, "Not-The-Passw0rd!");
  EXPECT_EQ(error_of(refused),
            std::make_pair(std::string("Wrong password"), std::string("FORBIDDEN")))
      << refused;
  EXPECT_EQ(memberships_in_a(email), "0");
  EXPECT_EQ(e.ws->sql("SELECT count(*) FROM core.app_token WHERE id = '" + invitation_id + "'"),
            "1");
  // The right password then joins.
  auto logged = login(email, invitee_password);
  EXPECT_FALSE(text_at(logged, "/data/getLoginTokenFromCredentials/loginToken/token").empty());
  EXPECT_EQ(memberships_in_a(email), "1");
}

TEST(sign_in_invitation, an_expired_invitation_is_refused) {
  auto& e = env();
  const std::string email = "signin.expired@example.com";
  make_user(email);
  std::string invitation_id = invite(email);
  e.ws->sql("UPDATE core.app_token SET expires_at = now() - interval '1 day' WHERE id = '" +
            invitation_id + "' RETURNING id");
  auto refused = login(email, invitee_password);
  EXPECT_EQ(error_of(refused),
            std::make_pair(std::string("Invitation expired"), std::string("FORBIDDEN")))
      << refused;
  EXPECT_EQ(refused.at_pointer("/errors/0/extensions/subCode"), "FORBIDDEN_EXCEPTION");
  EXPECT_EQ(memberships_in_a(email), "0");
}

TEST(sign_in_invitation, without_an_invitation_the_user_is_not_a_member) {
  auto& e = env();
  const std::string email = "signin.stranger@example.com";
  make_user(email);
  // Twenty checks the access before the password: a stranger hears that first.
  for (const char* password : {invitee_password, "Not-The-Passw0rd!"}) {
    auto refused = login(email, password);
    EXPECT_EQ(error_of(refused),
              std::make_pair(std::string("User is not a member of the workspace."),
                             std::string("FORBIDDEN")))
        << refused;
  }
  EXPECT_EQ(memberships_in_a(email), "0");
  // An invitation of workspace B opens nothing in A.
  auto sent = e.send({email}, e.ws->b.access);
  EXPECT_TRUE(sent.at_pointer("/data/sendInvitations/success").as_bool()) << sent;
  auto still = login(email, invitee_password);
  EXPECT_EQ(error_of(still).first, "User is not a member of the workspace.");
  EXPECT_EQ(memberships_in_a(email), "0");
}

}  // namespace
