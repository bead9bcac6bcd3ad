// deleteUser against the real server: the only Admin of a workspace with other members is refused
// (rows unchanged), a member's account goes with its membership, workspace member, role and
// tokens (checked in SQL, and its tokens refused next), and a user alone in its workspace takes
// the workspace with it.
#include "integration/accounts/accounts_env.hpp"

namespace {

namespace json = boost::json;
using cohort::testing::accounts_env;
using cohort::testing::error_fields;
using cohort::testing::error_of;
using cohort::testing::text_at;

accounts_env& env() {
  return accounts_env::shared();
}

json::value delete_user(const std::string& bearer) {
  return env().metadata("mutation { deleteUser { id email deletedAt } }", {}, bearer);
}

TEST(delete_user, only_admin_of_a_shared_workspace_is_refused) {
  auto& e = env();
  auto& a = e.ws->a;
  e.join("colleague.of.admin@example.com", a.id);
  std::string admin_id = e.user_id_of(a.email);
  auto r = delete_user(a.access);
  EXPECT_EQ(error_of(r), (error_fields{"Cannot delete account: user is the unique admin of a "
                                       "workspace",
                                       "FORBIDDEN", "CANNOT_DELETE_LAST_ADMIN_USER"}))
      << r;
  EXPECT_EQ(text_at(r, "/errors/0/extensions/userFriendlyMessage"),
            "Cannot delete account: you are the only admin. Assign another admin or delete the "
            "workspace(s) first.");
  EXPECT_EQ(e.ws->sql("SELECT deleted_at IS NULL FROM core.\"user\" WHERE id = '" + admin_id + "'"),
            "t");
  EXPECT_EQ(
      e.ws->sql("SELECT count(*) FROM core.user_workspace WHERE user_id = '" + admin_id + "'"),
      "1");
  EXPECT_EQ(e.ws->sql("SELECT count(*) FROM {a}.\"workspaceMember\" WHERE \"userId\" = '" +
                      admin_id + "'"),
            "1");
  auto me = e.metadata("{ currentUser { email } }", {}, a.access);
  EXPECT_EQ(text_at(me, "/data/currentUser/email"), a.email);
}

TEST(delete_user, a_member_deletes_its_account) {
  auto& e = env();
  auto& a = e.ws->a;
  auto m = e.join("leaving.member@example.com", a.id);
  ASSERT_EQ(e.ws->sql("SELECT count(*) FROM {a}.\"workspaceMember\" WHERE \"userId\" = '" +
                      m.user_id + "'"),
            "1");
  auto r = delete_user(m.access);
  ASSERT_FALSE(r.as_object().contains("errors")) << r;
  EXPECT_EQ(text_at(r, "/data/deleteUser/id"), m.user_id);
  EXPECT_EQ(text_at(r, "/data/deleteUser/email"), m.email);
  EXPECT_TRUE(r.at_pointer("/data/deleteUser/deletedAt").is_string()) << r;

  EXPECT_EQ(
      e.ws->sql("SELECT deleted_at IS NOT NULL FROM core.\"user\" WHERE id = '" + m.user_id + "'"),
      "t");
  EXPECT_EQ(
      e.ws->sql("SELECT count(*) FROM core.user_workspace WHERE user_id = '" + m.user_id + "'"),
      "0");
  EXPECT_EQ(e.ws->sql("SELECT count(*) FROM core.role_target WHERE user_workspace_id = '" +
                      m.user_workspace_id + "'"),
            "0");
  EXPECT_EQ(e.ws->sql("SELECT count(*) FROM {a}.\"workspaceMember\" WHERE \"userId\" = '" +
                      m.user_id + "'"),
            "0");
  EXPECT_EQ(e.ws->sql("SELECT count(*) FROM core.app_token WHERE user_id = '" + m.user_id + "'"),
            "0");
  // The workspace and its other members stay.
  EXPECT_EQ(e.ws->sql("SELECT deleted_at IS NULL FROM core.workspace WHERE id = '" + a.id + "'"),
            "t");

  // Its refresh token no longer renews, and its access token no longer names a user.
  auto renewed = e.metadata(R"(mutation($t: String!) { renewToken(appToken: $t) {
      tokens { refreshToken { token } } } })",
                            {{"t", m.refresh}});
  EXPECT_EQ(error_of(renewed).code, "BAD_USER_INPUT") << renewed;
  auto me = e.metadata("{ currentUser { email } }", {}, m.access);
  EXPECT_TRUE(me.as_object().contains("errors")) << me;
  // The address is free again.
  EXPECT_EQ(e.ws->sql("SELECT count(*) FROM core.\"user\" WHERE email = '" + m.email +
                      "' AND deleted_at IS NULL"),
            "0");
}

TEST(delete_user, alone_in_a_workspace_the_workspace_goes_too) {
  auto& e = env();
  auto solo = e.ws->create("solo.owner@example.com", "Solo");
  ASSERT_FALSE(solo.access.empty());
  auto r = delete_user(solo.access);
  ASSERT_FALSE(r.as_object().contains("errors")) << r;
  EXPECT_EQ(e.ws->sql("SELECT count(*) FROM core.workspace WHERE id = '" + solo.id +
                      "' AND deleted_at IS NULL"),
            "0");
  EXPECT_EQ(e.ws->sql("SELECT count(*) FROM core.\"user\" WHERE email = 'solo.owner@example.com' "
                      "AND deleted_at IS NULL"),
            "0");
  auto people = e.ws->graphql("{ people { totalCount } }", {}, solo.access);
  EXPECT_TRUE(people.as_object().contains("errors")) << people;
}

TEST(delete_user, needs_a_user_token) {
  auto r = delete_user("");
  EXPECT_EQ(error_of(r).message, "Forbidden resource") << r;
}

}  // namespace
