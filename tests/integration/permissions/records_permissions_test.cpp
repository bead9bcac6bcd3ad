// Record-level permissions over real HTTP, the demo user acting with a role written in SQL: an
// object the role may not read is refused on every read path (GraphQL find, findOne, groupBy,
// nested relations; REST list and get) and skipped by search; writes without the update right and
// destroys without the destroy right are refused and leave the rows as they were (checked in SQL);
// a field the role may not read is refused when selected, filtered on (the totalCount leak of
// GHSA-v93q-4jcx-7p9m), ordered, grouped or aggregated by, left out of REST's implicit selection,
// and a field it may not update is refused when written.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>

#include "permissions_server.hpp"

using namespace cohort::testing;
namespace json = boost::json;

namespace {

// A person and a company of the suite's own, created once as Admin.
struct suite_records {
  std::string person_id;
  std::string company_id;
};

const suite_records& records() {
  static const suite_records r = [] {
    auto& s = permissions_server::shared();
    s.use_admin();
    suite_records out;
    auto company = s.graphql(
        R"(mutation { createCompany(data: {name: "Permission Works", domainName: {primaryLinkUrl: "https://permission.example"}}) { id } })");
    out.company_id = std::string(company.body.at("data").at("createCompany").at("id").as_string());
    auto person = s.graphql(
        R"(mutation($c: ID) { createPerson(data: {name: {firstName: "Quinn", lastName: "Permcheck"}, jobTitle: "Chief Secrets Officer", city: "Permtown", companyId: $c}) { id } })",
        {{"c", out.company_id}});
    out.person_id = std::string(person.body.at("data").at("createPerson").at("id").as_string());
    return out;
  }();
  return r;
}

class Permissions : public ::testing::Test {
 protected:
  void SetUp() override { records(); }
  void TearDown() override { permissions_server::shared().use_admin(); }
  permissions_server& s = permissions_server::shared();

  // Twenty's refusals (permissions_server.hpp).
  void expect_denied(const std::string& query, const std::string& root_field,
                     const json::object& variables = {}) {
    expect_graphql_denied(s, query, root_field, variables);
  }

  void expect_allowed(const std::string& query, const json::object& variables = {}) {
    auto answer = s.graphql(query, variables);
    EXPECT_EQ(first_error(answer), "<none>") << query << "\n" << answer.text;
  }

  void expect_rest_denied(const std::string& method, const std::string& target,
                          const std::string& body = {}) {
    cohort::testing::expect_rest_denied(s, method, target, body);
  }

  static role_spec no_company() {
    role_spec spec;
    spec.objects["company"] = {false, false, false, false};
    return spec;
  }

  static role_spec job_title_hidden() {
    role_spec spec;
    spec.fields["person.jobTitle"] = {false, false};
    return spec;
  }
};

std::vector<std::string> search_objects(permissions_server& s, const std::string& text) {
  auto answer = s.graphql(
      "query($t: String!) { search(searchInput: $t, limit: 50) { edges { node { "
      "objectNameSingular recordId } } } }",
      {{"t", text}});
  std::vector<std::string> out;
  boost::system::error_code ec;
  const auto* edges = answer.body.find_pointer("/data/search/edges", ec);
  if (!edges || !edges->is_array()) {
    ADD_FAILURE() << answer.text;
    return out;
  }
  for (const auto& e : edges->as_array())
    out.emplace_back(e.at("node").at("objectNameSingular").as_string());
  return out;
}

}  // namespace

TEST_F(Permissions, AdminReadsEverythingTheSuiteRefusesLater) {
  expect_allowed("{ companies(filter: {name: {eq: \"Permission Works\"}}) { totalCount } }");
  auto answer = s.graphql(
      "{ people(filter: {jobTitle: {like: \"%Secrets%\"}}) { totalCount edges { node { jobTitle "
      "company { name } } } } }");
  EXPECT_EQ(answer.body.at("data").at("people").at("totalCount"), json::value(1)) << answer.text;
  auto found = search_objects(s, "Perm");
  std::sort(found.begin(), found.end());
  EXPECT_EQ(found, (std::vector<std::string>{"company", "person"}));
}

TEST_F(Permissions, AnObjectWithoutReadIsRefusedOnEveryReadPath) {
  s.use_role(no_company());
  const auto& r = records();
  expect_denied("{ companies { totalCount } }", "companies");
  expect_denied("query($id: UUID) { company(filter: {id: {eq: $id}}) { id name } }", "company",
                {{"id", r.company_id}});
  expect_denied("{ companiesGroupBy(groupBy: [{name: true}]) { totalCount } }", "companiesGroupBy");
  // A nested relation reaches the unreadable object too.
  expect_denied("{ people(first: 1) { edges { node { id company { name } } } } }", "people");
  // What the role may read still answers.
  expect_allowed(
      "{ people(filter: {city: {eq: \"Permtown\"}}) { totalCount edges { node { id } } } }");

  expect_rest_denied("GET", "/rest/companies");
  expect_rest_denied("GET", "/rest/companies/" + r.company_id);
  // REST's implicit depth-1 selection leaves the unreadable relation out instead.
  auto person = s.call("GET", "/rest/people/" + r.person_id + "?depth=1");
  ASSERT_EQ(person.status, 200u) << person.text;
  const auto& p = person.body.at("data").at("person").as_object();
  EXPECT_FALSE(p.contains("company")) << person.text;
  EXPECT_TRUE(p.contains("city"));

  // Search skips what the role may not read.
  EXPECT_EQ(search_objects(s, "Perm"), (std::vector<std::string>{"person"}));
}

TEST_F(Permissions, WritesWithoutTheUpdateRightAreRefusedAndChangeNothing) {
  role_spec spec;
  spec.update = false;
  s.use_role(spec);
  const auto& r = records();
  const std::string people_before = s.sql_value("SELECT count(*) FROM {s}.person");
  expect_denied(
      "mutation($id: UUID!) { updatePerson(id: $id, data: {city: \"Elsewhere\"}) { id } }",
      "updatePerson", {{"id", r.person_id}});
  expect_denied("mutation { createPerson(data: {name: {firstName: \"Nope\"}}) { id } }",
                "createPerson");
  expect_rest_denied("PATCH", "/rest/people/" + r.person_id, R"({"city": "Elsewhere"})");
  expect_rest_denied("POST", "/rest/people", R"({"name": {"firstName": "Nope"}})");
  EXPECT_EQ(s.sql_value("SELECT city FROM {s}.person WHERE id = '" + r.person_id + "'"),
            "Permtown");
  EXPECT_EQ(s.sql_value("SELECT count(*) FROM {s}.person"), people_before);
  // Reading is still allowed.
  expect_allowed("query($id: UUID) { person(filter: {id: {eq: $id}}) { city } }",
                 {{"id", r.person_id}});
}

TEST_F(Permissions, DeletesNeedTheirOwnRights) {
  role_spec spec;
  spec.destroy = false;
  spec.soft_delete = false;
  s.use_role(spec);
  const auto& r = records();
  expect_denied("mutation($id: UUID!) { destroyPerson(id: $id) { id } }", "destroyPerson",
                {{"id", r.person_id}});
  expect_denied("mutation($id: UUID!) { deletePerson(id: $id) { id } }", "deletePerson",
                {{"id", r.person_id}});
  expect_rest_denied("DELETE", "/rest/people/" + r.person_id);
  EXPECT_EQ(s.sql_value("SELECT count(*) FROM {s}.person WHERE id = '" + r.person_id +
                        "' AND \"deletedAt\" IS NULL"),
            "1");
}

TEST_F(Permissions, ARestrictedFieldCannotBeSelected) {
  s.use_role(job_title_hidden());
  expect_denied("{ people(first: 1) { edges { node { id jobTitle } } } }", "people");
  expect_denied(
      "{ companies(first: 5) { edges { node { people { edges { node { jobTitle } } } } } } }",
      "companies");
  expect_allowed("{ people(first: 1) { edges { node { id city name { firstName } } } } }");
}

// GHSA-v93q-4jcx-7p9m: Twenty answered counts for filters on fields the role could not read.
TEST_F(Permissions, ARestrictedFieldCannotBeFilteredOnNotEvenForACount) {
  s.use_role(job_title_hidden());
  expect_denied("{ people(filter: {jobTitle: {like: \"%Secrets%\"}}) { totalCount } }", "people");
  expect_denied(
      "{ people(filter: {and: [{city: {eq: \"Permtown\"}}, {or: [{not: {jobTitle: {is: "
      "NULL}}}]}]}) "
      "{ totalCount } }",
      "people");
  expect_denied(
      "query($id: UUID) { company(filter: {id: {eq: $id}}) { people(filter: {jobTitle: {like: "
      "\"%Secrets%\"}}) { totalCount } } }",
      "company", {{"id", records().company_id}});
  expect_rest_denied("GET",
                     "/rest/people?filter=" + std::string("jobTitle%5Blike%5D%3A%25Secrets%25"));
}

TEST_F(Permissions, ARestrictedFieldCannotOrderGroupOrAggregate) {
  s.use_role(job_title_hidden());
  expect_denied("{ people(orderBy: [{jobTitle: AscNullsFirst}]) { totalCount } }", "people");
  expect_denied("{ peopleGroupBy(groupBy: [{jobTitle: true}]) { totalCount } }", "peopleGroupBy");
  expect_denied("{ people { countUniqueValuesJobTitle } }", "people");
  expect_rest_denied("GET", "/rest/people?order_by=jobTitle");
}

TEST_F(Permissions, RestLeavesARestrictedFieldOutOfItsImplicitSelection) {
  s.use_role(job_title_hidden());
  auto answer = s.call("GET", "/rest/people/" + records().person_id);
  ASSERT_EQ(answer.status, 200u) << answer.text;
  const auto& p = answer.body.at("data").at("person").as_object();
  EXPECT_FALSE(p.contains("jobTitle")) << answer.text;
  EXPECT_EQ(p.at("city"), json::value("Permtown"));
  // The person is found by search only through fields the role may read: jobTitle feeds the
  // search vector, so people are not searched at all.
  EXPECT_EQ(search_objects(s, "Secrets"), std::vector<std::string>{});
  EXPECT_EQ(search_objects(s, "Perm"), (std::vector<std::string>{"company"}));
}

TEST_F(Permissions, AFieldWithoutUpdateCannotBeWritten) {
  role_spec spec;
  spec.fields["person.jobTitle"] = {true, false};
  s.use_role(spec);
  const auto& r = records();
  expect_denied(
      "mutation($id: UUID!) { updatePerson(id: $id, data: {jobTitle: \"Intern\"}) { id } }",
      "updatePerson", {{"id", r.person_id}});
  expect_rest_denied("PATCH", "/rest/people/" + r.person_id, R"({"jobTitle": "Intern"})");
  EXPECT_EQ(s.sql_value("SELECT \"jobTitle\" FROM {s}.person WHERE id = '" + r.person_id + "'"),
            "Chief Secrets Officer");
  // Other fields of the same record can be.
  expect_allowed(
      "mutation($id: UUID!) { updatePerson(id: $id, data: {city: \"Permtown\"}) { id jobTitle } }",
      {{"id", r.person_id}});
}
