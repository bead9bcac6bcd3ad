// Roles as provisioning makes them and as getRoles / createOneRole / updateOneRole / deleteOneRole
// change them, with Twenty's errors (spec §3.2, §3.3, §3.5).
#include "roles_env.hpp"

namespace {

using namespace cohort::testing::roles;
using cohort::testing::two_workspaces;

const char* const get_roles = R"({ getRoles { id label description icon standardId isEditable
  canUpdateAllSettings canAccessAllTools canReadAllObjectRecords canUpdateAllObjectRecords
  canSoftDeleteAllObjectRecords canDestroyAllObjectRecords canBeAssignedToUsers
  canBeAssignedToAgents canBeAssignedToApiKeys workspaceMembers { id userEmail }
  apiKeys { id name } permissionFlags { id roleId flag } objectPermissions { objectMetadataId }
  fieldPermissions { id } } })";

const char* const create_role = R"(mutation($i: CreateRoleInput!) {
  createOneRole(createRoleInput: $i) { id label description icon isEditable canReadAllObjectRecords
    canUpdateAllObjectRecords canBeAssignedToApiKeys workspaceMembers { id } } })";
const char* const update_role = R"(mutation($i: UpdateRoleInput!) {
  updateOneRole(updateRoleInput: $i) { id label description canReadAllObjectRecords } })";
const char* const delete_role = R"(mutation($id: UUID!) { deleteOneRole(roleId: $id) })";

const json::object* find_role(const json::value& roles, const std::string& label) {
  for (const auto& r : at(roles, "/data/getRoles").as_array())
    if (r.at("label") == json::value(label)) return &r.as_object();
  return nullptr;
}

TEST(Roles, ANewWorkspaceHasAdminAndMemberAndItsCreatorIsAdmin) {
  auto& e = env();
  // A workspace of its own: the other tests change workspace A's roles.
  auto ws = e.create("provisioned@roles.test", "Provisioned");
  for (const char* path : {"/metadata", "/graphql"}) {
    auto roles = e.graphql(get_roles, {}, ws.access, path);
    const auto* admin = find_role(roles, "Admin");
    const auto* member = find_role(roles, "Member");
    ASSERT_TRUE(admin && member) << json::serialize(roles);
    EXPECT_EQ(admin->at("isEditable"), false);
    EXPECT_EQ(admin->at("icon"), "IconUserCog");
    EXPECT_EQ(admin->at("description"), "Admin role");
    for (auto key :
         {"canUpdateAllSettings", "canAccessAllTools", "canReadAllObjectRecords",
          "canUpdateAllObjectRecords", "canSoftDeleteAllObjectRecords",
          "canDestroyAllObjectRecords", "canBeAssignedToUsers", "canBeAssignedToApiKeys"})
      EXPECT_EQ(admin->at(key), true) << key;
    EXPECT_EQ(admin->at("canBeAssignedToAgents"), false);
    ASSERT_EQ(admin->at("workspaceMembers").as_array().size(), 1u);
    EXPECT_EQ(admin->at("workspaceMembers").as_array()[0].at("userEmail"), json::value(ws.email));
    EXPECT_EQ(member->at("isEditable"), true);
    EXPECT_EQ(member->at("icon"), "IconUser");
    EXPECT_EQ(member->at("canUpdateAllSettings"), false);
    EXPECT_EQ(member->at("canAccessAllTools"), false);
    EXPECT_EQ(member->at("canReadAllObjectRecords"), true);
    EXPECT_EQ(member->at("canDestroyAllObjectRecords"), true);
    EXPECT_EQ(member->at("workspaceMembers").as_array().size(), 0u);
  }
  // In SQL: both rows (Admin with Twenty's standardId), Member the default role, the creator's
  // membership holds Admin.
  EXPECT_EQ(e.sql("SELECT standard_id FROM core.role WHERE id = '" + role_id(e, ws, "Admin") + "'"),
            "20202020-0001-0001-0001-000000000001");
  EXPECT_EQ(e.sql("SELECT count(*) FROM core.role WHERE workspace_id = '" + ws.id + "'"), "2");
  EXPECT_EQ(e.sql("SELECT r.label FROM core.workspace w JOIN core.role r ON r.id = "
                  "w.default_role_id WHERE w.id = '" +
                  ws.id + "'"),
            "Member");
  EXPECT_EQ(e.sql("SELECT r.label FROM core.role_target t JOIN core.role r ON r.id = t.role_id "
                  "JOIN core.user_workspace uw ON uw.id = t.user_workspace_id JOIN core.\"user\" u "
                  "ON u.id = uw.user_id WHERE uw.workspace_id = '" +
                  ws.id + "' AND u.email = '" + ws.email + "'"),
            "Admin");
  // Each workspace has its own roles.
  EXPECT_NE(role_id(e, ws, "Admin"), role_id(e, e.b, "Admin"));
}

TEST(Roles, CreateUpdateDelete) {
  auto& e = env();
  auto created = e.graphql(create_role,
                           {{"i",
                             {{"label", "Auditor"},
                              {"description", "reads"},
                              {"icon", "IconEye"},
                              {"canReadAllObjectRecords", true}}}},
                           e.a.access, "/metadata");
  std::string id = str(created, "/data/createOneRole/id");
  EXPECT_EQ(at(created, "/data/createOneRole/isEditable"), true);
  EXPECT_EQ(at(created, "/data/createOneRole/canUpdateAllObjectRecords"), false);
  EXPECT_EQ(at(created, "/data/createOneRole/canBeAssignedToApiKeys"), true);
  EXPECT_EQ(e.sql("SELECT label || '/' || description FROM core.role WHERE id = '" + id + "'"),
            "Auditor/reads");

  auto updated = e.graphql(update_role, {{"i", {{"id", id}, {"update", {{"label", "Auditors"}}}}}},
                           e.a.access, "/metadata");
  EXPECT_EQ(at(updated, "/data/updateOneRole/label"), "Auditors");
  EXPECT_EQ(at(updated, "/data/updateOneRole/description"), "reads");

  // A member holding the role falls back to the default role when it goes.
  auto m = add_member(e, e.a, "auditor@roles.test", std::string("Auditors"));
  auto deleted = e.graphql(delete_role, {{"id", id}}, e.a.access, "/metadata");
  EXPECT_EQ(str(deleted, "/data/deleteOneRole"), id);
  EXPECT_EQ(e.sql("SELECT count(*) FROM core.role WHERE id = '" + id + "'"), "0");
  EXPECT_EQ(e.sql("SELECT r.label FROM core.role_target t JOIN core.role r ON r.id = t.role_id "
                  "WHERE t.user_workspace_id = '" +
                  m.user_workspace_id + "'"),
            "Member");
}

TEST(Roles, CreateErrors) {
  auto& e = env();
  e.graphql(create_role, {{"i", {{"label", "Twin"}}}}, e.a.access, "/metadata");
  expect_error(e.graphql(create_role, {{"i", {{"label", "Twin"}}}}, e.a.access, "/metadata"),
               "A role with this label already exists", "FORBIDDEN", "ROLE_LABEL_ALREADY_EXISTS");
  expect_error(
      e.graphql(create_role, {{"i", {{"label", "Writer"}, {"canUpdateAllObjectRecords", true}}}},
                e.a.access, "/metadata"),
      "Cannot give writing permission without reading permission", "BAD_USER_INPUT",
      "CANNOT_GIVE_WRITING_PERMISSION_WITHOUT_READING_PERMISSION");
  expect_error(e.graphql(create_role,
                         {{"i",
                           {{"label", "Nobody's"},
                            {"canBeAssignedToUsers", false},
                            {"canBeAssignedToAgents", false},
                            {"canBeAssignedToApiKeys", false}}}},
                         e.a.access, "/metadata"),
               "Role must be assignable to at least one target type", "BAD_USER_INPUT",
               "ROLE_MUST_HAVE_AT_LEAST_ONE_TARGET");
  // The same label in another workspace is another role.
  auto other = e.graphql(create_role, {{"i", {{"label", "Twin"}}}}, e.b.access, "/metadata");
  EXPECT_FALSE(str(other, "/data/createOneRole/id").empty()) << json::serialize(other);
}

TEST(Roles, StandardDefaultAndUnknownRolesAreRefused) {
  auto& e = env();
  std::string admin = role_id(e, e.a, "Admin");
  std::string member = role_id(e, e.a, "Member");
  expect_error(e.graphql(update_role, {{"i", {{"id", admin}, {"update", {{"label", "Boss"}}}}}},
                         e.a.access, "/metadata"),
               "Role is not editable", "FORBIDDEN", "ROLE_NOT_EDITABLE");
  expect_error(e.graphql(delete_role, {{"id", admin}}, e.a.access, "/metadata"),
               "Role is not editable", "FORBIDDEN", "ROLE_NOT_EDITABLE");
  expect_error(e.graphql(delete_role, {{"id", member}}, e.a.access, "/metadata"),
               "Default role cannot be deleted", "FORBIDDEN", "DEFAULT_ROLE_CANNOT_BE_DELETED");
  // Unknown, and another workspace's role: not found (tenancy).
  for (const std::string& id :
       {std::string("5a3d7c1e-0000-4000-8000-000000000001"), role_id(e, e.b, "Member")}) {
    expect_error(e.graphql(update_role, {{"i", {{"id", id}, {"update", {{"label", "X"}}}}}},
                           e.a.access, "/metadata"),
                 "Role not found", "NOT_FOUND", "ROLE_NOT_FOUND");
    expect_error(e.graphql(delete_role, {{"id", id}}, e.a.access, "/metadata"), "Role not found",
                 "NOT_FOUND", "ROLE_NOT_FOUND");
  }
  EXPECT_EQ(e.sql("SELECT label FROM core.role WHERE id = '" + role_id(e, e.b, "Member") + "'"),
            "Member");
}

TEST(Roles, AMemberWithoutTheRolesFlagIsRefused) {
  auto& e = env();
  auto m = add_member(e, e.a, "plain.member@roles.test", std::string("Member"));
  expect_denied(e.graphql(get_roles, {}, m.access, "/metadata"));
  expect_denied(e.graphql(create_role, {{"i", {{"label", "Mine"}}}}, m.access, "/metadata"));
  expect_denied(e.graphql(delete_role, {{"id", role_id(e, e.a, "Member")}}, m.access, "/graphql"));
  EXPECT_EQ(e.sql("SELECT count(*) FROM core.role WHERE label = 'Mine'"), "0");
  // Without any role at all, nothing that needs a right.
  auto none = add_member(e, e.a, "no.role@roles.test", std::nullopt);
  expect_denied(e.graphql(get_roles, {}, none.access, "/metadata"));
  expect_denied(e.graphql("{ webhooks { id } }", {}, none.access, "/metadata"));
  // Anonymous: Twenty's guard.
  auto anonymous = e.graphql(get_roles, {}, "", "/metadata");
  EXPECT_EQ(str(anonymous, "/errors/0/message"), "Forbidden resource")
      << json::serialize(anonymous);
}

}  // namespace

namespace {

using namespace cohort::testing::roles;

const char* const current_user_roles = R"({ currentUser {
  workspaceMember { id roles { label } }
  currentUserWorkspace { id permissionFlags
    objectsPermissions { objectMetadataId canReadObjectRecords canUpdateObjectRecords } } } })";

TEST(Roles, CurrentUserShowsTheCallersRoleAndRights) {
  auto& e = env();
  auto admin = e.graphql(current_user_roles, {}, e.a.access, "/metadata");
  EXPECT_EQ(str(admin, "/data/currentUser/workspaceMember/roles/0/label"), "Admin")
      << json::serialize(admin);
  EXPECT_EQ(at(admin, "/data/currentUser/currentUserWorkspace/permissionFlags").as_array().size(),
            11u);
  for (const auto& o :
       at(admin, "/data/currentUser/currentUserWorkspace/objectsPermissions").as_array())
    EXPECT_EQ(o.at("canUpdateObjectRecords"), true);

  // A member whose role reads records only.
  auto created = e.graphql(R"(mutation { createOneRole(createRoleInput: { label: "Viewer",
      canReadAllObjectRecords: true }) { id } })",
                           {}, e.a.access, "/metadata");
  EXPECT_FALSE(str(created, "/data/createOneRole/id").empty());
  auto m = add_member(e, e.a, "viewer@roles.test", std::string("Viewer"));
  auto viewer = e.graphql(current_user_roles, {}, m.access, "/graphql");
  EXPECT_EQ(str(viewer, "/data/currentUser/workspaceMember/roles/0/label"), "Viewer")
      << json::serialize(viewer);
  EXPECT_EQ(at(viewer, "/data/currentUser/currentUserWorkspace/permissionFlags").as_array().size(),
            0u);
  const auto& objects = at(viewer, "/data/currentUser/currentUserWorkspace/objectsPermissions");
  ASSERT_TRUE(objects.is_array() && !objects.as_array().empty()) << json::serialize(viewer);
  for (const auto& o : objects.as_array()) {
    EXPECT_EQ(o.at("canReadObjectRecords"), true);
    EXPECT_EQ(o.at("canUpdateObjectRecords"), false);
  }
}

}  // namespace
