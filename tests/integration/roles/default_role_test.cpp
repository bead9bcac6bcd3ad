// The workspace's default role: updateWorkspace(defaultRoleId) takes only a role of the workspace
// that members may hold, and whoever joins later (signUpInWorkspace) holds it.
#include "roles_env.hpp"

namespace {

using namespace cohort::testing::roles;

const char* const set_default = R"(mutation($r: UUID!) { updateWorkspace(data: {
  defaultRoleId: $r }) { id } })";

TEST(DefaultRole, NewMembersGetTheWorkspacesDefaultRole) {
  auto& e = env();
  auto ws = e.create("default.role@roles.test", "Default Role");
  auto created = e.graphql(R"(mutation { createOneRole(createRoleInput: { label: "Newcomer",
      canReadAllObjectRecords: true }) { id } })",
                           {}, ws.access, "/metadata");
  std::string newcomer = str(created, "/data/createOneRole/id");
  auto set = e.graphql(set_default, {{"r", newcomer}}, ws.access, "/graphql");
  EXPECT_FALSE(set.as_object().contains("errors")) << json::serialize(set);
  EXPECT_EQ(e.sql("SELECT default_role_id FROM core.workspace WHERE id = '" + ws.id + "'"),
            newcomer);

  // Joining with the workspace's public invite link.
  std::string hash = e.sql("SELECT invite_hash FROM core.workspace WHERE id = '" + ws.id + "'");
  auto joined = e.graphql(R"(mutation($e: String!, $p: String!, $h: String) {
      signUpInWorkspace(email: $e, password: $p, workspaceInviteHash: $h) {
        workspace { id } } })",
                          {{"e", "joiner@roles.test"}, {"p", "Joiner-Passw0rd!"}, {"h", hash}}, "",
                          "/metadata");
  EXPECT_EQ(str(joined, "/data/signUpInWorkspace/workspace/id"), ws.id) << json::serialize(joined);
  EXPECT_EQ(
      e.sql("SELECT r.label FROM core.role_target t JOIN core.role r ON r.id = t.role_id "
            "JOIN core.user_workspace uw ON uw.id = t.user_workspace_id JOIN core.\"user\" u "
            "ON u.id = uw.user_id WHERE u.email = 'joiner@roles.test' AND uw.workspace_id = '" +
            ws.id + "'"),
      "Newcomer");
}

TEST(DefaultRole, OnlyAWorkspaceRoleForUsers) {
  auto& e = env();
  expect_error(e.graphql(set_default, {{"r", role_id(e, e.b, "Member")}}, e.a.access, "/graphql"),
               "Role not found", "NOT_FOUND", "ROLE_NOT_FOUND");
  auto keys_only = e.graphql(R"(mutation { createOneRole(createRoleInput: { label: "Default keys",
      canBeAssignedToUsers: false }) { id } })",
                             {}, e.a.access, "/metadata");
  expect_error(e.graphql(set_default, {{"r", str(keys_only, "/data/createOneRole/id")}}, e.a.access,
                         "/graphql"),
               "Role cannot be assigned to users", "BAD_USER_INPUT",
               "ROLE_CANNOT_BE_ASSIGNED_TO_USERS");
  EXPECT_EQ(e.sql("SELECT r.label FROM core.workspace w JOIN core.role r ON r.id = "
                  "w.default_role_id WHERE w.id = '" +
                  e.a.id + "'"),
            "Member");
}

}  // namespace
