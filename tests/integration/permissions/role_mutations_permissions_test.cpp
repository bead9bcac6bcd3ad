// End to end through the roles API: a role made with createOneRole, restricted with
// upsertObjectPermissions (no company) and upsertFieldPermissions (no person.jobTitle), given to
// an API key; the key's requests are refused what the role does not allow, on GraphQL and REST.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "integration_support/json_reading.hpp"
#include "permissions_server.hpp"

using namespace cohort::testing;
namespace json = boost::json;

TEST(PermissionsThroughRoleMutations, AnApiKeysRoleIsEnforcedOnEveryRecordPath) {
  auto& s = permissions_server::shared();
  s.use_admin();
  auto role = s.demo_workspace::graphql(
      "/metadata",
      R"(mutation { createOneRole(createRoleInput: { label: "Key without companies",
        canReadAllObjectRecords: true, canUpdateAllObjectRecords: true,
        canSoftDeleteAllObjectRecords: true, canDestroyAllObjectRecords: true,
        canBeAssignedToApiKeys: true }) { id } })");
  const std::string role_id = text_at(role.body, "/data/createOneRole/id");
  ASSERT_FALSE(role_id.empty());
  auto objects = s.demo_workspace::graphql(
      "/metadata",
      R"(mutation($r: UUID!, $p: [ObjectPermissionInput!]!) { upsertObjectPermissions(
        upsertObjectPermissionsInput: { roleId: $r, objectPermissions: $p }) { objectMetadataId } })",
      json::object{{"r", role_id},
                   {"p", json::array{json::object{{"objectMetadataId", s.object_id("company")},
                                                  {"canReadObjectRecords", false},
                                                  {"canUpdateObjectRecords", false},
                                                  {"canSoftDeleteObjectRecords", false},
                                                  {"canDestroyObjectRecords", false}}}}});
  ASSERT_EQ(first_error(objects), "<none>") << objects.text;
  auto fields = s.demo_workspace::graphql(
      "/metadata",
      R"(mutation($r: UUID!, $p: [FieldPermissionInput!]!) { upsertFieldPermissions(
        upsertFieldPermissionsInput: { roleId: $r, fieldPermissions: $p }) { id } })",
      json::object{
          {"r", role_id},
          {"p", json::array{json::object{{"objectMetadataId", s.object_id("person")},
                                         {"fieldMetadataId", s.field_id("person.jobTitle")},
                                         {"canReadFieldValue", false},
                                         {"canUpdateFieldValue", false}}}}});
  ASSERT_EQ(first_error(fields), "<none>") << fields.text;
  auto key = s.demo_workspace::graphql(
      "/metadata",
      R"(mutation($r: UUID!) { createApiKey(input: { name: "permission suite key",
        expiresAt: "2100-01-01T00:00:00Z", roleId: $r }) { id } })",
      json::object{{"r", role_id}});
  const std::string key_id = text_at(key.body, "/data/createApiKey/id");
  auto minted = s.demo_workspace::graphql("/metadata",
                                          R"(mutation($k: UUID!) { generateApiKeyToken(apiKeyId: $k,
        expiresAt: "2100-01-01T00:00:00Z") { token } })",
                                          json::object{{"k", key_id}});
  const std::string token = text_at(minted.body, "/data/generateApiKeyToken/token");
  ASSERT_FALSE(token.empty());

  const std::string denied = "FORBIDDEN: Entity performing the request does not have permission";
  auto as_key = [&](const std::string& query) {
    return s.demo_workspace::graphql("/graphql", query, nullptr, token);
  };
  EXPECT_EQ(first_error(as_key("{ companies { totalCount } }")), denied);
  EXPECT_EQ(first_error(as_key("{ people(filter: {jobTitle: {like: \"%a%\"}}) { totalCount } }")),
            denied);
  EXPECT_EQ(first_error(as_key("{ people(first: 1) { edges { node { jobTitle } } } }")), denied);
  auto allowed = as_key("{ people(first: 1) { totalCount edges { node { id city } } } }");
  EXPECT_EQ(first_error(allowed), "<none>") << allowed.text;

  auto rest_companies = s.call("GET", "/rest/companies", {}, token);
  EXPECT_EQ(rest_companies.status, 403u) << rest_companies.text;
  auto rest_people = s.call("GET", "/rest/people?limit=1", {}, token);
  ASSERT_EQ(rest_people.status, 200u) << rest_people.text;
  const auto& first = rest_people.body.at("data").at("people").at(0).as_object();
  EXPECT_FALSE(first.contains("jobTitle")) << rest_people.text;
  EXPECT_TRUE(first.contains("city"));
}
