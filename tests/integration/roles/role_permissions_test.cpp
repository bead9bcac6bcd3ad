// A role's object permissions, field permissions and permission flags (upsert* with Twenty's
// rules and errors), the flags guarding platform operations (API keys and webhooks, the data
// model, workspace settings), an API key acting with a read-only role, and role changes seen by
// the next request on every node (no stale permissions cache).
#include "fixtures/cohort_server.hpp"
#include "roles_env.hpp"

namespace {

using namespace cohort::testing::roles;
using cohort::testing::cohort_server;
using cohort::testing::two_workspaces;

const char* const create_role = R"(mutation($i: CreateRoleInput!) {
  createOneRole(createRoleInput: $i) { id } })";
const char* const upsert_objects = R"(mutation($r: UUID!, $p: [ObjectPermissionInput!]!) {
  upsertObjectPermissions(upsertObjectPermissionsInput: { roleId: $r, objectPermissions: $p }) {
    objectMetadataId canReadObjectRecords canUpdateObjectRecords canSoftDeleteObjectRecords
    canDestroyObjectRecords } })";
const char* const upsert_fields = R"(mutation($r: UUID!, $p: [FieldPermissionInput!]!) {
  upsertFieldPermissions(upsertFieldPermissionsInput: { roleId: $r, fieldPermissions: $p }) {
    id roleId objectMetadataId fieldMetadataId canReadFieldValue canUpdateFieldValue } })";
const char* const upsert_flags = R"(mutation($r: UUID!, $f: [PermissionFlagType!]!) {
  upsertPermissionFlags(upsertPermissionFlagsInput: { roleId: $r, permissionFlagKeys: $f }) {
    id roleId flag } })";
const char* const list_webhooks = "{ webhooks { id } }";

struct object_ids {
  std::string id;
  bool system = false;
  std::map<std::string, std::string> fields;  // name -> id
};

// The caller's model: objects by nameSingular.
std::map<std::string, object_ids> objects(two_workspaces& e, const std::string& access) {
  auto answer = e.graphql(R"({ objects(paging: { first: 200 }) { edges { node {
      id nameSingular isSystem fieldsList { id name } } } } })",
                          {}, access, "/metadata");
  std::map<std::string, object_ids> out;
  for (const auto& edge : at(answer, "/data/objects/edges").as_array()) {
    const auto& node = edge.at("node");
    object_ids o{std::string(node.at("id").as_string()), node.at("isSystem").as_bool(), {}};
    for (const auto& f : node.at("fieldsList").as_array())
      o.fields[std::string(f.at("name").as_string())] = std::string(f.at("id").as_string());
    out[std::string(node.at("nameSingular").as_string())] = std::move(o);
  }
  return out;
}

std::string new_role(two_workspaces& e, const std::string& access, json::object input) {
  return str(e.graphql(create_role, {{"i", std::move(input)}}, access, "/metadata"),
             "/data/createOneRole/id");
}

std::string system_object(const std::map<std::string, object_ids>& model) {
  for (const auto& [name, o] : model)
    if (o.system) return o.id;
  return "";
}

TEST(RolePermissions, ObjectPermissions) {
  auto& e = env();
  auto model = objects(e, e.a.access);
  const std::string company = model.at("company").id;
  std::string role =
      new_role(e, e.a.access, {{"label", "Objects"}, {"canReadAllObjectRecords", true}});
  auto answer = e.graphql(
      upsert_objects,
      {{"r", role},
       {"p", json::array{{{"objectMetadataId", company}, {"canReadObjectRecords", false}}}}},
      e.a.access, "/metadata");
  EXPECT_EQ(str(answer, "/data/upsertObjectPermissions/0/objectMetadataId"), company)
      << json::serialize(answer);
  EXPECT_EQ(at(answer, "/data/upsertObjectPermissions/0/canReadObjectRecords"), false);
  EXPECT_EQ(at(answer, "/data/upsertObjectPermissions/0/canUpdateObjectRecords"), nullptr);
  EXPECT_EQ(e.sql("SELECT can_read_object_records FROM core.object_permission WHERE role_id = '" +
                  role + "' AND object_metadata_id = '" + company + "'"),
            "f");
  // A second upsert changes the same row.
  e.graphql(upsert_objects,
            {{"r", role},
             {"p", json::array{{{"objectMetadataId", company}, {"canReadObjectRecords", true}}}}},
            e.a.access, "/metadata");
  EXPECT_EQ(e.sql("SELECT count(*) || '/' || bool_and(can_read_object_records) FROM "
                  "core.object_permission WHERE role_id = '" +
                  role + "'"),
            "1/true");

  expect_error(
      e.graphql(upsert_objects,
                {{"r", role},
                 {"p", json::array{{{"objectMetadataId", "5a3d7c1e-0000-4000-8000-000000000004"},
                                    {"canReadObjectRecords", true}}}}},
                e.a.access, "/metadata"),
      "Object metadata not found", "NOT_FOUND", "OBJECT_METADATA_NOT_FOUND");
  expect_error(e.graphql(upsert_objects,
                         {{"r", role},
                          {"p", json::array{{{"objectMetadataId", system_object(model)},
                                             {"canReadObjectRecords", true}}}}},
                         e.a.access, "/metadata"),
               "Cannot add object permission on system object", "FORBIDDEN",
               "CANNOT_ADD_OBJECT_PERMISSION_ON_SYSTEM_OBJECT");
  expect_error(e.graphql(upsert_objects,
                         {{"r", role},
                          {"p", json::array{{{"objectMetadataId", company},
                                             {"canReadObjectRecords", false},
                                             {"canUpdateObjectRecords", true}}}}},
                         e.a.access, "/metadata"),
               "Cannot give writing permission without reading permission", "BAD_USER_INPUT",
               "CANNOT_GIVE_WRITING_PERMISSION_WITHOUT_READING_PERMISSION");
  expect_error(
      e.graphql(
          upsert_objects,
          {{"r", role_id(e, e.a, "Admin")},
           {"p", json::array{{{"objectMetadataId", company}, {"canReadObjectRecords", false}}}}},
          e.a.access, "/metadata"),
      "Role is not editable", "FORBIDDEN", "ROLE_NOT_EDITABLE");
}

TEST(RolePermissions, FieldPermissionsOnlyRestrict) {
  auto& e = env();
  auto model = objects(e, e.a.access);
  const auto& company = model.at("company");
  const std::string employees = company.fields.at("employees");
  std::string role = new_role(e, e.a.access,
                              {{"label", "Fields"},
                               {"canReadAllObjectRecords", true},
                               {"canUpdateAllObjectRecords", true}});
  auto answer = e.graphql(upsert_fields,
                          {{"r", role},
                           {"p", json::array{{{"objectMetadataId", company.id},
                                              {"fieldMetadataId", employees},
                                              {"canReadFieldValue", false}}}}},
                          e.a.access, "/metadata");
  EXPECT_EQ(str(answer, "/data/upsertFieldPermissions/0/fieldMetadataId"), employees)
      << json::serialize(answer);
  EXPECT_EQ(str(answer, "/data/upsertFieldPermissions/0/roleId"), role);
  EXPECT_EQ(at(answer, "/data/upsertFieldPermissions/0/canReadFieldValue"), false);
  EXPECT_EQ(at(answer, "/data/upsertFieldPermissions/0/canUpdateFieldValue"), nullptr);
  auto roles = e.graphql(
      "{ getRoles { id fieldPermissions { fieldMetadataId } objectPermissions "
      "{ objectMetadataId } } }",
      {}, e.a.access, "/metadata");
  for (const auto& r : at(roles, "/data/getRoles").as_array()) {
    if (r.at("id") != json::value(role)) continue;
    EXPECT_EQ(r.at_pointer("/fieldPermissions/0/fieldMetadataId"), json::value(employees));
  }

  auto refused = [&](json::object permission) {
    permission["objectMetadataId"] = company.id;
    if (!permission.contains("fieldMetadataId")) permission["fieldMetadataId"] = employees;
    return e.graphql(upsert_fields, {{"r", role}, {"p", json::array{permission}}}, e.a.access,
                     "/metadata");
  };
  expect_error(refused({{"canReadFieldValue", true}}),
               "Field permission can only introduce a restriction", "BAD_USER_INPUT",
               "ONLY_FIELD_RESTRICTION_ALLOWED");
  expect_error(refused({{"fieldMetadataId", "5a3d7c1e-0000-4000-8000-000000000005"},
                        {"canReadFieldValue", false}}),
               "Field metadata not found", "NOT_FOUND", "FIELD_METADATA_NOT_FOUND");
  std::string blind = new_role(e, e.a.access, {{"label", "Blind"}});
  expect_error(e.graphql(upsert_fields,
                         {{"r", blind},
                          {"p", json::array{{{"objectMetadataId", company.id},
                                             {"fieldMetadataId", employees},
                                             {"canReadFieldValue", false}}}}},
                         e.a.access, "/metadata"),
               "Field restriction only makes sense on readable object", "BAD_USER_INPUT",
               "FIELD_RESTRICTION_ONLY_ALLOWED_ON_READABLE_OBJECT");
  std::string reader =
      new_role(e, e.a.access, {{"label", "Field reader"}, {"canReadAllObjectRecords", true}});
  expect_error(e.graphql(upsert_fields,
                         {{"r", reader},
                          {"p", json::array{{{"objectMetadataId", company.id},
                                             {"fieldMetadataId", employees},
                                             {"canUpdateFieldValue", false}}}}},
                         e.a.access, "/metadata"),
               "Field restriction on update only makes sense on updatable object", "BAD_USER_INPUT",
               "FIELD_RESTRICTION_ON_UPDATE_ONLY_ALLOWED_ON_UPDATABLE_OBJECT");
}

TEST(RolePermissions, PermissionFlagsAreReplaced) {
  auto& e = env();
  std::string role = new_role(e, e.a.access, {{"label", "Flags"}});
  auto answer = e.graphql(upsert_flags, {{"r", role}, {"f", json::array{"ROLES", "WORKSPACE"}}},
                          e.a.access, "/metadata");
  EXPECT_EQ(at(answer, "/data/upsertPermissionFlags").as_array().size(), 2u)
      << json::serialize(answer);
  EXPECT_EQ(str(answer, "/data/upsertPermissionFlags/0/roleId"), role);
  e.graphql(upsert_flags, {{"r", role}, {"f", json::array{"ROLES"}}}, e.a.access, "/metadata");
  EXPECT_EQ(e.sql("SELECT string_agg(flag, ',') FROM core.permission_flag WHERE role_id = '" +
                  role + "'"),
            "ROLES");
  expect_error(
      e.graphql(upsert_flags, {{"r", role_id(e, e.a, "Admin")}, {"f", json::array{"ROLES"}}},
                e.a.access, "/metadata"),
      "Role is not editable", "FORBIDDEN", "ROLE_NOT_EDITABLE");
  expect_error(
      e.graphql(upsert_flags, {{"r", "5a3d7c1e-0000-4000-8000-000000000006"}, {"f", json::array{}}},
                e.a.access, "/metadata"),
      "Role not found", "NOT_FOUND", "ROLE_NOT_FOUND");
}

TEST(RolePermissions, FlagsGuardPlatformOperations) {
  auto& e = env();
  auto ws = e.create("flags.guard@roles.test", "Flags Guard");
  auto m = add_member(e, ws, "guarded@roles.test", std::string("Member"));
  // API keys and webhooks need API_KEYS_AND_WEBHOOKS, the data model DATA_MODEL, the
  // workspace's name WORKSPACE, its default role ROLES.
  expect_denied(e.graphql("{ apiKeys { id } }", {}, m.access, "/metadata"));
  expect_denied(e.graphql(list_webhooks, {}, m.access, "/metadata"));
  expect_denied(e.graphql(R"(mutation { createWebhook(input: { targetUrl: "https://example.com/h",
      operations: ["*.*"] }) { id } })",
                          {}, m.access, "/metadata"));
  expect_denied(e.graphql(R"(mutation { createOneObject(input: { object: { nameSingular: "gadget",
      namePlural: "gadgets", labelSingular: "Gadget", labelPlural: "Gadgets" } }) { id } })",
                          {}, m.access, "/metadata"));
  expect_denied(e.graphql(R"(mutation { updateWorkspace(data: { displayName: "Mine" }) { id } })",
                          {}, m.access, "/graphql"));
  expect_denied(e.graphql(R"(mutation($r: UUID!) { updateWorkspace(data: { defaultRoleId: $r }) {
      id } })",
                          {{"r", role_id(e, ws, "Admin")}}, m.access, "/graphql"));
  EXPECT_EQ(e.sql("SELECT display_name FROM core.workspace WHERE id = '" + ws.id + "'"),
            "Flags Guard");
  // REST runs the same operations, so the same flags refuse it (403), and nothing is written.
  for (const auto& [method, target, body] :
       {std::tuple{"POST", "/rest/metadata/objects",
                   R"({"nameSingular":"widget","namePlural":"widgets","labelSingular":"Widget",)"
                   R"("labelPlural":"Widgets"})"},
        std::tuple{"GET", "/rest/metadata/apiKeys", ""},
        std::tuple{"POST", "/rest/metadata/webhooks",
                   R"({"targetUrl":"https://example.com/h","operations":["*.*"]})"}}) {
    auto res = e.call(method, target, body, m.access);
    EXPECT_EQ(res.status, 403u) << method << " " << target << ": " << res.body;
  }
  EXPECT_EQ(e.sql("SELECT count(*) FROM core.object_metadata WHERE workspace_id = '" + ws.id +
                  "' AND definition->>'nameSingular' = 'widget'"),
            "0");
  EXPECT_EQ(e.sql("SELECT count(*) FROM core.webhook WHERE workspace_id = '" + ws.id + "'"), "0");
  // The Admin may.
  auto renamed = e.graphql(R"(mutation { updateWorkspace(data: { displayName: "Renamed" }) {
      displayName } })",
                           {}, ws.access, "/graphql");
  EXPECT_EQ(str(renamed, "/data/updateWorkspace/displayName"), "Renamed")
      << json::serialize(renamed);
  EXPECT_TRUE(
      at(e.graphql(list_webhooks, {}, ws.access, "/metadata"), "/data/webhooks").is_array());
}

TEST(RolePermissions, AnApiKeyActsWithItsReadOnlyRole) {
  auto& e = env();
  std::string role =
      new_role(e, e.a.access, {{"label", "Read only key"}, {"canReadAllObjectRecords", true}});
  auto key = e.graphql(R"(mutation($r: UUID!) { createApiKey(input: { name: "read only",
      expiresAt: "2100-01-01T00:00:00Z", roleId: $r }) { id } })",
                       {{"r", role}}, e.a.access, "/metadata");
  std::string key_id = str(key, "/data/createApiKey/id");
  auto minted = e.graphql(R"(mutation($k: UUID!) { generateApiKeyToken(apiKeyId: $k,
      expiresAt: "2100-01-01T00:00:00Z") { token } })",
                          {{"k", key_id}}, e.a.access, "/metadata");
  std::string token = str(minted, "/data/generateApiKeyToken/token");
  auto people = e.graphql("{ people(first: 2) { edges { node { id } } } }", {}, token);
  EXPECT_TRUE(at(people, "/data/people/edges").is_array()) << json::serialize(people);
  auto created = e.graphql(
      R"(mutation { createPerson(data: { name: { firstName: "No" } }) { id } })", {}, token);
  EXPECT_EQ(str(created, "/errors/0/extensions/code"), "FORBIDDEN") << json::serialize(created);
  EXPECT_EQ(e.sql("SELECT count(*) FROM {a}.person WHERE \"nameFirstName\" = 'No'"), "0");
  expect_denied(e.graphql(list_webhooks, {}, token, "/metadata"));
  expect_denied(e.graphql("{ getRoles { id } }", {}, token, "/metadata"));
}

TEST(RolePermissions, RoleChangesAreSeenByTheNextRequestOnEveryNode) {
  auto& e = env();
  cohort_server second(
      cohort_server::options{.args = {}, .env = e.server_env(), .data_dir = std::nullopt});
  ASSERT_TRUE(second.wait_ready(std::chrono::seconds(60))) << second.proc().output();
  auto ws = e.create("two.nodes@roles.test", "Two Nodes");
  auto m = add_member(e, ws, "cached@roles.test", std::string("Member"));
  std::string member_role = role_id(e, ws, "Member");
  auto on = [&](std::uint16_t port) {
    json::object body{{"query", list_webhooks}};
    auto res = e.call_on(port, "POST", "/metadata", json::serialize(body), m.access);
    return json::parse(res.body);
  };
  const std::uint16_t first = e.server().port(), other = second.port();
  // Both nodes load (and cache) the Member role's permissions: refused.
  expect_denied(on(first));
  expect_denied(on(other));
  // Granted on the first node; the other sees it on its next request.
  e.graphql(upsert_flags, {{"r", member_role}, {"f", json::array{"API_KEYS_AND_WEBHOOKS"}}},
            ws.access, "/metadata");
  EXPECT_TRUE(at(on(other), "/data/webhooks").is_array());
  EXPECT_TRUE(at(on(first), "/data/webhooks").is_array());
  // Taken back: refused at once on both.
  e.graphql(upsert_flags, {{"r", member_role}, {"f", json::array{}}}, ws.access, "/metadata");
  expect_denied(on(other));
  expect_denied(on(first));
  // A member moved to another role acts with it at once too.
  auto admin_answer =
      e.graphql(R"(mutation($m: UUID!, $r: UUID!) { updateWorkspaceMemberRole(
          workspaceMemberId: $m, roleId: $r) { id } })",
                {{"m", m.member_id}, {"r", role_id(e, ws, "Admin")}}, ws.access, "/metadata");
  EXPECT_FALSE(str(admin_answer, "/data/updateWorkspaceMemberRole/id").empty());
  EXPECT_TRUE(at(on(other), "/data/webhooks").is_array());
}

}  // namespace
