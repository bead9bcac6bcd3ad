// The tenancy suite: with workspace A's access token and A's API key, every record resolver,
// every REST route and every platform operation is tried on workspace B's ids. Every attempt is
// refused or finds nothing, nothing of B appears in any answer, and B's rows are unchanged (a
// digest of B's record tables and core rows, taken in SQL before and after). The inventory of
// operations and the test covering each: README.md beside this file (tenancy_core_rows_test.cpp
// holds the rest of the suite).
#include <gtest/gtest.h>

#include "tenancy_fixture.hpp"

namespace {

namespace json = boost::json;
using namespace cohort::testing::tenancy_suite;
using cohort::testing::text_at;

TEST_F(tenancy, RecordResolversFindAndChangeNothingOfB) {
  auto& e = env();
  const auto& b = ids();
  const std::vector<std::pair<std::string, std::string>> attempts = {
      {"person", "query($id: UUID!) { person(filter: { id: { eq: $id } }) { id city } }"},
      {"people",
       "query($id: UUID!) { people(filter: { id: { eq: $id } }) { totalCount edges { node { id "
       "city } } } }"},
      {"people",
       "query($id: UUID!) { people(filter: { or: [{ id: { in: [$id] } }, { city: { eq: "
       "\"B-secret-city\" } }] }) { totalCount } }"},
      {"updatePerson",
       "mutation($id: UUID!) { updatePerson(id: $id, data: { city: \"Hacked\" }) { id city } }"},
      {"updatePeople",
       "mutation($id: UUID!) { updatePeople(filter: { id: { eq: $id } }, data: { city: \"Hacked\" "
       "}) { id } }"},
      {"deletePerson", "mutation($id: UUID!) { deletePerson(id: $id) { id } }"},
      {"deletePeople",
       "mutation($id: UUID!) { deletePeople(filter: { id: { in: [$id] } }) { id } }"},
      {"destroyPerson", "mutation($id: UUID!) { destroyPerson(id: $id) { id } }"},
      {"destroyPeople",
       "mutation($id: UUID!) { destroyPeople(filter: { id: { in: [$id] } }) { id } }"},
      {"restorePerson", "mutation($id: UUID!) { restorePerson(id: $id) { id } }"},
      {"restorePeople",
       "mutation($id: UUID!) { restorePeople(filter: { id: { in: [$id] } }) { id } }"},
  };
  for (const auto& token : a_tokens()) {
    for (const auto& [field, query] : attempts)
      expect_nothing_of_b(e.graphql(query, {{"id", b.person}}, token), field);
    expect_nothing_of_b(
        e.graphql("query($id: UUID!) { companies(filter: { id: { eq: $id } }) { totalCount } }",
                  {{"id", b.company}}, token),
        "companies");
    expect_nothing_of_b(
        e.graphql("query($id: UUID!) { people(filter: { companyId: { eq: $id } }) { totalCount } }",
                  {{"id", b.company}}, token),
        "people");
    expect_nothing_of_b(
        e.graphql("query($id: UUID!) { opportunity(filter: { id: { eq: $id } }) { id name } }",
                  {{"id", b.opportunity}}, token),
        "opportunity");
    // A relation to B's company: refused, or a person of A whose company is nobody.
    auto created = e.graphql(
        "mutation($c: ID) { createPerson(data: { companyId: $c }) { id company { id name } } }",
        {{"c", b.company}}, token);
    std::string text = json::serialize(created);
    EXPECT_EQ(text.find("B-secret"), std::string::npos);
    boost::system::error_code ec;
    if (const auto* company = created.find_pointer("/data/createPerson/company", ec)) {
      EXPECT_TRUE(company->is_null()) << text;
    }
    // B's id as the id of A's new record: a record of A, B's untouched.
    e.graphql(
        "mutation($id: ID!) { createPerson(data: { id: $id, city: \"A city\" }, upsert: true) { "
        "id } }",
        {{"id", b.person}}, token);
    forget_a_copies();
  }
  expect_b_unchanged();
  EXPECT_EQ(e.sql("SELECT city FROM {b}.person WHERE id = '" + b.person + "'"), secret_city);
}

TEST_F(tenancy, RestRoutesFindAndChangeNothingOfB) {
  auto& e = env();
  const auto& b = ids();
  const std::string person = "/rest/people/" + b.person;
  const std::string filter = "filter=id%5Beq%5D%3A" + b.person;
  expect_rest_refused({
      {"GET", person, ""},
      {"PATCH", person, R"({"city":"Hacked"})"},
      {"PUT", person, R"({"city":"Hacked"})"},
      {"DELETE", person, ""},
      {"DELETE", person + "?soft_delete=false", ""},
      {"PATCH", person + "/restore", ""},
      {"GET", "/rest/companies/" + b.company, ""},
      {"GET", "/rest/metadata/webhooks/" + b.webhook, ""},
      {"PATCH", "/rest/metadata/webhooks/" + b.webhook, R"({"description":"Hacked"})"},
      {"DELETE", "/rest/metadata/webhooks/" + b.webhook, ""},
      {"GET", "/rest/webhooks/" + b.webhook, ""},
      {"GET", "/rest/metadata/apiKeys/" + b.api_key, ""},
      {"PATCH", "/rest/metadata/apiKeys/" + b.api_key, R"({"name":"Hacked"})"},
      {"DELETE", "/rest/metadata/apiKeys/" + b.api_key, ""},
      {"POST", "/rest/metadata/apiKeys/" + b.api_key + "/revoke", ""},
      {"GET", "/rest/apiKeys/" + b.api_key, ""},
      {"DELETE", "/rest/apiKeys/" + b.api_key, ""},
      {"GET", "/rest/metadata/objects/" + b.object, ""},
      {"PATCH", "/rest/metadata/objects/" + b.object, R"({"labelSingular":"Hacked"})"},
      {"DELETE", "/rest/metadata/objects/" + b.object, ""},
      {"GET", "/rest/metadata/fields/" + b.field, ""},
      {"PATCH", "/rest/metadata/fields/" + b.field, R"({"label":"Hacked"})"},
  });
  for (const auto& token : a_tokens()) {
    // Filters naming B's ids find nothing; bulk writes through them change nothing.
    for (const auto& [method, target] :
         std::vector<std::pair<std::string, std::string>>{{"GET", "/rest/people?" + filter},
                                                          {"PATCH", "/rest/people?" + filter},
                                                          {"DELETE", "/rest/people?" + filter}}) {
      auto res = e.call(method, target, method == "PATCH" ? R"({"city":"Hacked"})" : "", token);
      SCOPED_TRACE(method + " " + target + " -> " + res.body);
      EXPECT_EQ(res.body.find("B-secret"), std::string::npos);
      EXPECT_EQ(res.body.find(b.person), std::string::npos);
    }
    auto list = e.call("GET", "/rest/people?limit=200", "", token);
    EXPECT_EQ(list.body.find("B-secret"), std::string::npos);
  }
  expect_b_unchanged();
}

TEST_F(tenancy, PlatformOperationsFindAndChangeNothingOfB) {
  auto& e = env();
  const auto& b = ids();
  struct attempt {
    std::string field, query, path;
    json::object variables;
  };
  const std::vector<attempt> attempts = {
      {"webhook",
       "query($id: UUID!) { webhook(input: { id: $id }) { id description } }",
       "/metadata",
       {{"id", b.webhook}}},
      {"updateWebhook",
       "mutation($id: UUID!) { updateWebhook(input: { id: $id, description: \"Hacked\" }) { id } }",
       "/metadata",
       {{"id", b.webhook}}},
      {"deleteWebhook",
       "mutation($id: UUID!) { deleteWebhook(input: { id: $id }) }",
       "/metadata",
       {{"id", b.webhook}}},
      {"apiKey",
       "query($id: UUID!) { apiKey(input: { id: $id }) { id name } }",
       "/metadata",
       {{"id", b.api_key}}},
      {"updateApiKey",
       "mutation($id: UUID!) { updateApiKey(input: { id: $id, name: \"Hacked\" }) { id } }",
       "/metadata",
       {{"id", b.api_key}}},
      {"revokeApiKey",
       "mutation($id: UUID!) { revokeApiKey(input: { id: $id }) { id } }",
       "/metadata",
       {{"id", b.api_key}}},
      {"generateApiKeyToken",
       "mutation($id: UUID!) { generateApiKeyToken(apiKeyId: $id, expiresAt: "
       "\"2100-01-01T00:00:00Z\") { token } }",
       "/metadata",
       {{"id", b.api_key}}},
      {"apiKey",
       "query($id: UUID!) { apiKey(input: { id: $id }) { id name } }",
       "/graphql",
       {{"id", b.api_key}}},
      {"getCoreView",
       "query($id: String!) { getCoreView(id: $id) { id name } }",
       "/metadata",
       {{"id", b.view}}},
      {"updateCoreView",
       "mutation($id: String!) { updateCoreView(id: $id, input: { name: \"Hacked\" }) { id } }",
       "/metadata",
       {{"id", b.view}}},
      {"deleteCoreView",
       "mutation($id: String!) { deleteCoreView(id: $id) }",
       "/metadata",
       {{"id", b.view}}},
      {"destroyCoreView",
       "mutation($id: String!) { destroyCoreView(id: $id) }",
       "/metadata",
       {{"id", b.view}}},
      {"object",
       "query($id: UUID!) { object(id: $id) { id nameSingular } }",
       "/metadata",
       {{"id", b.object}}},
      {"updateOneObject",
       "mutation($id: UUID!) { updateOneObject(input: { id: $id, update: { labelSingular: "
       "\"Hacked\" } }) { id } }",
       "/metadata",
       {{"id", b.object}}},
      {"deleteOneObject",
       "mutation($id: UUID!) { deleteOneObject(input: { id: $id }) { id } }",
       "/metadata",
       {{"id", b.object}}},
      {"field", "query($id: UUID!) { field(id: $id) { id name } }", "/metadata", {{"id", b.field}}},
      {"updateOneField",
       "mutation($id: UUID!) { updateOneField(input: { id: $id, update: { label: \"Hacked\" } }) { "
       "id } }",
       "/metadata",
       {{"id", b.field}}},
      {"deleteOneField",
       "mutation($id: UUID!) { deleteOneField(input: { id: $id }) { id } }",
       "/metadata",
       {{"id", b.field}}},
  };
  // Each on /metadata and, where /graphql serves it too, there (try_all).
  std::vector<graphql_attempt> on_ids;
  for (const auto& a : attempts) on_ids.push_back({a.field, a.query, a.variables, a.path});
  try_all(on_ids);
  // A's own list: none of B's.
  for (const auto& token : a_tokens()) {
    auto list = e.graphql("{ webhooks { id description } }", {}, token, "/metadata");
    EXPECT_EQ(json::serialize(list).find(b.webhook), std::string::npos);
  }
  expect_b_unchanged();
  EXPECT_EQ(e.sql("SELECT revoked_at FROM core.api_key WHERE id = '" + b.api_key + "'"), "<null>");
}

}  // namespace
