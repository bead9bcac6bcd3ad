// Who holds which role: updateWorkspaceMemberRole (never one's own role, never the last Admin's)
// and API keys (createApiKey's roleId and assignRoleToApiKey: a role of the workspace that may
// be given to keys), with Twenty's errors.
#include "roles_env.hpp"

namespace {

using namespace cohort::testing::roles;
using cohort::testing::two_workspaces;

const char* const update_member_role = R"(mutation($m: UUID!, $r: UUID!) {
  updateWorkspaceMemberRole(workspaceMemberId: $m, roleId: $r) {
    id userEmail roles { id label } } })";
const char* const create_role = R"(mutation($i: CreateRoleInput!) {
  createOneRole(createRoleInput: $i) { id } })";
const char* const upsert_flags = R"(mutation($r: UUID!, $f: [PermissionFlagType!]!) {
  upsertPermissionFlags(upsertPermissionFlagsInput: { roleId: $r, permissionFlagKeys: $f }) {
    flag } })";
const char* const create_key = R"(mutation($n: String!, $r: UUID!) {
  createApiKey(input: { name: $n, expiresAt: "2100-01-01T00:00:00Z", roleId: $r }) {
    id role { id label canReadAllObjectRecords apiKeys { id } } } })";
const char* const assign_key_role = R"(mutation($k: UUID!, $r: UUID!) {
  assignRoleToApiKey(apiKeyId: $k, roleId: $r) })";

std::string creator_member_id(two_workspaces& e, const cohort::testing::test_workspace& ws) {
  return e.sql("SELECT id FROM \"" + ws.schema + "\".\"workspaceMember\" WHERE \"userEmail\" = '" +
               ws.email + "'");
}

TEST(RoleAssignment, AMembersRoleChanges) {
  auto& e = env();
  auto m = add_member(e, e.a, "promoted@roles.test", std::string("Member"));
  auto answer = e.graphql(update_member_role, {{"m", m.member_id}, {"r", role_id(e, e.a, "Admin")}},
                          e.a.access, "/metadata");
  EXPECT_EQ(str(answer, "/data/updateWorkspaceMemberRole/id"), m.member_id);
  EXPECT_EQ(str(answer, "/data/updateWorkspaceMemberRole/roles/0/label"), "Admin");
  EXPECT_EQ(e.sql("SELECT r.label FROM core.role_target t JOIN core.role r ON r.id = t.role_id "
                  "WHERE t.user_workspace_id = '" +
                  m.user_workspace_id + "'"),
            "Admin");
  // The next request of that member acts with its new role.
  auto roles = e.graphql("{ getRoles { id } }", {}, m.access, "/metadata");
  EXPECT_TRUE(at(roles, "/data/getRoles").is_array()) << json::serialize(roles);
}

TEST(RoleAssignment, OwnRoleUnknownMemberAndRoleAreRefused) {
  auto& e = env();
  expect_error(e.graphql(update_member_role,
                         {{"m", creator_member_id(e, e.a)}, {"r", role_id(e, e.a, "Member")}},
                         e.a.access, "/metadata"),
               "Cannot update self role", "FORBIDDEN", "CANNOT_UPDATE_SELF_ROLE");
  expect_error(
      e.graphql(update_member_role,
                {{"m", "5a3d7c1e-0000-4000-8000-000000000002"}, {"r", role_id(e, e.a, "Member")}},
                e.a.access, "/metadata"),
      "Workspace member not found", "NOT_FOUND", "WORKSPACE_MEMBER_NOT_FOUND");
  auto m = add_member(e, e.a, "stays@roles.test", std::string("Member"));
  // Another workspace's role is no role of this one.
  expect_error(e.graphql(update_member_role, {{"m", m.member_id}, {"r", role_id(e, e.b, "Admin")}},
                         e.a.access, "/metadata"),
               "Role not found", "NOT_FOUND", "ROLE_NOT_FOUND");
  auto keys_only =
      e.graphql(create_role, {{"i", {{"label", "Keys only"}, {"canBeAssignedToUsers", false}}}},
                e.a.access, "/metadata");
  expect_error(e.graphql(update_member_role,
                         {{"m", m.member_id}, {"r", str(keys_only, "/data/createOneRole/id")}},
                         e.a.access, "/metadata"),
               "Role cannot be assigned to users", "BAD_USER_INPUT",
               "ROLE_CANNOT_BE_ASSIGNED_TO_USERS");
  EXPECT_EQ(e.sql("SELECT r.label FROM core.role_target t JOIN core.role r ON r.id = t.role_id "
                  "WHERE t.user_workspace_id = '" +
                  m.user_workspace_id + "'"),
            "Member");
}

TEST(RoleAssignment, TheLastAdminKeepsTheAdminRole) {
  auto& e = env();
  auto ws = e.create("last.admin@roles.test", "Last Admin");
  // A manager may change roles (ROLES) without being an Admin.
  auto manager_role =
      e.graphql(create_role, {{"i", {{"label", "Manager"}, {"canReadAllObjectRecords", true}}}},
                ws.access, "/metadata");
  std::string manager_id = str(manager_role, "/data/createOneRole/id");
  e.graphql(upsert_flags, {{"r", manager_id}, {"f", json::array{"ROLES"}}}, ws.access, "/metadata");
  auto manager = add_member(e, ws, "manager@roles.test", std::string("Manager"));
  expect_error(e.graphql(update_member_role,
                         {{"m", creator_member_id(e, ws)}, {"r", role_id(e, ws, "Member")}},
                         manager.access, "/metadata"),
               "Cannot unassign admin role from last admin of the workspace", "FORBIDDEN",
               "CANNOT_UNASSIGN_LAST_ADMIN");
  // With a second Admin, the first may become a Member.
  auto second = add_member(e, ws, "second.admin@roles.test", std::string("Admin"));
  auto moved = e.graphql(update_member_role,
                         {{"m", creator_member_id(e, ws)}, {"r", role_id(e, ws, "Member")}},
                         manager.access, "/metadata");
  EXPECT_EQ(str(moved, "/data/updateWorkspaceMemberRole/roles/0/label"), "Member")
      << json::serialize(moved);
  expect_error(e.graphql(update_member_role, {{"m", second.member_id}, {"r", manager_id}},
                         manager.access, "/metadata"),
               "Cannot unassign admin role from last admin of the workspace", "FORBIDDEN",
               "CANNOT_UNASSIGN_LAST_ADMIN");
}

TEST(RoleAssignment, ApiKeysHoldARoleOfTheirWorkspace) {
  auto& e = env();
  auto reader =
      e.graphql(create_role, {{"i", {{"label", "Key reader"}, {"canReadAllObjectRecords", true}}}},
                e.a.access, "/metadata");
  std::string reader_id = str(reader, "/data/createOneRole/id");
  auto key =
      e.graphql(create_key, {{"n", "reader key"}, {"r", reader_id}}, e.a.access, "/metadata");
  std::string key_id = str(key, "/data/createApiKey/id");
  EXPECT_EQ(str(key, "/data/createApiKey/role/label"), "Key reader") << json::serialize(key);
  EXPECT_EQ(str(key, "/data/createApiKey/role/apiKeys/0/id"), key_id);
  EXPECT_EQ(e.sql("SELECT role_id FROM core.role_target WHERE api_key_id = '" + key_id + "'"),
            reader_id);

  // assignRoleToApiKey moves the key's role target.
  auto assigned = e.graphql(assign_key_role, {{"k", key_id}, {"r", role_id(e, e.a, "Admin")}},
                            e.a.access, "/metadata");
  EXPECT_EQ(at(assigned, "/data/assignRoleToApiKey"), true) << json::serialize(assigned);
  EXPECT_EQ(e.sql("SELECT r.label FROM core.role_target t JOIN core.role r ON r.id = t.role_id "
                  "WHERE t.api_key_id = '" +
                  key_id + "'"),
            "Admin");
  auto listed = e.graphql("{ apiKeys { id role { label } } }", {}, e.a.access, "/graphql");
  bool seen = false;
  for (const auto& k : at(listed, "/data/apiKeys").as_array()) {
    if (k.at("id") != json::value(key_id)) continue;
    seen = true;
    EXPECT_EQ(k.at_pointer("/role/label"), "Admin");
  }
  EXPECT_TRUE(seen) << json::serialize(listed);

  // Unknown roles, another workspace's, and roles not for keys are refused.
  const std::string unknown = "5a3d7c1e-0000-4000-8000-000000000003";
  expect_error(e.graphql(create_key, {{"n", "nope"}, {"r", unknown}}, e.a.access, "/metadata"),
               "Role with id " + unknown + " not found in workspace", "NOT_FOUND");
  expect_error(e.graphql(create_key, {{"n", "nope"}, {"r", role_id(e, e.b, "Admin")}}, e.a.access,
                         "/metadata"),
               "Role with id " + role_id(e, e.b, "Admin") + " not found in workspace", "NOT_FOUND");
  auto users_only =
      e.graphql(create_role, {{"i", {{"label", "Users only"}, {"canBeAssignedToApiKeys", false}}}},
                e.a.access, "/metadata");
  std::string users_only_id = str(users_only, "/data/createOneRole/id");
  expect_error(
      e.graphql(create_key, {{"n", "nope"}, {"r", users_only_id}}, e.a.access, "/metadata"),
      "Role \"Users only\" cannot be assigned to API keys", "BAD_USER_INPUT");
  expect_error(
      e.graphql(assign_key_role, {{"k", key_id}, {"r", users_only_id}}, e.a.access, "/metadata"),
      "Role \"Users only\" cannot be assigned to API keys", "BAD_USER_INPUT");
  expect_error(
      e.graphql(assign_key_role, {{"k", unknown}, {"r", reader_id}}, e.a.access, "/metadata"),
      "API Key with id " + unknown + " not found in workspace", "NOT_FOUND");
  EXPECT_EQ(e.sql("SELECT count(*) FROM core.api_key WHERE name = 'nope'"), "0");
}

}  // namespace
