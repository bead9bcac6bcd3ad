// The tenancy suite: with workspace A's access token and A's API key, every record resolver,
// every REST route and every platform operation is tried on workspace B's ids. Every attempt is
// refused or finds nothing, nothing of B appears in any answer, and B's rows are unchanged (a
// digest of B's record tables and core rows, taken in SQL before and after).
#include <gtest/gtest.h>

#include "integration/tokens/two_workspaces.hpp"

namespace {

namespace json = boost::json;
using cohort::testing::two_workspaces;

constexpr const char* secret_city = "B-secret-city";

using cohort::testing::text_at;

struct tenancy : ::testing::Test {
  static two_workspaces& env() {
    static auto* instance = new two_workspaces("tenancy");
    return *instance;
  }

  // B's ids, and A's API key token.
  struct b_ids {
    std::string person, company, opportunity, webhook, api_key, view, object, field;
  };
  static b_ids& ids() {
    static b_ids* instance = [] {
      auto& e = env();
      auto* i = new b_ids();
      // Records of B's own (the sample records carry the same fixed ids in every workspace).
      auto company = e.graphql(
          R"(mutation { createCompany(data: { name: "B-secret-co" }) { id } })", {}, e.b.access);
      i->company = text_at(company, "/data/createCompany/id");
      auto person = e.graphql(R"(mutation($c: ID, $city: String) { createPerson(data: {
          name: { firstName: "B-secret-first", lastName: "B" }, city: $city, companyId: $c }) { id } })",
                              {{"c", i->company}, {"city", secret_city}}, e.b.access);
      i->person = text_at(person, "/data/createPerson/id");
      auto opportunity = e.graphql(
          R"(mutation($c: ID) { createOpportunity(data: { name: "B-secret-deal", companyId: $c }) { id } })",
          {{"c", i->company}}, e.b.access);
      i->opportunity = text_at(opportunity, "/data/createOpportunity/id");
      auto wh = e.graphql(R"(mutation { createWebhook(input: { targetUrl: "https://example.com/b",
          operations: ["*.*"], description: "B-secret-hook" }) { id } })",
                          {}, e.b.access, "/metadata");
      i->webhook = text_at(wh, "/data/createWebhook/id");
      auto key = e.graphql(R"(mutation($r: UUID!) { createApiKey(input: { name: "B-secret-key",
          expiresAt: "2100-01-01T00:00:00Z", roleId: $r }) { id } })",
                           {{"r", e.admin_role(e.b)}}, e.b.access, "/metadata");
      i->api_key = text_at(key, "/data/createApiKey/id");
      // A custom object of B's (standard objects share their ids across workspaces), its first
      // field and its view.
      auto object =
          e.graphql(R"(mutation { createOneObject(input: { object: { nameSingular: "secretThing",
          namePlural: "secretThings", labelSingular: "B-secret-thing", labelPlural: "B-secret-things" } }) { id } })",
                    {}, e.b.access, "/metadata");
      i->object = text_at(object, "/data/createOneObject/id");
      const std::string ws = "'" + e.b.id + "'";
      i->field = e.sql("SELECT id FROM core.field_metadata WHERE workspace_id = " + ws +
                       " AND object_id = '" + i->object + "' ORDER BY seq LIMIT 1");
      i->view = e.sql("SELECT id FROM core.view_entity WHERE workspace_id = " + ws +
                      " AND kind = 'view' AND object_metadata_id = '" + i->object + "'");
      return i;
    }();
    return *instance;
  }

  static std::string& a_key_token() {
    static std::string* token = [] {
      auto& e = env();
      auto key = e.graphql(R"(mutation($r: UUID!) { createApiKey(input: { name: "A key",
          expiresAt: "2100-01-01T00:00:00Z", roleId: $r }) { id } })",
                           {{"r", e.admin_role(e.a)}}, e.a.access, "/metadata");
      std::string id = text_at(key, "/data/createApiKey/id");
      auto minted = e.graphql(
          "mutation($id: UUID!) { generateApiKeyToken(apiKeyId: $id, expiresAt: "
          "\"2100-01-01T00:00:00Z\") { token } }",
          {{"id", id}}, e.a.access, "/metadata");
      return new std::string(text_at(minted, "/data/generateApiKeyToken/token"));
    }();
    return *token;
  }

  // A digest of everything B owns: its record tables and its core rows.
  static std::string b_digest() {
    auto& e = env();
    std::string out;
    for (const char* table : {"person", "company", "opportunity", "note", "task", "_secretThing"}) {
      out +=
          e.sql(
              std::string(
                  "SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM {b}.\"") +
              table + "\" t") +
          ";";
    }
    const std::string ws = "'" + e.b.id + "'";
    out += e.sql(
               "SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM core.webhook "
               "t WHERE workspace_id = " +
               ws) +
           ";";
    out += e.sql(
               "SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM core.api_key "
               "t WHERE workspace_id = " +
               ws) +
           ";";
    out += e.sql(
               "SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM "
               "core.view_entity t WHERE workspace_id = " +
               ws) +
           ";";
    out += e.sql(
               "SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM "
               "core.object_metadata t WHERE workspace_id = " +
               ws) +
           ";";
    out += e.sql(
               "SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM "
               "core.field_metadata t WHERE workspace_id = " +
               ws) +
           ";";
    out += e.sql("SELECT md5(t::text) FROM core.workspace t WHERE id = " + ws);
    return out;
  }

  // A's access token and A's API key, each checked to work in A first: a refusal below must come
  // from B's ids, not from a broken token.
  static std::vector<std::string> a_tokens() {
    std::vector<std::string> tokens{env().a.access, a_key_token()};
    for (const auto& token : tokens) {
      auto own = env().graphql("{ people { totalCount } }", {}, token);
      EXPECT_GT(own.at_pointer("/data/people/totalCount").as_int64(), 0) << json::serialize(own);
      EXPECT_EQ(env().call("GET", "/rest/people?limit=1", "", token).status, 200u);
    }
    return tokens;
  }
};

// Nothing of B in the answer: no secret value, and the field answered null, false, an empty
// list, an empty connection or an error.
void expect_nothing_of_b(const json::value& body, const std::string& field) {
  std::string text = json::serialize(body);
  SCOPED_TRACE(text);
  EXPECT_EQ(text.find("B-secret"), std::string::npos);
  boost::system::error_code ec;
  const auto* value = body.find_pointer("/data/" + field, ec);
  bool nothing = !value || value->is_null() || (value->is_bool() && !value->as_bool()) ||
                 (value->is_array() && value->as_array().empty());
  if (value && value->is_object()) {
    const auto* total = value->as_object().if_contains("totalCount");
    nothing = total && total->is_int64() && total->as_int64() == 0;
  }
  EXPECT_TRUE(nothing) << field;
}

TEST_F(tenancy, RecordResolversFindAndChangeNothingOfB) {
  auto& e = env();
  const auto& b = ids();
  const std::string before = b_digest();
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
        "mutation($id: UUID!) { createPerson(data: { id: $id, city: \"A city\" }, upsert: true) { "
        "id } }",
        {{"id", b.person}}, token);
  }
  EXPECT_EQ(b_digest(), before);
  EXPECT_EQ(e.sql("SELECT city FROM {b}.person WHERE id = '" + b.person + "'"), secret_city);
}

TEST_F(tenancy, RestRoutesFindAndChangeNothingOfB) {
  auto& e = env();
  const auto& b = ids();
  const std::string before = b_digest();
  const std::string person = "/rest/people/" + b.person;
  const std::string filter = "filter=id%5Beq%5D%3A" + b.person;
  struct attempt {
    std::string method, target, body;
  };
  const std::vector<attempt> attempts = {
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
  };
  for (const auto& token : a_tokens()) {
    for (const auto& a : attempts) {
      auto res = e.call(a.method, a.target, a.body, token);
      SCOPED_TRACE(a.method + " " + a.target + " -> " + res.body);
      EXPECT_TRUE(res.status >= 400 || res.body.find("\"data\":null") != std::string::npos ||
                  res.body == "false")
          << res.status;
      EXPECT_EQ(res.body.find("B-secret"), std::string::npos);
    }
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
  EXPECT_EQ(b_digest(), before);
}

TEST_F(tenancy, PlatformOperationsFindAndChangeNothingOfB) {
  auto& e = env();
  const auto& b = ids();
  const std::string before = b_digest();
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
      {"webhooks", "{ webhooks { id description } }", "/metadata", {}},
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
  for (const auto& token : a_tokens()) {
    for (const auto& a : attempts) {
      auto body = e.graphql(a.query, a.variables, token, a.path);
      SCOPED_TRACE(a.field + " on " + a.path);
      if (a.field == "webhooks") {
        // A's own list: none of B's.
        EXPECT_EQ(json::serialize(body).find(b.webhook), std::string::npos);
        continue;
      }
      expect_nothing_of_b(body, a.field);
    }
  }
  EXPECT_EQ(b_digest(), before);
  EXPECT_EQ(e.sql("SELECT revoked_at FROM core.api_key WHERE id = '" + b.api_key + "'"), "<null>");
}

}  // namespace
