// Joining through an approved access domain (Twenty 1.6's checkAccessForSignIn and
// findAvailableWorkspacesByEmail): an address of a workspace's validated domain may join it by
// signUpInWorkspace with the workspace's id (even with the public link off) and gets the default
// role; the workspace is listed in availableWorkspacesForSignUp and counted by checkUserExists.
// An unvalidated domain, or another domain, gives nothing of that.
#include "integration/authgaps/authgaps_env.hpp"

namespace {

namespace json = boost::json;
using cohort::testing::authgaps_env;
using cohort::testing::authgaps_password;
using cohort::testing::first_error;
using cohort::testing::first_error_of;
using cohort::testing::test_workspace;
using cohort::testing::text_at;

// A workspace whose validated domain is acme-gaps.test and whose unvalidated one is
// pending-gaps.test, with its public invite link off.
const test_workspace& domain_workspace() {
  static test_workspace ws = [] {
    auto& e = authgaps_env::shared();
    auto made = e.ws->create("owner@acme-gaps.test", "Acme");
    e.ws->sql(
        "INSERT INTO core.approved_access_domain (workspace_id, domain, is_validated) "
        "VALUES ('" +
        made.id + "', 'acme-gaps.test', true), ('" + made.id +
        "', 'pending-gaps.test', false) RETURNING id");
    e.ws->sql("UPDATE core.workspace SET is_public_invite_link_enabled = false WHERE id = '" +
              made.id + "' RETURNING id");
    return made;
  }();
  return ws;
}

json::value join(const std::string& email, const std::string& workspace_id,
                 const std::optional<std::string>& invite_hash = std::nullopt) {
  json::object vars{{"e", email}, {"p", authgaps_password}, {"w", workspace_id}};
  if (invite_hash) vars["h"] = *invite_hash;
  return authgaps_env::shared().metadata(R"(mutation($e: String!, $p: String!, $w: UUID,
      $h: String) {
        signUpInWorkspace(email: $e, password: $p, workspaceId: $w, workspaceInviteHash: $h) {
          loginToken { token } workspace { id } } })",
                                         std::move(vars));
}

json::value check_user_exists(const std::string& email) {
  return authgaps_env::shared().metadata(
      R"(query($e: String!) { checkUserExists(email: $e) { exists availableWorkspacesCount } })",
      {{"e", email}});
}

std::string role_of(const std::string& email, const std::string& workspace_id) {
  return authgaps_env::shared().ws->sql(
      "SELECT r.label || CASE WHEN w.default_role_id = r.id THEN ' (default)' ELSE '' END "
      "FROM core.user_workspace uw JOIN core.\"user\" u ON u.id = uw.user_id "
      "JOIN core.role_target t ON t.user_workspace_id = uw.id JOIN core.role r ON r.id = t.role_id "
      "JOIN core.workspace w ON w.id = uw.workspace_id WHERE u.email = '" +
      email + "' AND uw.workspace_id = '" + workspace_id + "' AND uw.deleted_at IS NULL");
}

TEST(ApprovedDomainJoin, AnAddressOfAValidatedDomainJoinsWithTheDefaultRole) {
  auto& e = authgaps_env::shared();
  const auto& ws = domain_workspace();
  auto joined = join("newcomer@acme-gaps.test", ws.id);
  EXPECT_EQ(text_at(joined, "/data/signUpInWorkspace/workspace/id"), ws.id)
      << json::serialize(joined);
  EXPECT_FALSE(text_at(joined, "/data/signUpInWorkspace/loginToken/token").empty());
  EXPECT_EQ(role_of("newcomer@acme-gaps.test", ws.id), "Member (default)");
  // Its workspace member record exists too.
  EXPECT_EQ(e.ws->sql("SELECT count(*) FROM \"" + ws.schema +
                      "\".\"workspaceMember\" WHERE "
                      "\"userId\" = '" +
                      e.user_id_of("newcomer@acme-gaps.test") + "'"),
            "1");
  // Once verified, its login token opens a session in the workspace.
  e.verify("newcomer@acme-gaps.test");
  auto session =
      e.exchange(text_at(joined, "/data/signUpInWorkspace/loginToken/token"), e.origin_of(ws.id));
  EXPECT_FALSE(
      text_at(session,
              "/data/getAuthTokensFromLoginToken/tokens/accessOrWorkspaceAgnosticToken/token")
          .empty())
      << json::serialize(session);

  // The domain opens the way even through the invite link the workspace switched off.
  std::string hash = e.ws->sql("SELECT invite_hash FROM core.workspace WHERE id = '" + ws.id + "'");
  auto by_link = join("linker@acme-gaps.test", ws.id, hash);
  EXPECT_EQ(text_at(by_link, "/data/signUpInWorkspace/workspace/id"), ws.id)
      << json::serialize(by_link);
  EXPECT_EQ(role_of("linker@acme-gaps.test", ws.id), "Member (default)");
}

TEST(ApprovedDomainJoin, AnUnvalidatedOrAnotherDomainDoesNotOpenTheWorkspace) {
  auto& e = authgaps_env::shared();
  const auto& ws = domain_workspace();
  const first_error no_access{"User does not have access to this workspace", "FORBIDDEN",
                              "FORBIDDEN_EXCEPTION"};
  for (const char* email : {"intruder@pending-gaps.test", "intruder@elsewhere-gaps.test",
                            "intruder@sub.acme-gaps.test"}) {
    auto refused = join(email, ws.id);
    EXPECT_EQ(first_error_of(refused), no_access) << email << ": " << json::serialize(refused);
    EXPECT_EQ(e.user_id_of(email), "<none>") << email;
  }
  std::string hash = e.ws->sql("SELECT invite_hash FROM core.workspace WHERE id = '" + ws.id + "'");
  auto by_link = join("linker@elsewhere-gaps.test", ws.id, hash);
  EXPECT_EQ(first_error_of(by_link), (first_error{"Public invite link is disabled for this "
                                                  "workspace",
                                                  "FORBIDDEN", "FORBIDDEN_EXCEPTION"}))
      << json::serialize(by_link);
}

TEST(ApprovedDomainJoin, TheWorkspaceIsListedAndCountedForAddressesOfItsValidatedDomain) {
  auto& e = authgaps_env::shared();
  const auto& ws = domain_workspace();
  // No account yet: the workspace is still one to join.
  EXPECT_FALSE(check_user_exists("someone@acme-gaps.test")
                   .at_pointer("/data/checkUserExists/exists")
                   .as_bool());
  EXPECT_EQ(check_user_exists("someone@acme-gaps.test")
                .at_pointer("/data/checkUserExists/availableWorkspacesCount")
                .to_number<int>(),
            1);
  for (const char* email : {"someone@pending-gaps.test", "someone@elsewhere-gaps.test"}) {
    EXPECT_EQ(check_user_exists(email)
                  .at_pointer("/data/checkUserExists/availableWorkspacesCount")
                  .to_number<int>(),
              0)
        << email;
  }

  // A user of the domain who signs in sees it among the workspaces to join, without a token.
  const std::string email = "lister@acme-gaps.test";
  e.sign_up(email);
  e.verify(email);
  auto in = e.metadata(R"(mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) {
      availableWorkspaces {
        availableWorkspacesForSignIn { id }
        availableWorkspacesForSignUp { id loginToken personalInviteToken } } } })",
                       {{"e", email}, {"p", authgaps_password}});
  const char* to_join = "/data/signIn/availableWorkspaces/availableWorkspacesForSignUp";
  ASSERT_TRUE(in.at_pointer(to_join).is_array()) << json::serialize(in);
  ASSERT_EQ(in.at_pointer(to_join).as_array().size(), 1u) << json::serialize(in);
  EXPECT_EQ(text_at(in, std::string(to_join) + "/0/id"), ws.id);
  EXPECT_TRUE(in.at_pointer(std::string(to_join) + "/0/loginToken").is_null());
  EXPECT_TRUE(in.at_pointer(std::string(to_join) + "/0/personalInviteToken").is_null());
  EXPECT_EQ(check_user_exists(email)
                .at_pointer("/data/checkUserExists/availableWorkspacesCount")
                .to_number<int>(),
            1);
  // A member is no longer offered to join it.
  auto member = e.metadata(R"(mutation($e: String!, $p: String!, $w: UUID) {
      signUpInWorkspace(email: $e, password: $p, workspaceId: $w) { workspace { id } } })",
                           {{"e", email}, {"p", authgaps_password}, {"w", ws.id}});
  EXPECT_EQ(text_at(member, "/data/signUpInWorkspace/workspace/id"), ws.id)
      << json::serialize(member);
  auto again = e.metadata(R"(mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) {
      availableWorkspaces { availableWorkspacesForSignIn { id }
        availableWorkspacesForSignUp { id } } } })",
                          {{"e", email}, {"p", authgaps_password}});
  EXPECT_EQ(text_at(again, "/data/signIn/availableWorkspaces/availableWorkspacesForSignIn/0/id"),
            ws.id)
      << json::serialize(again);
  EXPECT_TRUE(again.at_pointer("/data/signIn/availableWorkspaces/availableWorkspacesForSignUp")
                  .as_array()
                  .empty());
}

}  // namespace
