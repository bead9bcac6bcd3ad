// The request gate's fast path (api/request_gate.cpp): a record request of a token whose standing
// the gate remembers skips the standing statement and sends its guard (which raises through
// core.token_standing_changed() when the standing differs) in the record statement's own round
// trip. Whatever changes after the standing was remembered (a key
// revoked or expired, the workspace deleted, the membership removed, another role) is seen by the
// very next request, reads and writes alike, on every node, and a refused write leaves no row.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "fixtures/cohort_server.hpp"
#include "fixtures/postgres_server.hpp"
#include "integration/roles/roles_env.hpp"
#include "two_workspaces.hpp"

namespace {

namespace json = boost::json;
using cohort::testing::cohort_server;
using cohort::testing::test_workspace;
using cohort::testing::text_at;
using cohort::testing::two_workspaces;

two_workspaces& env() {
  static auto* instance = new two_workspaces("remembered_standing");
  return *instance;
}

const char* const read_people = "{ people(first: 1) { edges { node { id } } } }";
const char* const create_person = R"(mutation($n: String!) {
  createPerson(data: { name: { firstName: $n, lastName: "Guarded" } }) { id } })";
const char* const update_person = R"(mutation($id: UUID!, $j: String!) {
  updatePerson(id: $id, data: { jobTitle: $j }) { id jobTitle } })";

std::string first_error(const json::value& v, std::string_view what) {
  boost::system::error_code ec;
  const auto* found = v.find_pointer(std::string("/errors/0/") + std::string(what), ec);
  return found && found->is_string() ? std::string(found->as_string()) : "<none>";
}

// An API key of `ws` with that role, and its token.
std::string key_token(two_workspaces& e, const test_workspace& ws, const std::string& role,
                      const std::string& name, std::string* key_id = nullptr) {
  auto created = e.graphql(R"(mutation($n: String!, $r: UUID!) { createApiKey(input: {
      name: $n, expiresAt: "2100-01-01T00:00:00Z", roleId: $r }) { id } })",
                           {{"n", name}, {"r", role}}, ws.access, "/metadata");
  std::string id = text_at(created, "/data/createApiKey/id");
  if (key_id) *key_id = id;
  auto minted = e.graphql(R"(mutation($k: UUID!) { generateApiKeyToken(apiKeyId: $k,
      expiresAt: "2100-01-01T00:00:00Z") { token } })",
                          {{"k", id}}, ws.access, "/metadata");
  return text_at(minted, "/data/generateApiKeyToken/token");
}

std::string admin_role(two_workspaces& e, const test_workspace& ws) {
  return e.sql("SELECT id FROM core.role WHERE workspace_id = '" + ws.id + "' AND label = 'Admin'");
}

// Three callers of one workspace (one to read, one to create, one to update after the change),
// each remembered by the gate: two record requests each, the second on the fast path.
struct three_callers {
  std::string reader, creator, updater;
};

void remember(two_workspaces& e, const three_callers& c) {
  for (const auto* token : {&c.reader, &c.creator, &c.updater}) {
    for (int i = 0; i < 2; ++i) {
      auto read = e.graphql(read_people, {}, *token);
      ASSERT_TRUE(read.as_object().contains("data")) << json::serialize(read);
      ASSERT_FALSE(read.as_object().contains("errors")) << json::serialize(read);
    }
  }
}

// After the change, the next request of each caller is refused with `message` (and `code`),
// and neither write reached the table.
void expect_refused_next(two_workspaces& e, const test_workspace& ws, const three_callers& c,
                         const std::string& message, const std::string& code,
                         const std::string& tag) {
  const std::string table = "\"" + ws.schema + "\".person";
  const std::string person = e.sql("SELECT id FROM " + table + " ORDER BY id LIMIT 1");
  const std::string job_before =
      e.sql("SELECT coalesce(\"jobTitle\", '') FROM " + table + " WHERE id = '" + person + "'");

  auto read = e.graphql(read_people, {}, c.reader);
  if (!message.empty()) {
    EXPECT_EQ(first_error(read, "message"), message) << json::serialize(read);
  }
  EXPECT_EQ(first_error(read, "extensions/code"), code) << json::serialize(read);

  auto created = e.graphql(create_person, {{"n", tag}}, c.creator);
  if (!message.empty()) {
    EXPECT_EQ(first_error(created, "message"), message) << json::serialize(created);
  }
  EXPECT_EQ(first_error(created, "extensions/code"), code) << json::serialize(created);
  EXPECT_EQ(e.sql("SELECT count(*) FROM " + table + " WHERE \"nameFirstName\" = '" + tag + "'"),
            "0");

  auto updated = e.graphql(update_person, {{"id", person}, {"j", tag}}, c.updater);
  if (!message.empty()) {
    EXPECT_EQ(first_error(updated, "message"), message) << json::serialize(updated);
  }
  EXPECT_EQ(first_error(updated, "extensions/code"), code) << json::serialize(updated);
  EXPECT_EQ(
      e.sql("SELECT coalesce(\"jobTitle\", '') FROM " + table + " WHERE id = '" + person + "'"),
      job_before);
}

three_callers keys_of(two_workspaces& e, const test_workspace& ws, const std::string& role,
                      std::vector<std::string>* ids = nullptr) {
  three_callers c;
  std::string id;
  c.reader = key_token(e, ws, role, "reader", &id);
  if (ids) ids->push_back(id);
  c.creator = key_token(e, ws, role, "creator", &id);
  if (ids) ids->push_back(id);
  c.updater = key_token(e, ws, role, "updater", &id);
  if (ids) ids->push_back(id);
  return c;
}

// Three Admin members of `ws` (reader, creator, updater), each remembered by the gate; `tag`
// keeps their e-mails apart between tests.
std::vector<cohort::testing::roles::added_member> remembered_members(two_workspaces& e,
                                                                     const test_workspace& ws,
                                                                     const std::string& tag,
                                                                     three_callers& c) {
  using cohort::testing::roles::add_member;
  std::vector<cohort::testing::roles::added_member> members;
  for (const char* who : {"reader", "creator", "updater"}) {
    members.push_back(
        add_member(e, ws, std::string(who) + tag + "@standing.test", std::string("Admin")));
  }
  c = {members[0].access, members[1].access, members[2].access};
  remember(e, c);
  return members;
}

TEST(RememberedStanding, RememberedCallersWriteThroughTheGuard) {
  auto& e = env();
  auto c = keys_of(e, e.a, admin_role(e, e.a));
  remember(e, c);
  auto created = e.graphql(create_person, {{"n", "Remembered"}}, c.creator);
  EXPECT_FALSE(text_at(created, "/data/createPerson/id").empty()) << json::serialize(created);
  EXPECT_EQ(e.sql("SELECT count(*) FROM {a}.person WHERE \"nameFirstName\" = 'Remembered'"), "1");
  // createdBy names the key from the remembered standing.
  EXPECT_EQ(e.sql("SELECT \"createdByName\" FROM {a}.person WHERE \"nameFirstName\" = "
                  "'Remembered'"),
            "creator");
}

TEST(RememberedStanding, RevokedKeysAreRefusedOnTheNextRequest) {
  auto& e = env();
  std::vector<std::string> ids;
  auto c = keys_of(e, e.a, admin_role(e, e.a), &ids);
  remember(e, c);
  for (const auto& id : ids) {
    e.graphql("mutation($id: UUID!) { revokeApiKey(input: { id: $id }) { id } }", {{"id", id}},
              e.a.access, "/metadata");
  }
  expect_refused_next(e, e.a, c, "This API Key is revoked", "FORBIDDEN", "AfterRevoke");
  // REST alike.
  auto rest = e.call("GET", "/rest/people", "", c.reader);
  EXPECT_EQ(rest.status, 403u) << rest.body;
}

TEST(RememberedStanding, RestRecordRoutesAreGuardedToo) {
  auto& e = env();
  std::string id;
  auto token = key_token(e, e.a, admin_role(e, e.a), "rest", &id);
  for (int i = 0; i < 2; ++i) {
    auto listed = e.call("GET", "/rest/people?limit=1", "", token);
    EXPECT_EQ(listed.status, 200u) << listed.body;
  }
  auto created =
      e.call("POST", "/rest/people", R"({"name":{"firstName":"RestRemembered"}})", token);
  EXPECT_EQ(created.status, 201u) << created.body;
  EXPECT_EQ(e.sql("SELECT count(*) FROM {a}.person WHERE \"nameFirstName\" = 'RestRemembered'"),
            "1");
  e.sql("UPDATE core.api_key SET revoked_at = now() WHERE id = '" + id + "' RETURNING id");
  auto refused = e.call("POST", "/rest/people", R"({"name":{"firstName":"RestRevoked"}})", token);
  EXPECT_EQ(refused.status, 403u) << refused.body;
  EXPECT_EQ(
      refused.body,
      R"({"statusCode":403,"error":"FORBIDDEN_EXCEPTION","messages":["This API Key is revoked"]})");
  EXPECT_EQ(e.sql("SELECT count(*) FROM {a}.person WHERE \"nameFirstName\" = 'RestRevoked'"), "0");
}

TEST(RememberedStanding, ExpiredKeysAreRefusedOnTheNextRequest) {
  auto& e = env();
  std::vector<std::string> ids;
  auto c = keys_of(e, e.a, admin_role(e, e.a), &ids);
  remember(e, c);
  for (const auto& id : ids)
    e.sql("UPDATE core.api_key SET expires_at = now() - interval '1 second' WHERE id = '" + id +
          "' RETURNING id");
  expect_refused_next(e, e.a, c, "This API Key has expired", "FORBIDDEN", "AfterExpiry");
}

TEST(RememberedStanding, ADeletedWorkspaceIsRefusedOnTheNextRequest) {
  auto& e = env();
  auto ws = e.create("deleted.ws@standing.test", "Deleted Soon");
  auto c = keys_of(e, ws, admin_role(e, ws));
  remember(e, c);
  e.sql("UPDATE core.workspace SET deleted_at = now() WHERE id = '" + ws.id + "' RETURNING id");
  expect_refused_next(e, ws, c, "Workspace not found", "UNAUTHENTICATED", "AfterDeletion");
}

TEST(RememberedStanding, ARemovedMembershipIsRefusedOnTheNextRequest) {
  auto& e = env();
  auto ws = e.create("members.ws@standing.test", "Members");
  three_callers c;
  for (const auto& m : remembered_members(e, ws, "", c))
    e.sql("UPDATE core.user_workspace SET deleted_at = now() WHERE id = '" + m.user_workspace_id +
          "' RETURNING id");
  expect_refused_next(e, ws, c, "UserWorkspace not found", "UNAUTHENTICATED", "AfterRemoval");
}

TEST(RememberedStanding, ADeletedUserIsRefusedOnTheNextRequest) {
  auto& e = env();
  auto ws = e.create("users.ws@standing.test", "Users");
  three_callers c;
  for (const auto& m : remembered_members(e, ws, ".user", c))
    e.sql("UPDATE core.\"user\" SET deleted_at = now() WHERE id = '" + m.user_id +
          "' RETURNING id");
  expect_refused_next(e, ws, c, "User not found", "UNAUTHENTICATED", "AfterUserDeletion");
}

TEST(RememberedStanding, ARoleTargetMovedToAnotherRoleIsSeenOnTheNextRequest) {
  // The role target itself changes (not the role's permissions, not roles_version): the guard
  // sees it through the workspace's standing_version (migration 0047).
  auto& e = env();
  auto ws = e.create("targets.ws@standing.test", "Role Targets");
  auto none = text_at(e.graphql(R"(mutation { createOneRole(createRoleInput: {
          label: "Nothing", canReadAllObjectRecords: false, canUpdateAllObjectRecords: false,
          canSoftDeleteAllObjectRecords: false, canDestroyAllObjectRecords: false }) { id } })",
                                {}, ws.access, "/metadata"),
                      "/data/createOneRole/id");
  ASSERT_FALSE(none.empty());
  std::vector<std::string> ids;
  auto c = keys_of(e, ws, admin_role(e, ws), &ids);
  remember(e, c);
  const std::string version_before =
      e.sql("SELECT roles_version FROM core.workspace WHERE id = '" + ws.id + "'");
  for (const auto& id : ids)
    e.sql("UPDATE core.role_target SET role_id = '" + none + "' WHERE api_key_id = '" + id +
          "' RETURNING id");
  ASSERT_EQ(e.sql("SELECT roles_version FROM core.workspace WHERE id = '" + ws.id + "'"),
            version_before);
  expect_refused_next(e, ws, c, "", "FORBIDDEN", "AfterRoleTargetMove");
}

TEST(RememberedStanding, AnotherKeyRevokedLeavesRememberedKeysWorking) {
  // Revoking one key moves the workspace's standing_version, so the other keys' next requests
  // take the full check once: they must still be answered, reads and writes alike.
  auto& e = env();
  auto ws = e.create("others.ws@standing.test", "Other Keys");
  auto c = keys_of(e, ws, admin_role(e, ws));
  remember(e, c);
  std::string other;
  key_token(e, ws, admin_role(e, ws), "revoked one", &other);
  e.graphql("mutation($id: UUID!) { revokeApiKey(input: { id: $id }) { id } }", {{"id", other}},
            ws.access, "/metadata");
  for (int i = 0; i < 2; ++i) {
    auto read = e.graphql(read_people, {}, c.reader);
    EXPECT_FALSE(read.as_object().contains("errors")) << json::serialize(read);
    EXPECT_TRUE(read.at("data").at("people").at("edges").is_array()) << json::serialize(read);
    auto created = e.graphql(create_person, {{"n", "StillWorking" + std::to_string(i)}}, c.creator);
    EXPECT_FALSE(text_at(created, "/data/createPerson/id").empty()) << json::serialize(created);
  }
  EXPECT_EQ(e.sql("SELECT count(*) FROM \"" + ws.schema +
                  "\".person WHERE \"nameFirstName\" LIKE 'StillWorking%'"),
            "2");
}

TEST(RememberedStanding, ARoleChangeIsSeenOnTheNextRequest) {
  auto& e = env();
  auto ws = e.create("roles.ws@standing.test", "Role Change");
  auto role = text_at(e.graphql(R"(mutation { createOneRole(createRoleInput: { label: "Changing",
          canReadAllObjectRecords: true, canUpdateAllObjectRecords: true,
          canSoftDeleteAllObjectRecords: true, canDestroyAllObjectRecords: true }) { id } })",
                                {}, ws.access, "/metadata"),
                      "/data/createOneRole/id");
  ASSERT_FALSE(role.empty());
  auto c = keys_of(e, ws, role);
  remember(e, c);
  std::string person_object;
  auto objects =
      e.graphql("{ objects(paging: { first: 200 }) { edges { node { id nameSingular } } } }", {},
                ws.access, "/metadata");
  for (const auto& edge : objects.at("data").at("objects").at("edges").as_array()) {
    if (edge.at("node").at("nameSingular") == "person")
      person_object = std::string(edge.at("node").at("id").as_string());
  }
  ASSERT_FALSE(person_object.empty()) << json::serialize(objects);
  const std::string version_before =
      e.sql("SELECT roles_version FROM core.workspace WHERE id = '" + ws.id + "'");
  auto upserted = e.graphql(
      R"(mutation($r: UUID!, $p: [ObjectPermissionInput!]!) { upsertObjectPermissions(
          upsertObjectPermissionsInput: { roleId: $r, objectPermissions: $p }) { objectMetadataId } })",
      {{"r", role},
       {"p", json::array{{{"objectMetadataId", person_object},
                          {"canReadObjectRecords", false},
                          {"canUpdateObjectRecords", false},
                          {"canSoftDeleteObjectRecords", false},
                          {"canDestroyObjectRecords", false}}}}},
      ws.access, "/metadata");
  ASSERT_FALSE(upserted.as_object().contains("errors")) << json::serialize(upserted);
  ASSERT_NE(e.sql("SELECT roles_version FROM core.workspace WHERE id = '" + ws.id + "'"),
            version_before);
  expect_refused_next(e, ws, c, "", "FORBIDDEN", "AfterRoleChange");
}

TEST(RememberedStanding, ARevocationOnOneNodeIsRefusedOnTheOthersNextRequest) {
  auto& e = env();
  cohort_server other(
      cohort_server::options{.args = {}, .env = e.server_env(), .data_dir = std::nullopt});
  ASSERT_TRUE(other.wait_ready(std::chrono::seconds(60))) << other.proc().output();
  std::string id;
  auto token = key_token(e, e.a, admin_role(e, e.a), "two nodes", &id);
  json::object read{{"query", read_people}};
  json::object create{{"query", create_person}, {"variables", json::object{{"n", "OtherNode"}}}};
  for (int i = 0; i < 2; ++i) {
    auto res = e.call_on(other.port(), "POST", "/graphql", json::serialize(read), token);
    EXPECT_EQ(res.body.find("errors"), std::string::npos) << res.body;
  }
  e.graphql("mutation($id: UUID!) { revokeApiKey(input: { id: $id }) { id } }", {{"id", id}},
            e.a.access, "/metadata");
  auto refused = e.call_on(other.port(), "POST", "/graphql", json::serialize(create), token);
  EXPECT_NE(refused.body.find("This API Key is revoked"), std::string::npos) << refused.body;
  EXPECT_EQ(e.sql("SELECT count(*) FROM {a}.person WHERE \"nameFirstName\" = 'OtherNode'"), "0");
}

TEST(RememberedStanding, PlatformFieldsAndMetadataTakeTheFullCheck) {
  auto& e = env();
  std::string id;
  auto token = key_token(e, e.a, admin_role(e, e.a), "platform", &id);
  e.graphql(read_people, {}, token);
  e.graphql(read_people, {}, token);
  e.sql("UPDATE core.api_key SET revoked_at = now() WHERE id = '" + id + "' RETURNING id");
  auto platform = e.graphql("{ currentWorkspace { id } }", {}, token);
  EXPECT_EQ(first_error(platform, "message"), "This API Key is revoked")
      << json::serialize(platform);
  auto metadata = e.graphql("{ webhooks { id } }", {}, token, "/metadata");
  EXPECT_EQ(first_error(metadata, "message"), "This API Key is revoked")
      << json::serialize(metadata);
}

// What PostgreSQL is sent for a remembered caller's findOne: the guard and the record statement
// (one pipeline, one round trip), never the standing statement; the full check sends the standing
// statement and no guard. Read from PostgreSQL's own statement log (log_statement = all for the
// test database, on the connections of a node started after it was set), filtered by statement
// text, so the server's background work does not count.
int occurrences(const std::string& text, std::string_view needle) {
  int n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

TEST(RememberedStanding, AFindOneOnTheFastPathIsOneRoundTrip) {
  auto& e = env();
  auto& pg = cohort::testing::postgres_server::shared();
  const std::string db = e.sql("SELECT current_database()");
  e.sql("ALTER DATABASE \"" + db + "\" SET log_statement = 'all'");
  cohort_server logged(
      cohort_server::options{.args = {}, .env = e.server_env(), .data_dir = std::nullopt});
  ASSERT_TRUE(logged.wait_ready(std::chrono::seconds(60))) << logged.proc().output();
  auto token = key_token(e, e.a, admin_role(e, e.a), "counted");
  const std::string person = e.sql("SELECT id FROM {a}.person ORDER BY id LIMIT 1");
  auto find_one = [&](bool fast) {
    // A directive at the root keeps a request on the full check.
    std::string query = fast ? "query($id: UUID!) { person(filter: { id: { eq: $id } }) { id } }"
                             : "query($id: UUID!) { person(filter: { id: { eq: $id } }) "
                               "@include(if: true) { id } }";
    json::object body{{"query", query}, {"variables", json::object{{"id", person}}}};
    auto res = e.call_on(logged.port(), "POST", "/graphql", json::serialize(body), token);
    EXPECT_NE(res.body.find(person), std::string::npos) << res.body;
  };
  constexpr int n = 5;
  const std::string guard = "core.token_standing_changed()";
  const std::string standing = "SELECT k.id IS NOT NULL";
  // PostgreSQL writes its log as it executes; the fixture reads it on its own thread.
  auto logged_since = [&](std::size_t mark, const std::string& needle, int count) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    std::string text = pg.log().substr(mark);
    while (occurrences(text, needle) < count && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      text = pg.log().substr(mark);
    }
    return text;
  };
  find_one(true);  // the full check, remembered from here on
  logged_since(0, standing, 1);
  auto mark = pg.log().size();
  for (int i = 0; i < n; ++i) find_one(true);
  std::string fast_log = logged_since(mark, guard, n);
  mark = pg.log().size();
  for (int i = 0; i < n; ++i) find_one(false);
  std::string full_log = logged_since(mark, standing, n);
  e.sql("ALTER DATABASE \"" + db + "\" RESET log_statement");
  EXPECT_EQ(occurrences(fast_log, guard), n);
  EXPECT_EQ(occurrences(fast_log, standing), 0);
  EXPECT_EQ(occurrences(full_log, guard), 0);
  EXPECT_EQ(occurrences(full_log, standing), n);
}

}  // namespace
