// signIn's availableWorkspaces.availableWorkspacesForSignUp as Twenty fills it from
// findInvitationsByEmail: each workspace with a pending personal invitation for the address,
// carrying the personal invite token to join it by (no login token, no invite hash); expired
// invitations, other addresses' invitations and workspaces one already belongs to stay out.
#include "integration/invitations/invitation_env.hpp"

namespace {

namespace json = boost::json;
using cohort::testing::invitation_env;
using cohort::testing::invitee_password;
using cohort::testing::text_at;

invitation_env& env() {
  return invitation_env::shared();
}

void make_user(const std::string& email) {
  auto up = env().metadata(R"(mutation($e: String!, $p: String!) { signUp(email: $e, password: $p) {
      tokens { accessOrWorkspaceAgnosticToken { token } } } })",
                           {{"e", email}, {"p", invitee_password}});
  ASSERT_FALSE(up.as_object().contains("errors")) << up;
}

std::string invite(const std::string& email, const std::string& bearer) {
  auto sent = env().send({email}, bearer);
  return text_at(sent, "/data/sendInvitations/result/0/id");
}

// Workspace A joined with the personal invite token its invitation carries.
void join_with_token(const std::string& email, const std::string& token) {
  auto& e = env();
  std::string hash =
      e.ws->sql("SELECT invite_hash FROM core.workspace WHERE id = '" + e.ws->a.id + "'");
  auto joined = e.metadata(R"(mutation($e: String!, $p: String!, $h: String, $t: String) {
      signUpInWorkspace(email: $e, password: $p, workspaceInviteHash: $h,
                        workspacePersonalInviteToken: $t) { workspace { id } } })",
                           {{"e", email}, {"p", invitee_password}, {"h", hash}, {"t", token}});
  ASSERT_FALSE(joined.as_object().contains("errors")) << joined;
}

json::object available(const std::string& email) {
  auto in = env().metadata(R"(mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) {
      availableWorkspaces {
        availableWorkspacesForSignIn { id loginToken personalInviteToken }
        availableWorkspacesForSignUp { id displayName loginToken personalInviteToken inviteHash
                                       workspaceUrls { subdomainUrl customUrl } logo sso { id } }
      } } })",
                           {{"e", email}, {"p", invitee_password}});
  EXPECT_FALSE(in.as_object().contains("errors")) << in;
  boost::system::error_code ec;
  const auto* found = in.find_pointer("/data/signIn/availableWorkspaces", ec);
  return found && found->is_object() ? found->as_object() : json::object{};
}

const json::array& list(const json::object& available, std::string_view which) {
  static const json::array none;
  const auto* l = available.if_contains(which);
  return l && l->is_array() ? l->as_array() : none;
}

}  // namespace

TEST(available_workspaces, a_pending_invitation_is_listed_for_sign_up_with_its_token) {
  auto& e = env();
  const std::string email = "listed.invitee@example.com";
  make_user(email);
  std::string invitation_id = invite(email, e.ws->a.access);
  ASSERT_FALSE(invitation_id.empty());
  std::string token =
      e.ws->sql("SELECT value FROM core.app_token WHERE id = '" + invitation_id + "'");
  // Workspace B's invitation has expired: not offered.
  std::string expired_id = invite(email, e.ws->b.access);
  e.ws->sql("UPDATE core.app_token SET expires_at = now() - interval '1 day' WHERE id = '" +
            expired_id + "'");

  auto before = available(email);
  EXPECT_EQ(list(before, "availableWorkspacesForSignIn").size(), 0u);
  const auto& for_sign_up = list(before, "availableWorkspacesForSignUp");
  ASSERT_EQ(for_sign_up.size(), 1u) << json::serialize(before);
  const auto& entry = for_sign_up[0].as_object();
  EXPECT_EQ(entry.at("id"), json::value(e.ws->a.id));
  EXPECT_EQ(entry.at("personalInviteToken"), json::value(token));
  EXPECT_TRUE(entry.at("loginToken").is_null());
  EXPECT_TRUE(entry.at("inviteHash").is_null());
  EXPECT_EQ(entry.at("displayName"),
            json::value(e.ws->sql("SELECT display_name FROM core.workspace WHERE id = '" +
                                  e.ws->a.id + "'")));
  std::string subdomain =
      e.ws->sql("SELECT subdomain FROM core.workspace WHERE id = '" + e.ws->a.id + "'");
  EXPECT_NE(text_at(json::value(entry), "/workspaceUrls/subdomainUrl").find(subdomain),
            std::string::npos)
      << json::serialize(entry);
  EXPECT_EQ(json::serialize(entry.at("sso")), "[]");

  // Joined with that token, the workspace moves to the sign-in list.
  join_with_token(email, token);
  auto after = available(email);
  EXPECT_EQ(list(after, "availableWorkspacesForSignUp").size(), 0u) << json::serialize(after);
  ASSERT_EQ(list(after, "availableWorkspacesForSignIn").size(), 1u) << json::serialize(after);
  EXPECT_EQ(list(after, "availableWorkspacesForSignIn")[0].at("id"), json::value(e.ws->a.id));
}

TEST(available_workspaces, another_address_sees_no_one_elses_invitation) {
  auto& e = env();
  invite("someone.else.invited@example.com", e.ws->a.access);
  const std::string email = "not.invited.at.all@example.com";
  make_user(email);
  auto seen = available(email);
  EXPECT_EQ(json::serialize(seen),
            R"({"availableWorkspacesForSignIn":[],"availableWorkspacesForSignUp":[]})");
}

TEST(available_workspaces, a_member_invited_again_is_not_offered_to_join) {
  auto& e = env();
  const std::string email = "already.member@example.com";
  make_user(email);
  std::string first = invite(email, e.ws->a.access);
  std::string token = e.ws->sql("SELECT value FROM core.app_token WHERE id = '" + first + "'");
  join_with_token(email, token);
  // An invitation row for a member, written directly (sendInvitations refuses members).
  e.ws->sql(
      "INSERT INTO core.app_token (user_id, workspace_id, type, value, context, expires_at) "
      "VALUES (NULL, '" +
      e.ws->a.id + "', 'INVITATION_TOKEN', 'stale-token', '{\"email\": \"" + email +
      "\"}', now() + interval '1 day')");
  ASSERT_EQ(e.ws->sql("SELECT count(*) FROM core.app_token WHERE value = 'stale-token'"), "1");
  auto seen = available(email);
  EXPECT_EQ(list(seen, "availableWorkspacesForSignUp").size(), 0u) << json::serialize(seen);
  EXPECT_EQ(list(seen, "availableWorkspacesForSignIn").size(), 1u) << json::serialize(seen);
}
