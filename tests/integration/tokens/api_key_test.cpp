// The API-key lifecycle as a workspace member lives it: create, list, mint a token, write records
// with it (createdBy names the key), rename, revoke (the next request is refused), expiry, and the
// REST management routes with their envelopes and errors.
#include <gtest/gtest.h>

#include "api/auth/token_service.hpp"
#include "two_workspaces.hpp"

namespace {

namespace json = boost::json;
using cohort::testing::text_at;
using cohort::testing::two_workspaces;

two_workspaces& env() {
  static auto* instance = new two_workspaces("api_keys");
  return *instance;
}

const char* const create_key = R"(mutation($n: String!, $e: String!, $r: UUID!) {
  createApiKey(input: { name: $n, expiresAt: $e, roleId: $r }) {
    id name expiresAt revokedAt workspaceId createdAt updatedAt } })";
const char* const mint = R"(mutation($id: UUID!, $e: String!) {
  generateApiKeyToken(apiKeyId: $id, expiresAt: $e) { token } })";
const char* const create_person = R"(mutation($n: String!) {
  createPerson(data: { name: { firstName: $n, lastName: "Key" } }) {
    id createdBy { source name workspaceMemberId } } })";

const json::value& at(const json::value& v, std::string_view pointer) {
  static const json::value null;
  boost::system::error_code ec;
  const auto* found = v.find_pointer(pointer, ec);
  if (!found) {
    ADD_FAILURE() << pointer << " not in " << json::serialize(v);
    return null;
  }
  return *found;
}

// Workspace A's Admin role.
std::string role_id() {
  return env().admin_role(env().a);
}

// Creates a key in workspace A and mints its token: {id, token}.
std::pair<std::string, std::string> key_with_token(
    const std::string& name, const std::string& expires = "2100-01-01T00:00:00.000Z") {
  auto& e = env();
  auto created = e.graphql(create_key, {{"n", name}, {"e", expires}, {"r", role_id()}}, e.a.access,
                           "/metadata");
  std::string id = text_at(created, "/data/createApiKey/id");
  auto minted = e.graphql(mint, {{"id", id}, {"e", expires}}, e.a.access, "/metadata");
  return {id, text_at(minted, "/data/generateApiKeyToken/token")};
}

TEST(ApiKeys, CreateListMintWriteRenameRevoke) {
  auto& e = env();
  auto created =
      e.graphql(create_key, {{"n", "Zapier"}, {"e", "2100-01-01T00:00:00Z"}, {"r", role_id()}},
                e.a.access, "/metadata");
  std::string id = text_at(created, "/data/createApiKey/id");
  EXPECT_EQ(at(created, "/data/createApiKey/name"), "Zapier");
  EXPECT_EQ(at(created, "/data/createApiKey/expiresAt"), "2100-01-01T00:00:00.000Z");
  EXPECT_EQ(at(created, "/data/createApiKey/revokedAt"), nullptr);
  EXPECT_EQ(text_at(created, "/data/createApiKey/workspaceId"), e.a.id);
  EXPECT_EQ(e.sql("SELECT workspace_id FROM core.api_key WHERE id = '" + id + "'"), e.a.id);
  EXPECT_EQ(e.sql("SELECT role_id FROM core.api_key WHERE id = '" + id + "'"), role_id());

  // Listed and found, on /metadata and on /graphql alike.
  for (const char* path : {"/metadata", "/graphql"}) {
    auto listed = e.graphql("{ apiKeys { id name } }", {}, e.a.access, path);
    bool seen = false;
    for (const auto& k : at(listed, "/data/apiKeys").as_array())
      seen |= k.at("id") == json::value(id);
    EXPECT_TRUE(seen) << json::serialize(listed);
    auto one =
        e.graphql("query($id: UUID!) { apiKey(input: { id: $id }) { id name workspace { id } } }",
                  {{"id", id}}, e.a.access, path);
    EXPECT_EQ(at(one, "/data/apiKey/name"), "Zapier");
    EXPECT_EQ(text_at(one, "/data/apiKey/workspace/id"), e.a.id);
  }

  auto minted =
      e.graphql(mint, {{"id", id}, {"e", "2100-01-01T00:00:00Z"}}, e.a.access, "/metadata");
  std::string token = text_at(minted, "/data/generateApiKeyToken/token");
  cohort::api::auth::token_service_options opts;
  opts.app_secret = cohort::testing::two_workspaces_secret;
  cohort::api::auth::token_service tokens(opts);
  auto claims = tokens.verify(token, cohort::api::auth::token_type::api_key);
  ASSERT_TRUE(claims) << token;
  EXPECT_EQ(claims->string_claim("sub"), e.a.id);
  EXPECT_EQ(claims->string_claim("workspaceId"), e.a.id);
  EXPECT_EQ(claims->string_claim("type"), "API_KEY");
  EXPECT_EQ(claims->jti(), id);

  // A record written with the key is created by the API, under the key's name.
  auto person = e.graphql(create_person, {{"n", "ByZapier"}}, token);
  EXPECT_EQ(at(person, "/data/createPerson/createdBy/source"), "API");
  EXPECT_EQ(at(person, "/data/createPerson/createdBy/name"), "Zapier");
  std::string person_id = text_at(person, "/data/createPerson/id");
  EXPECT_EQ(
      e.sql("SELECT \"createdByName\" || '/' || \"createdBySource\" FROM {a}.person WHERE id = '" +
            person_id + "'"),
      "Zapier/API");
  auto rest = e.call("GET", "/rest/people?limit=1", "", token);
  EXPECT_EQ(rest.status, 200u) << rest.body;

  // Renamed: the next write carries the new name.
  auto renamed = e.graphql(
      "mutation($id: UUID!) { updateApiKey(input: { id: $id, name: \"Zapier prod\" }) { id name } "
      "}",
      {{"id", id}}, e.a.access, "/metadata");
  EXPECT_EQ(at(renamed, "/data/updateApiKey/name"), "Zapier prod");
  auto person2 = e.graphql(create_person, {{"n", "ByZapier2"}}, token);
  EXPECT_EQ(at(person2, "/data/createPerson/createdBy/name"), "Zapier prod");

  // An API key does not manage API keys (user sessions only).
  auto by_key = e.graphql("{ apiKeys { id } }", {}, token, "/metadata");
  EXPECT_EQ(at(by_key, "/errors/0/extensions/code"), "FORBIDDEN");
  EXPECT_EQ(at(by_key, "/errors/0/message"),
            "Entity performing the request does not have permission");

  // Revoked: refused on the very next request, on every endpoint.
  auto revoked =
      e.graphql("mutation($id: UUID!) { revokeApiKey(input: { id: $id }) { id revokedAt } }",
                {{"id", id}}, e.a.access, "/metadata");
  EXPECT_NE(at(revoked, "/data/revokeApiKey/revokedAt"), nullptr);
  EXPECT_NE(e.sql("SELECT revoked_at FROM core.api_key WHERE id = '" + id + "'"), "<null>");
  auto refused = e.graphql("{ people(first: 1) { totalCount } }", {}, token);
  EXPECT_EQ(
      json::serialize(refused),
      R"({"errors":[{"message":"This API Key is revoked","extensions":{"userFriendlyMessage":"This API Key is revoked","subCode":"FORBIDDEN_EXCEPTION","code":"FORBIDDEN"}}]})");
  auto refused_rest = e.call("GET", "/rest/people", "", token);
  EXPECT_EQ(refused_rest.status, 403u);
  EXPECT_EQ(
      refused_rest.body,
      R"({"statusCode":403,"error":"FORBIDDEN_EXCEPTION","messages":["This API Key is revoked"]})");
  auto listed = e.graphql("{ apiKeys { id } }", {}, e.a.access, "/metadata");
  for (const auto& k : at(listed, "/data/apiKeys").as_array())
    EXPECT_NE(k.at("id"), json::value(id));

  auto remint =
      e.graphql(mint, {{"id", id}, {"e", "2100-01-01T00:00:00Z"}}, e.a.access, "/metadata");
  EXPECT_EQ(at(remint, "/errors/0/message"), "This API Key is revoked");
  EXPECT_EQ(at(remint, "/errors/0/extensions/code"), "FORBIDDEN");
}

TEST(ApiKeys, ExpiredKeyIsRefusedAndCannotMint) {
  auto& e = env();
  auto [id, token] = key_with_token("Short lived");
  EXPECT_EQ(e.call("GET", "/rest/people?limit=1", "", token).status, 200u);
  // Its expiry moved into the past: the token (which still verifies) is refused.
  e.graphql(
      "mutation($id: UUID!) { updateApiKey(input: { id: $id, expiresAt: \"2020-01-01T00:00:00Z\" "
      "}) { id } }",
      {{"id", id}}, e.a.access, "/metadata");
  auto refused = e.graphql("{ people(first: 1) { totalCount } }", {}, token);
  EXPECT_EQ(at(refused, "/errors/0/message"), "This API Key has expired");
  EXPECT_EQ(at(refused, "/errors/0/extensions/code"), "FORBIDDEN");
  auto rest = e.call("GET", "/rest/people", "", token);
  EXPECT_EQ(rest.status, 403u);
  EXPECT_EQ(
      rest.body,
      R"({"statusCode":403,"error":"FORBIDDEN_EXCEPTION","messages":["This API Key has expired"]})");
  auto remint =
      e.graphql(mint, {{"id", id}, {"e", "2100-01-01T00:00:00Z"}}, e.a.access, "/metadata");
  EXPECT_EQ(
      json::serialize(at(remint, "/errors/0")),
      R"({"message":"This API Key has expired","extensions":{"code":"BAD_USER_INPUT","userFriendlyMessage":"This API Key has expired. Please create a new one."}})");
}

TEST(ApiKeys, ErrorsOfTheManagementFields) {
  auto& e = env();
  auto unknown = e.graphql(
      mint, {{"id", "00000000-0000-4000-8000-000000000000"}, {"e", "2100-01-01T00:00:00Z"}},
      e.a.access, "/metadata");
  EXPECT_EQ(at(unknown, "/errors/0/message"),
            "API Key with id 00000000-0000-4000-8000-000000000000 not found");
  EXPECT_EQ(at(unknown, "/errors/0/extensions/code"), "NOT_FOUND");
  auto bad_date = e.graphql(create_key, {{"n", "x"}, {"e", "not a date"}, {"r", role_id()}},
                            e.a.access, "/metadata");
  EXPECT_EQ(at(bad_date, "/errors/0/message"), "expiresAt must be a valid ISO 8601 date string");
  EXPECT_EQ(at(bad_date, "/errors/0/extensions/code"), "BAD_USER_INPUT");
  auto missing =
      e.graphql("query($id: UUID!) { apiKey(input: { id: $id }) { id } }",
                {{"id", "00000000-0000-4000-8000-000000000000"}}, e.a.access, "/metadata");
  EXPECT_EQ(at(missing, "/data/apiKey"), nullptr);
  auto anonymous = e.graphql("{ apiKeys { id } }", {}, "", "/metadata");
  EXPECT_EQ(at(anonymous, "/errors/0/message"), "Forbidden resource");
  auto agnostic = e.graphql("{ apiKeys { id } }", {}, e.a.agnostic, "/metadata");
  EXPECT_EQ(at(agnostic, "/errors/0/message"), "Forbidden resource");
}

TEST(ApiKeys, RestManagement) {
  auto& e = env();
  auto created = e.call("POST", "/rest/metadata/apiKeys",
                        R"({"name":"REST key","expiresAt":"2100-01-01T00:00:00Z","roleId":")" +
                            std::string(role_id()) + "\"}",
                        e.a.access);
  ASSERT_EQ(created.status, 201u) << created.body;
  auto body = json::parse(created.body);
  std::string id = text_at(body, "/data/createOneApiKey/id");
  EXPECT_EQ(at(body, "/data/createOneApiKey/name"), "REST key");

  auto listed = e.call("GET", "/rest/metadata/apiKeys", "", e.a.access);
  ASSERT_EQ(listed.status, 200u) << listed.body;
  auto list = json::parse(listed.body);
  EXPECT_GE(at(list, "/totalCount").as_int64(), 1);
  EXPECT_EQ(at(list, "/pageInfo/hasNextPage"), false);
  bool seen = false;
  for (const auto& k : at(list, "/data/apiKeys").as_array()) seen |= k.at("id") == json::value(id);
  EXPECT_TRUE(seen);
  json::value paged =
      json::parse(e.call("GET", "/rest/metadata/apiKeys?limit=1", "", e.a.access).body);
  EXPECT_EQ(at(paged, "/data/apiKeys").as_array().size(), 1u);

  auto one = e.call("GET", "/rest/metadata/apiKeys/" + id, "", e.a.access);
  EXPECT_EQ(json::parse(one.body).at_pointer("/data/apiKey/name"), "REST key");
  auto patched =
      e.call("PATCH", "/rest/metadata/apiKeys/" + id, R"({"name":"REST key 2"})", e.a.access);
  EXPECT_EQ(json::parse(patched.body).at_pointer("/data/updateOneApiKey/name"), "REST key 2");
  // The deprecated alias answers bare values.
  auto alias_list = json::parse(e.call("GET", "/rest/apiKeys", "", e.a.access).body);
  ASSERT_TRUE(alias_list.is_array()) << json::serialize(alias_list);
  auto alias_one = json::parse(e.call("GET", "/rest/apiKeys/" + id, "", e.a.access).body);
  EXPECT_EQ(alias_one.at("name"), "REST key 2");
  auto deleted = e.call("DELETE", "/rest/metadata/apiKeys/" + id, "", e.a.access);
  EXPECT_EQ(deleted.status, 200u);
  EXPECT_EQ(deleted.body, R"({"data":{"deleteOneApiKey":{"id":")" + id + "\"}}}");
  EXPECT_NE(e.sql("SELECT revoked_at FROM core.api_key WHERE id = '" + id + "'"), "<null>");

  auto bad = e.call("GET", "/rest/metadata/apiKeys/nope", "", e.a.access);
  EXPECT_EQ(bad.status, 400u);
  auto unknown =
      e.call("GET", "/rest/metadata/apiKeys/00000000-0000-4000-8000-000000000000", "", e.a.access);
  EXPECT_EQ(unknown.status, 404u);
  EXPECT_EQ(
      unknown.body,
      R"({"statusCode":404,"error":"NotFoundException","messages":["API Key with id 00000000-0000-4000-8000-000000000000 not found"]})");
  auto both =
      e.call("GET", "/rest/metadata/apiKeys?starting_after=a&ending_before=b", "", e.a.access);
  EXPECT_EQ(both.status, 400u);
  auto no_token = e.call("GET", "/rest/metadata/apiKeys", "", "");
  EXPECT_EQ(
      no_token.body,
      R"({"statusCode":403,"error":"FORBIDDEN_EXCEPTION","messages":["Missing authentication token"]})");
  auto no_name =
      e.call("POST", "/rest/metadata/apiKeys",
             R"({"expiresAt":"2100-01-01T00:00:00Z","roleId":")" + std::string(role_id()) + "\"}",
             e.a.access);
  EXPECT_EQ(no_name.status, 400u);
  EXPECT_EQ(
      no_name.body,
      R"({"statusCode":400,"error":"BadRequestException","messages":["name must be a string"]})");
}

}  // namespace
