// The tenancy suite's shared fixture: one server with workspaces A and B (two_workspaces), B's ids
// of every kind of row an operation can name (records, webhook, API key, custom object, field,
// view and each kind of view part, roles, member, invitation, approved domain, 2FA method), A's
// tokens (an access token and an API key's), and a digest of everything B owns taken in SQL, so
// each test compares B before and after its attempts. Header-only and outside an anonymous
// namespace so that every file of integration_tenancy shares one server and one set of ids.
#pragma once

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <vector>

#include "integration/tokens/two_workspaces.hpp"

namespace cohort::testing::tenancy_suite {

inline constexpr const char* secret_city = "B-secret-city";

struct tenancy : ::testing::Test {
  // A's own records made with B's ids (createPerson with upsert takes the id it is given: a row
  // of A's schema) are dropped before each test, so a later "finds nothing" is about B.
  // B's digest is taken once the copies are gone: each test ends with expect_b_unchanged().
  void SetUp() override {
    forget_a_copies();
    b_before_ = b_digest();
  }
  void expect_b_unchanged() const { EXPECT_EQ(b_digest(), b_before_); }
  std::string b_before_;
  static void forget_a_copies() {
    env().sql("DELETE FROM {a}.person WHERE id = '" + ids().person + "'");
  }

  static two_workspaces& env() {
    static auto* instance = new two_workspaces("tenancy");
    return *instance;
  }

  // B's ids, and A's API key token.
  struct b_ids {
    std::string person, company, opportunity, webhook, api_key, view, object, field;
    std::string view_field, view_filter, view_filter_group, view_sort, view_group;
    std::string admin_role, custom_role, member, user, user_workspace;
    std::string invitation, domain, two_factor_method;
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
      i->admin_role = e.admin_role(e.b);
      auto key = e.graphql(R"(mutation($r: UUID!) { createApiKey(input: { name: "B-secret-key",
          expiresAt: "2100-01-01T00:00:00Z", roleId: $r }) { id } })",
                           {{"r", i->admin_role}}, e.b.access, "/metadata");
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
      i->view_field = e.sql("SELECT id FROM core.view_entity WHERE workspace_id = " + ws +
                            " AND kind = 'viewField' AND view_id = '" + i->view + "' LIMIT 1");
      // One of each other view part on B's view, made as B makes them.
      auto part = [&](const std::string& kind, json_object input) {
        input["viewId"] = i->view;
        auto made = e.graphql("mutation($input: Create" + kind + "Input!) { createCore" + kind +
                                  "(input: $input) { id } }",
                              {{"input", std::move(input)}}, e.b.access, "/metadata");
        return text_at(made, "/data/createCore" + kind + "/id");
      };
      i->view_filter =
          part("ViewFilter",
               {{"fieldMetadataId", i->field}, {"operand", "IS"}, {"value", "B-secret-filter"}});
      i->view_filter_group = part("ViewFilterGroup", {{"logicalOperator", "AND"}});
      i->view_sort = part("ViewSort", {{"fieldMetadataId", i->field}, {"direction", "ASC"}});
      i->view_group =
          part("ViewGroup", {{"fieldMetadataId", i->field}, {"fieldValue", "B-secret-group"}});
      // A custom role, B's member and user, an invitation, an approved domain, a 2FA method.
      auto role = e.graphql(R"(mutation { createOneRole(createRoleInput: {
          label: "B-secret-role" }) { id } })",
                            {}, e.b.access, "/metadata");
      i->custom_role = text_at(role, "/data/createOneRole/id");
      i->member = e.sql("SELECT id FROM {b}.\"workspaceMember\" LIMIT 1");
      i->user = e.sql("SELECT id FROM core.\"user\" WHERE email = '" + e.b.email + "'");
      i->user_workspace = e.sql("SELECT id FROM core.user_workspace WHERE workspace_id = " + ws +
                                " AND user_id = '" + i->user + "'");
      e.graphql(R"(mutation { sendInvitations(emails: ["b-secret-invitee@example.com"]) {
          success } })",
                {}, e.b.access, "/metadata");
      i->invitation = e.sql("SELECT id FROM core.app_token WHERE workspace_id = " + ws +
                            " AND type = 'INVITATION_TOKEN' LIMIT 1");
      e.graphql(R"(mutation($e: String!) { createApprovedAccessDomain(input: {
          domain: "b-secret.example.com", email: $e }) { id } })",
                {{"e", "admin@b-secret.example.com"}}, e.b.access, "/metadata");
      i->domain = e.sql("SELECT id FROM core.approved_access_domain WHERE workspace_id = " + ws);
      e.graphql("mutation { initiateOTPProvisioningForAuthenticatedUser { uri } }", {}, e.b.access,
                "/metadata");
      i->two_factor_method =
          e.sql("SELECT id FROM core.two_factor_authentication_method WHERE user_workspace_id = '" +
                i->user_workspace + "'");
      return i;
    }();
    return *instance;
  }

  using json_object = boost::json::object;

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

  // md5 of the rows `from_where` selects as `t`, ordered by id.
  static std::string rows_digest(const std::string& from_where) {
    return env().sql("SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM " +
                     from_where) +
           ";";
  }

  // A digest of everything B owns: its record tables and its core rows.
  static std::string b_digest() {
    auto& e = env();
    std::string out;
    for (const char* table :
         {"person", "company", "opportunity", "note", "task", "_secretThing", "workspaceMember"}) {
      out += rows_digest(std::string("{b}.\"") + table + "\" t");
    }
    const std::string in_b = " t WHERE workspace_id = '" + e.b.id + "'";
    for (const char* table :
         {"webhook", "api_key", "view_entity", "object_metadata", "field_metadata", "role",
          "role_target", "object_permission", "field_permission", "permission_flag", "app_token",
          "approved_access_domain", "user_workspace", "two_factor_authentication_recovery_code"}) {
      out += rows_digest(std::string("core.") + table + in_b);
    }
    out += rows_digest(
        "core.two_factor_authentication_method t WHERE user_workspace_id IN (SELECT id FROM "
        "core.user_workspace WHERE workspace_id = '" +
        e.b.id + "')");
    out += e.sql("SELECT md5(t::text) FROM core.workspace t WHERE id = '" + e.b.id + "'");
    return out;
  }

  // A's access token and A's API key, each checked to work in A first: a refusal below must come
  // from B's ids, not from a broken token.
  static std::vector<std::string> a_tokens() {
    std::vector<std::string> tokens{env().a.access, a_key_token()};
    for (const auto& token : tokens) {
      auto own = env().graphql("{ people { totalCount } }", {}, token);
      EXPECT_GT(own.at_pointer("/data/people/totalCount").as_int64(), 0)
          << boost::json::serialize(own);
      EXPECT_EQ(env().call("GET", "/rest/people?limit=1", "", token).status, 200u);
    }
    return tokens;
  }
};

// With TENANCY_DUMP=<file>, every answer is appended to the file (to review the refusals' shapes
// against Twenty's by eye).
inline void dump_answer(const std::string& what, const std::string& answer) {
  const char* dump = std::getenv("TENANCY_DUMP");
  if (!dump) return;
  if (FILE* out = std::fopen(dump, "a")) {
    std::fprintf(out, "%s\t%s\n", what.c_str(), answer.c_str());
    std::fclose(out);
  }
}

// Nothing of B in the answer: no secret value, and the field answered null, false, an empty
// list, an empty connection (totalCount 0, or no edges), `refusal` (an operation's own answer
// for "not found", e.g. Twenty's deleteWorkspaceInvitation answers "error") or an error.
inline void expect_nothing_of_b(const boost::json::value& body, const std::string& field,
                                const std::string& refusal = {}) {
  std::string text = boost::json::serialize(body);
  SCOPED_TRACE(text);
  EXPECT_EQ(text.find("B-secret"), std::string::npos);
  boost::system::error_code ec;
  // A refusal is an error of the operation, with its code: a document the server could not
  // validate (no code) would "refuse" without ever reaching B's ids.
  if (const auto* error = body.find_pointer("/errors/0", ec)) {
    const auto* code = error->find_pointer("/extensions/code", ec);
    EXPECT_TRUE(code && *code != boost::json::value("GRAPHQL_VALIDATION_FAILED"))
        << "not a refusal";
  }
  dump_answer(field, text);
  const auto* value = body.find_pointer("/data/" + field, ec);
  bool nothing = !value || value->is_null() || (value->is_bool() && !value->as_bool()) ||
                 (value->is_array() && value->as_array().empty());
  if (value && value->is_object()) {
    const auto* total = value->as_object().if_contains("totalCount");
    const auto* edges = value->as_object().if_contains("edges");
    nothing = (total && total->is_int64() && total->as_int64() == 0) ||
              (!total && edges && edges->is_array() && edges->as_array().empty());
  }
  if (value && value->is_string() && !refusal.empty()) nothing = value->as_string() == refusal;
  EXPECT_TRUE(nothing) << field;
}

// One GraphQL call of the suite: the root field answering, its document and variables.
struct graphql_attempt {
  std::string field, query;
  boost::json::object variables;
  std::string path = "/metadata";
  std::string refusal = {};  // the field's own "not found" answer, when it has one
};

// The root fields /graphql serves (platform operations are served there beside /metadata).
inline const std::set<std::string>& graphql_root_fields() {
  static const std::set<std::string> names = [] {
    auto& e = tenancy::env();
    auto schema =
        e.graphql("{ __schema { queryType { fields { name } } mutationType { fields { name } } } }",
                  {}, e.a.access);
    std::set<std::string> out;
    for (const char* root :
         {"/data/__schema/queryType/fields", "/data/__schema/mutationType/fields"}) {
      for (const auto& f : schema.at_pointer(root).as_array())
        out.emplace(f.at("name").as_string());
    }
    return out;
  }();
  return names;
}

// Each attempt with each of A's tokens, on its endpoint and, for a /metadata operation that
// /graphql serves too, there as well.
inline void try_all(const std::vector<graphql_attempt>& attempts) {
  auto& e = tenancy::env();
  for (const auto& token : tenancy::a_tokens()) {
    for (const auto& a : attempts) {
      std::vector<std::string> paths{a.path};
      // /graphql's object, objects, field, fields, index and indexMetadatas are record fields of
      // objects so named, not the metadata operations.
      static const std::set<std::string> record_names = {"object", "objects", "field",
                                                         "fields", "index",   "indexMetadatas"};
      if (a.path == "/metadata" && !record_names.count(a.field) &&
          graphql_root_fields().count(a.field))
        paths.push_back("/graphql");
      for (const auto& path : paths) {
        SCOPED_TRACE(a.field + " on " + path + (token == e.a.access ? " (access)" : " (API key)"));
        expect_nothing_of_b(e.graphql(a.query, a.variables, token, path), a.field, a.refusal);
      }
    }
  }
}

// One REST call of the suite.
struct rest_attempt {
  std::string method, target, body;
};

// Each attempt with each of A's tokens: refused (an error status, a null answer or false; a body
// the server could not read does not count) and nothing of B in the answer.
inline void expect_rest_refused(const std::vector<rest_attempt>& attempts) {
  auto& e = tenancy::env();
  for (const auto& token : tenancy::a_tokens()) {
    for (const auto& a : attempts) {
      auto res = e.call(a.method, a.target, a.body, token);
      dump_answer(a.method + " " + a.target, std::to_string(res.status) + " " + res.body);
      SCOPED_TRACE(a.method + " " + a.target + " -> " + res.body);
      EXPECT_TRUE(res.status >= 400 || res.body.find("\"data\":null") != std::string::npos ||
                  res.body == "false")
          << res.status;
      EXPECT_EQ(res.body.find("B-secret"), std::string::npos);
      EXPECT_EQ(res.body.find("got invalid value"), std::string::npos) << "not a refusal";
    }
  }
}

}  // namespace cohort::testing::tenancy_suite
