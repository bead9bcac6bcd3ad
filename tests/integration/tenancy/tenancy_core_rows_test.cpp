// The tenancy suite, second part: with A's access token and A's API key, the operations that
// name a core row of B (view parts, roles and their permissions, B's member, invitation,
// approved domain, 2FA method and recovery code, B's user) and the record paths that take
// several ids (groupBy, duplicates, merge, batch create with upsert, restore many, search) are
// refused or find nothing, answer nothing of B, and leave B's rows as they were (b_digest).
// The inventory of operations and the test that covers each is in README.md beside this file.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "api/auth/totp.hpp"
#include "tenancy_fixture.hpp"

namespace {

namespace json = boost::json;
using namespace cohort::testing::tenancy_suite;
using cohort::testing::text_at;

// Every view part kind's get, list by B's view, update, delete, destroy and create on B's view.
TEST_F(tenancy, ViewPartsOfBAreNeitherFoundNorChanged) {
  auto& e = env();
  const auto& b = ids();
  // A field of A's own: the field of one of A's view fields.
  const std::string a_field =
      e.sql("SELECT data ->> 'fieldMetadataId' FROM core.view_entity WHERE workspace_id = '" +
            e.a.id + "' AND kind = 'viewField' LIMIT 1");
  std::vector<graphql_attempt> attempts;
  struct kind {
    std::string name, id, update, create;
  };
  const std::vector<kind> kinds = {
      {"ViewFilter", b.view_filter, "{ value: \"Hacked\" }",
       "{ viewId: $view, fieldMetadataId: $field, operand: IS, value: \"Hacked\" }"},
      {"ViewFilterGroup", b.view_filter_group, "{ logicalOperator: OR }",
       "{ viewId: $view, logicalOperator: OR }"},
      {"ViewSort", b.view_sort, "{ direction: DESC }",
       "{ viewId: $view, fieldMetadataId: $field, direction: DESC }"},
      {"ViewGroup", b.view_group, "{ isVisible: false }",
       "{ viewId: $view, fieldMetadataId: $field, fieldValue: \"Hacked\" }"},
  };
  for (const auto& k : kinds) {
    const json::object id{{"id", k.id}};
    attempts.push_back(
        {"getCore" + k.name, "query($id: String!) { getCore" + k.name + "(id: $id) { id } }", id});
    attempts.push_back({"getCore" + k.name + "s",
                        "query($v: String) { getCore" + k.name + "s(viewId: $v) { id } }",
                        {{"v", b.view}}});
    attempts.push_back({"updateCore" + k.name,
                        "mutation($id: String!) { updateCore" + k.name +
                            "(id: $id, input: " + k.update + ") { id } }",
                        id});
    attempts.push_back({"deleteCore" + k.name,
                        "mutation($id: String!) { deleteCore" + k.name + "(id: $id) }", id});
    attempts.push_back({"destroyCore" + k.name,
                        "mutation($id: String!) { destroyCore" + k.name + "(id: $id) }", id});
    // On B's view with B's field, and with a field of A's own (so the view is what is refused).
    const bool names_field = k.create.find("$field") != std::string::npos;
    for (const auto& field : {b.field, a_field}) {
      json::object refs{{"view", b.view}};
      if (names_field) refs["field"] = field;
      attempts.push_back({"createCore" + k.name,
                          std::string("mutation($view: UUID!") +
                              (names_field ? ", $field: UUID!" : "") + ") { createCore" + k.name +
                              "(input: " + k.create + ") { id } }",
                          refs});
    }
  }
  // View fields take their id inside `input`.
  const json::object field_id{{"id", b.view_field}};
  attempts.push_back(
      {"getCoreViewField", "query($id: String!) { getCoreViewField(id: $id) { id } }", field_id});
  attempts.push_back({"getCoreViewFields",
                      "query($v: String!) { getCoreViewFields(viewId: $v) { id } }",
                      {{"v", b.view}}});
  attempts.push_back({"updateCoreViewField",
                      "mutation($id: UUID!) { updateCoreViewField(input: { id: $id, update: { "
                      "isVisible: false } }) { id } }",
                      field_id});
  attempts.push_back({"deleteCoreViewField",
                      "mutation($id: UUID!) { deleteCoreViewField(input: { id: $id }) { id } }",
                      field_id});
  attempts.push_back({"destroyCoreViewField",
                      "mutation($id: UUID!) { destroyCoreViewField(input: { id: $id }) { id } }",
                      field_id});
  for (const auto& field : {b.field, a_field}) {
    attempts.push_back({"createCoreViewField",
                        "mutation($view: UUID!, $field: UUID!) { createCoreViewField(input: { "
                        "viewId: $view, fieldMetadataId: $field }) { id } }",
                        {{"view", b.view}, {"field", field}}});
  }
  // Views: the list by B's object, a new view on B's object.
  attempts.push_back({"getCoreViews",
                      "query($o: String) { getCoreViews(objectMetadataId: $o) { id } }",
                      {{"o", b.object}}});
  attempts.push_back({"createCoreView",
                      "mutation($o: UUID!) { createCoreView(input: { name: \"Hacked\", "
                      "objectMetadataId: $o, icon: \"IconList\" }) { id } }",
                      {{"o", b.object}}});
  try_all(attempts);
  expect_b_unchanged();
}

// Roles: B's role updated, deleted, given permissions, assigned to A's member or key; B's member
// and B's API key given A's role; an API key of A made with B's role.
TEST_F(tenancy, RolesAndMembersOfBAreNeitherFoundNorChanged) {
  auto& e = env();
  const auto& b = ids();
  const std::string a_admin = e.admin_role(e.a);
  const std::string a_member =
      e.sql("SELECT id FROM {a}.\"workspaceMember\" ORDER BY \"createdAt\" LIMIT 1");
  // A second member of A (joined through A's invite link): A's admin may change their role, so
  // giving them B's role is refused by the role's lookup, not by the self-role rule.
  static const std::string a_other_member = [&] {
    const std::string hash =
        e.sql("SELECT invite_hash FROM core.workspace WHERE id = '" + e.a.id + "'");
    auto joined =
        e.graphql(R"(mutation($e: String!, $p: String!, $h: String) {
        signUpInWorkspace(email: $e, password: $p, workspaceInviteHash: $h) { loginToken { token } } })",
                  {{"e", "tenancy.a2@example.com"}, {"p", "Bench-Passw0rd!"}, {"h", hash}}, "");
    EXPECT_NE(text_at(joined, "/data/signUpInWorkspace/loginToken/token"), "")
        << json::serialize(joined);
    return e.sql(
        "SELECT id FROM {a}.\"workspaceMember\" WHERE \"userEmail\" = 'tenancy.a2@example.com'");
  }();
  // A key of A's own to assign B's role to (A's token key keeps its role whatever happens).
  auto spare = e.graphql(R"(mutation($r: UUID!) { createApiKey(input: { name: "A spare",
      expiresAt: "2100-01-01T00:00:00Z", roleId: $r }) { id } })",
                         {{"r", a_admin}}, e.a.access, "/metadata");
  const std::string a_key = text_at(spare, "/data/createApiKey/id");
  ASSERT_NE(a_other_member, "<none>");
  const json::object role{{"r", b.custom_role}};
  std::vector<graphql_attempt> attempts = {
      {"updateOneRole",
       "mutation($r: UUID!) { updateOneRole(updateRoleInput: { id: $r, update: { label: "
       "\"Hacked\", canDestroyAllObjectRecords: false } }) { id label } }",
       role},
      {"deleteOneRole", "mutation($r: UUID!) { deleteOneRole(roleId: $r) }", role},
      {"deleteOneRole", "mutation($r: UUID!) { deleteOneRole(roleId: $r) }", {{"r", b.admin_role}}},
      {"upsertObjectPermissions",
       "mutation($r: UUID!, $o: UUID!) { upsertObjectPermissions(upsertObjectPermissionsInput: { "
       "roleId: $r, objectPermissions: [{ objectMetadataId: $o, canReadObjectRecords: false }] }) "
       "{ objectMetadataId } }",
       {{"r", b.custom_role}, {"o", b.object}}},
      {"upsertFieldPermissions",
       "mutation($r: UUID!, $o: UUID!, $f: UUID!) { upsertFieldPermissions("
       "upsertFieldPermissionsInput: { roleId: $r, fieldPermissions: [{ objectMetadataId: $o, "
       "fieldMetadataId: $f, canReadFieldValue: false }] }) { fieldMetadataId } }",
       {{"r", b.custom_role}, {"o", b.object}, {"f", b.field}}},
      {"upsertPermissionFlags",
       "mutation($r: UUID!) { upsertPermissionFlags(upsertPermissionFlagsInput: { roleId: $r, "
       "permissionFlagKeys: [API_KEYS_AND_WEBHOOKS] }) { flag } }",
       role},
      {"updateWorkspaceMemberRole",
       "mutation($m: UUID!, $r: UUID!) { updateWorkspaceMemberRole(workspaceMemberId: $m, "
       "roleId: $r) { id } }",
       {{"m", b.member}, {"r", a_admin}}},
      {"updateWorkspaceMemberRole",
       "mutation($m: UUID!, $r: UUID!) { updateWorkspaceMemberRole(workspaceMemberId: $m, "
       "roleId: $r) { id } }",
       {{"m", a_member}, {"r", b.custom_role}}},
      {"updateWorkspaceMemberRole",
       "mutation($m: UUID!, $r: UUID!) { updateWorkspaceMemberRole(workspaceMemberId: $m, "
       "roleId: $r) { id } }",
       {{"m", a_other_member}, {"r", b.custom_role}}},
      {"assignRoleToApiKey",
       "mutation($k: UUID!, $r: UUID!) { assignRoleToApiKey(apiKeyId: $k, roleId: $r) }",
       {{"k", b.api_key}, {"r", a_admin}}},
      {"assignRoleToApiKey",
       "mutation($k: UUID!, $r: UUID!) { assignRoleToApiKey(apiKeyId: $k, roleId: $r) }",
       {{"k", a_key}, {"r", b.custom_role}}},
      {"createApiKey",
       "mutation($r: UUID!) { createApiKey(input: { name: \"Hacked\", expiresAt: "
       "\"2100-01-01T00:00:00Z\", roleId: $r }) { id } }",
       role},
  };
  try_all(attempts);
  // A's lists of roles and API keys (GraphQL and REST) name none of B's.
  for (const auto& token : a_tokens()) {
    auto roles = json::serialize(e.graphql("{ getRoles { id label } }", {}, token, "/metadata"));
    EXPECT_EQ(roles.find(b.custom_role), std::string::npos) << roles;
    EXPECT_EQ(roles.find(b.admin_role), std::string::npos) << roles;
    auto keys = json::serialize(e.graphql("{ apiKeys { id name } }", {}, token, "/metadata"));
    EXPECT_EQ(keys.find(b.api_key), std::string::npos) << keys;
    // Keys are managed in user sessions only (api_key_permission): the API key is refused.
    if (token == e.a.access) {
      EXPECT_NE(keys.find("A spare"), std::string::npos) << keys;
    }
    for (const char* list : {"/rest/metadata/apiKeys", "/rest/metadata/webhooks"}) {
      auto res = e.call("GET", list, "", token);
      EXPECT_EQ(res.body.find("B-secret"), std::string::npos) << list << ": " << res.body;
    }
  }
  expect_b_unchanged();
  // A's side holds nothing of B's either: no target, key or member of A on B's roles.
  EXPECT_EQ(
      e.sql("SELECT count(*) FROM core.role_target WHERE workspace_id = '" + e.a.id +
            "' AND role_id IN (SELECT id FROM core.role WHERE workspace_id = '" + e.b.id + "')"),
      "0");
  EXPECT_EQ(
      e.sql("SELECT count(*) FROM core.api_key WHERE workspace_id = '" + e.a.id +
            "' AND role_id IN (SELECT id FROM core.role WHERE workspace_id = '" + e.b.id + "')"),
      "0");
}

// B's invitation, approved domain, 2FA method and recovery code, and B's user.
TEST_F(tenancy, InvitationsDomainsAndTwoFactorOfBAreNeitherFoundNorChanged) {
  auto& e = env();
  const auto& b = ids();
  const json::object user{{"u", b.user}};
  std::vector<graphql_attempt> attempts = {
      {"deleteWorkspaceInvitation",
       "mutation($t: String!) { deleteWorkspaceInvitation(appTokenId: $t) }",
       {{"t", b.invitation}},
       "/metadata",
       "error"},
      {"resendWorkspaceInvitation",
       "mutation($t: String!) { resendWorkspaceInvitation(appTokenId: $t) { success result { "
       "... on WorkspaceInvitation { id email } } } }",
       {{"t", b.invitation}}},
      {"deleteApprovedAccessDomain",
       "mutation($d: UUID!) { deleteApprovedAccessDomain(input: { id: $d }) }",
       {{"d", b.domain}}},
      {"validateApprovedAccessDomain",
       "mutation($d: UUID!) { validateApprovedAccessDomain(input: { approvedAccessDomainId: $d, "
       "validationToken: \"0000\" }) { id domain } }",
       {{"d", b.domain}}},
      {"deleteTwoFactorAuthenticationMethod",
       "mutation($m: UUID!) { deleteTwoFactorAuthenticationMethod("
       "twoFactorAuthenticationMethodId: $m) { success } }",
       {{"m", b.two_factor_method}}},
      {"twoFactorAuthenticationRecoveryStatus",
       "query($u: UUID!) { twoFactorAuthenticationRecoveryStatus(userId: $u) { "
       "pendingRecoveryCodeExpiresAt } }",
       user},
      {"generateTwoFactorAuthenticationRecoveryCode",
       "mutation($u: UUID!) { generateTwoFactorAuthenticationRecoveryCode(userId: $u) { "
       "recoveryCode } }",
       user},
      {"revokeTwoFactorAuthenticationRecoveryCode",
       "mutation($u: UUID!) { revokeTwoFactorAuthenticationRecoveryCode(userId: $u) }", user},
      {"impersonate",
       "mutation($u: UUID!, $w: UUID!) { impersonate(userId: $u, workspaceId: $w) { "
       "loginToken { token } } }",
       {{"u", b.user}, {"w", e.b.id}}},
  };
  try_all(attempts);
  // A's lists name none of B's.
  for (const auto& token : a_tokens()) {
    for (const char* list : {"{ findWorkspaceInvitations { id email } }",
                             "{ getApprovedAccessDomains { id domain } }"}) {
      auto text = json::serialize(e.graphql(list, {}, token, "/metadata"));
      EXPECT_EQ(text.find("b-secret"), std::string::npos) << text;
    }
  }
  expect_b_unchanged();
}

// Metadata lists filtered on B's ids, and B's custom object's index by id.
TEST_F(tenancy, MetadataListsAndIndexesOfBAreNotFound) {
  auto& e = env();
  const auto& b = ids();
  auto indexes = e.graphql("query($id: UUID!) { object(id: $id) { indexMetadataList { id } } }",
                           {{"id", b.object}}, e.b.access, "/metadata");
  std::vector<graphql_attempt> attempts = {
      {"objects",
       "query($id: UUID!) { objects(paging: { first: 50 }, filter: { id: { eq: $id } }) { "
       "edges { node { id labelSingular } } } }",
       {{"id", b.object}}},
      {"fields",
       "query($id: UUID!) { fields(paging: { first: 50 }, filter: { id: { eq: $id } }) { "
       "edges { node { id name } } } }",
       {{"id", b.field}}},
  };
  boost::system::error_code ec;
  if (const auto* list = indexes.find_pointer("/data/object/indexMetadataList", ec);
      list && list->is_array() && !list->as_array().empty()) {
    const std::string index(list->as_array()[0].at("id").as_string());
    attempts.push_back(
        {"index", "query($id: UUID!) { index(id: $id) { id name } }", {{"id", index}}});
    attempts.push_back({"indexMetadatas",
                        "query($id: UUID!) { indexMetadatas(paging: { first: 50 }, filter: { id: "
                        "{ eq: $id } }) { edges { node { id } } } }",
                        {{"id", index}}});
  }
  try_all(attempts);
  // A's unfiltered lists name nothing of B's custom object.
  for (const auto& token : a_tokens()) {
    auto objects = json::serialize(e.graphql(
        "{ objects(paging: { first: 1000 }, filter: {}) { edges { node { id labelSingular fields("
        "paging: { first: 1000 }, filter: {}) { edges { node { id } } } } } } }",
        {}, token, "/metadata"));
    EXPECT_NE(objects.find("\"edges\":[{"), std::string::npos) << objects;
    EXPECT_EQ(objects.find("B-secret"), std::string::npos);
    EXPECT_EQ(objects.find(b.object), std::string::npos);
    EXPECT_EQ(objects.find(b.field), std::string::npos);
  }
  expect_b_unchanged();
}

// The record paths that take several ids or a free text.
TEST_F(tenancy, RecordPathsOfManyIdsFindAndChangeNothingOfB) {
  auto& e = env();
  const auto& b = ids();
  const std::string a_person = e.sql("SELECT id FROM {a}.person ORDER BY id LIMIT 1");
  std::vector<graphql_attempt> attempts = {
      {"peopleGroupBy",
       "query($id: UUID!) { peopleGroupBy(groupBy: [{city: true}], filter: { id: { eq: $id } }) "
       "{ totalCount } }",
       {{"id", b.person}},
       "/graphql"},
      {"personDuplicates",
       "query($id: UUID!) { personDuplicates(ids: [$id]) { totalCount edges { node { id city } } "
       "} }",
       {{"id", b.person}},
       "/graphql"},
      {"mergePeople",
       "mutation($ids: [UUID!]) { mergePeople(ids: $ids, conflictPriorityIndex: 0) { id city } }",
       {{"ids", json::array{b.person, a_person}}},
       "/graphql"},
      {"mergePeople",
       "mutation($ids: [UUID!]) { mergePeople(ids: $ids, conflictPriorityIndex: 1, dryRun: true) "
       "{ id city } }",
       {{"ids", json::array{a_person, b.person}}},
       "/graphql"},
      {"search",
       "{ search(searchInput: \"B-secret\", limit: 50) { edges { node { recordId label } } } }",
       {},
       "/graphql"},
  };
  try_all(attempts);
  for (const auto& token : a_tokens()) {
    const std::string filter = "filter=id%5Beq%5D%3A" + b.person;
    const std::vector<rest_attempt> rest = {
        {"GET", "/rest/people/groupBy?group_by=%5B%7B%22city%22%3Atrue%7D%5D&" + filter, ""},
        {"POST", "/rest/people/duplicates", R"({"ids":[")" + b.person + R"("]})"},
        {"PATCH", "/rest/people/merge",
         R"({"ids":[")" + b.person + R"(",")" + a_person + R"("],"conflictPriorityIndex":0})"},
        {"PATCH", "/rest/people/restore?" + filter, ""},
        // A new record of A's pointing at B's company: refused, or a company of nobody.
        {"POST", "/rest/people", R"({"city":"A city","companyId":")" + b.company + R"("})"},
    };
    for (const auto& a : rest) {
      auto res = e.call(a.method, a.target, a.body, token);
      dump_answer(a.method + " " + a.target, std::to_string(res.status) + " " + res.body);
      SCOPED_TRACE(a.method + " " + a.target + " -> " + res.body);
      EXPECT_EQ(res.body.find("B-secret"), std::string::npos);
      EXPECT_EQ(res.body.find("\"" + b.person + "\""), std::string::npos);
    }
    // B's id for A's new records: records of A (the ids are per workspace), B's untouched.
    auto created = e.graphql(
        "mutation($id: ID!) { createPeople(data: [{ id: $id, city: \"A city\" }], upsert: true) "
        "{ id city } }",
        {{"id", b.person}}, token);
    EXPECT_EQ(json::serialize(created).find("B-secret"), std::string::npos);
    EXPECT_EQ(e.sql("SELECT city FROM {a}.person WHERE id = '" + b.person + "'"), "A city")
        << json::serialize(created);
    forget_a_copies();
    auto batch = e.call("POST", "/rest/batch/people?upsert=true",
                        R"([{"id":")" + b.person + R"(","city":"A city"}])", token);
    EXPECT_EQ(batch.body.find("B-secret"), std::string::npos) << batch.body;
    forget_a_copies();
  }
  expect_b_unchanged();
}

// The metadata REST routes of view parts, webhook deliveries and fields that name B's ids.
TEST_F(tenancy, MetadataRestRoutesOfBFindAndChangeNothing) {
  auto& e = env();
  const auto& b = ids();
  std::vector<rest_attempt> attempts = {
      {"GET", "/rest/metadata/webhooks/" + b.webhook + "/deliveries", ""},
      {"DELETE", "/rest/metadata/fields/" + b.field, ""},
      {"POST", "/rest/metadata/fields",
       R"({"objectMetadataId":")" + b.object +
           R"(","type":"TEXT","name":"hacked","label":"Hacked"})"},
      {"POST", "/rest/metadata/apiKeys",
       R"({"name":"Hacked","expiresAt":"2100-01-01T00:00:00Z","roleId":")" + b.custom_role +
           R"("})"},
      {"POST", "/rest/metadata/views",
       R"({"objectMetadataId":")" + b.object + R"(","name":"Hacked","icon":"IconList"})"},
  };
  // Each kind with its id of B's, a valid patch and a valid new part on B's view (a body the
  // server can read: the refusal must come from B's ids).
  struct part {
    std::string plural, id, patch, create;
  };
  const std::string on_view = R"("viewId":")" + b.view + R"(")";
  const std::string on_field = on_view + R"(,"fieldMetadataId":")" + b.field + R"(")";
  const std::vector<part> parts = {
      {"views", b.view, R"({"name":"Hacked"})", ""},
      {"viewFields", b.view_field, R"({"isVisible":false})", "{" + on_field + "}"},
      {"viewFilters", b.view_filter, R"({"value":"Hacked"})",
       "{" + on_field + R"(,"operand":"IS","value":"Hacked"})"},
      {"viewFilterGroups", b.view_filter_group, R"({"logicalOperator":"OR"})", "{" + on_view + "}"},
      {"viewSorts", b.view_sort, R"({"direction":"DESC"})",
       "{" + on_field + R"(,"direction":"DESC"})"},
      {"viewGroups", b.view_group, R"({"isVisible":false})",
       "{" + on_field + R"(,"fieldValue":"Hacked"})"}};
  for (const auto& p : parts) {
    const std::string one = "/rest/metadata/" + p.plural + "/" + p.id;
    attempts.push_back({"GET", one, ""});
    attempts.push_back({"PATCH", one, p.patch});
    attempts.push_back({"DELETE", one, ""});
    if (!p.create.empty()) attempts.push_back({"POST", "/rest/metadata/" + p.plural, p.create});
  }
  expect_rest_refused(attempts);
  for (const auto& token : a_tokens()) {
    // Lists of A's own name none of B's view parts.
    for (const auto& p : parts) {
      auto res = e.call("GET", "/rest/metadata/" + p.plural, "", token);
      EXPECT_EQ(res.body.find(p.id), std::string::npos) << p.plural << ": " << res.body;
    }
    // Nor A's objects and fields, B's custom object's.
    for (const char* list : {"/rest/metadata/objects", "/rest/metadata/fields?limit=1000"}) {
      auto res = e.call("GET", list, "", token);
      EXPECT_EQ(res.status, 200u) << list;
      EXPECT_EQ(res.body.find("B-secret"), std::string::npos) << list;
      EXPECT_EQ(res.body.find(b.object), std::string::npos) << list;
    }
  }
  expect_b_unchanged();
}

// B's record events reach B's webhook and never one of A's, whatever its operations.
TEST_F(tenancy, EventsOfBReachNoWebhookOfA) {
  auto& e = env();
  const auto& b = ids();
  auto hook = e.graphql(R"(mutation { createWebhook(input: { targetUrl: "https://example.com/a",
      operations: ["*.*"], description: "A hook" }) { id } })",
                        {}, e.a.access, "/metadata");
  const std::string a_hook = text_at(hook, "/data/createWebhook/id");
  auto made = e.graphql(
      R"(mutation { createPerson(data: { name: { firstName: "B-secret-event" } }) { id } })", {},
      e.b.access);
  const std::string id = text_at(made, "/data/createPerson/id");
  // B's own webhook gets the event: the fan-out ran.
  const std::string to_b = "SELECT count(*) FROM core.webhook_delivery WHERE webhook_id = '" +
                           b.webhook + "' AND payload::text LIKE '%" + id + "%'";
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (e.sql(to_b) == "0" && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_EQ(e.sql(to_b), "1");
  EXPECT_EQ(e.sql("SELECT count(*) FROM core.webhook_delivery WHERE webhook_id = '" + a_hook +
                  "' AND (workspace_id <> '" + e.a.id +
                  "' OR payload::text LIKE '%B-secret%' OR payload::text LIKE '%" + id + "%')"),
            "0");
  e.graphql("mutation($id: UUID!) { deleteWebhook(input: { id: $id }) }", {{"id", a_hook}},
            e.a.access, "/metadata");
  e.sql("DELETE FROM {b}.person WHERE id = '" + id + "'");
}

// A's admin, with a verified 2FA method and stepping up with an OTP, is refused a recovery code
// for B's user (no member of A): the refusal comes from B's id, not from a missing step-up.
TEST_F(tenancy, RecoveryCodesForBsUserAreRefusedEvenAfterStepUp) {
  auto& e = env();
  const auto& b = ids();
  // A's admin's secret, enabled once per run of the suite (--gtest_repeat asks again).
  static const std::string secret = [&] {
    auto uri = text_at(e.graphql("mutation { initiateOTPProvisioningForAuthenticatedUser { uri } }",
                                 {}, e.a.access, "/metadata"),
                       "/data/initiateOTPProvisioningForAuthenticatedUser/uri");
    const auto at = uri.find("secret=") + 7;
    std::string out = uri.substr(at, uri.find('&', at) - at);
    auto verified =
        e.graphql(R"(mutation($otp: String!) {
        verifyTwoFactorAuthenticationMethodForAuthenticatedUser(otp: $otp) { success } })",
                  {{"otp", *cohort::api::auth::totp_code(out, std::chrono::system_clock::now())}},
                  e.a.access, "/metadata");
    EXPECT_EQ(
        json::serialize(verified),
        R"({"data":{"verifyTwoFactorAuthenticationMethodForAuthenticatedUser":{"success":true}}})");
    return out;
  }();
  const auto now = std::chrono::system_clock::now();
  // The next time step's code: an OTP is not accepted twice.
  const std::string step_up = *cohort::api::auth::totp_code(secret, now + std::chrono::seconds(30));
  auto answer = e.graphql(R"(mutation($u: UUID!, $otp: String) {
      generateTwoFactorAuthenticationRecoveryCode(userId: $u, otp: $otp) { recoveryCode } })",
                          {{"u", b.user}, {"otp", step_up}}, e.a.access, "/metadata");
  expect_nothing_of_b(answer, "generateTwoFactorAuthenticationRecoveryCode");
  boost::system::error_code ec;
  const auto* sub = answer.find_pointer("/errors/0/extensions/subCode", ec);
  EXPECT_TRUE(sub && *sub == json::value("RECOVERY_CODE_TARGET_NOT_ALLOWED"))
      << json::serialize(answer);
  expect_b_unchanged();
}

}  // namespace
