// A field the role may not read reveals nothing through any API path (issue 6, "permission
// suite"), with company.employees hidden (a number, so every aggregate applies) and person.emails
// hidden (a duplicate criterion): GraphQL filters of find and findOne, orderBy, every aggregate
// (sum, avg, min, max, countUniqueValues, countEmpty, countNotEmpty, percentageEmpty,
// percentageNotEmpty), groupBy by it and filtered, ordered or aggregated by it, the field reached
// through a relation, duplicates found through it, merges (which write it); REST lists and findOne
// (filter, order_by, the implicit selection), groupBy (group_by, aggregate, filter, record
// samples), duplicates and merge. records_permissions_test.cpp covers person.jobTitle's select,
// filter (also nested in company { people(filter) }), order, groupBy, countUniqueValues and search.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "permissions_server.hpp"

using namespace cohort::testing;
namespace json = boost::json;

namespace {

constexpr const char* headcount = "8675309";

struct headcount_records {
  std::string company, twin_company, person;
};

// Two companies of a secret headcount and a person in one, created once as Admin.
const headcount_records& records() {
  static const headcount_records r = [] {
    auto& s = permissions_server::shared();
    s.use_admin();
    headcount_records out;
    auto company = [&](const char* name) {
      auto made = s.graphql(
          "mutation($n: String) { createCompany(data: {name: $n, employees: 8675309}) { id } }",
          {{"n", name}});
      return std::string(made.body.at("data").at("createCompany").at("id").as_string());
    };
    out.company = company("Headcount Hidden");
    out.twin_company = company("Headcount Hidden Twin");
    auto person = s.graphql(
        R"(mutation($c: ID) { createPerson(data: {name: {firstName: "Hana", lastName: "Headcount"},
        emails: {primaryEmail: "hana.headcount@hidden.example"}, companyId: $c}) { id } })",
        {{"c", out.company}});
    out.person = std::string(person.body.at("data").at("createPerson").at("id").as_string());
    return out;
  }();
  return r;
}

class HiddenField : public ::testing::Test {
 protected:
  void SetUp() override { records(); }
  void TearDown() override { permissions_server::shared().use_admin(); }
  permissions_server& s = permissions_server::shared();

  static role_spec hidden(const char* field) {
    role_spec spec;
    spec.fields[field] = {false, false};
    return spec;
  }

  // Twenty's refusal (permissions_server.hpp), with no trace of the hidden headcount.
  void expect_denied(const std::string& query, const std::string& root_field,
                     const json::object& variables = {}) {
    auto answer = expect_graphql_denied(s, query, root_field, variables);
    EXPECT_EQ(answer.text.find(headcount), std::string::npos) << answer.text;
  }

  void expect_rest_denied(const std::string& method, const std::string& target,
                          const std::string& body = {}) {
    cohort::testing::expect_rest_denied(s, method, target, body);
  }

  // An answer that succeeds without the hidden field's name or value anywhere in it.
  void expect_rest_without(const std::string& method, const std::string& target,
                           const std::string& body, const std::string& field,
                           const std::string& value) {
    auto answer = s.call(method, target, body);
    EXPECT_LT(answer.status, 300u) << method << " " << target << "\n" << answer.text;
    EXPECT_EQ(answer.text.find("\"" + field + "\""), std::string::npos)
        << method << " " << target << "\n"
        << answer.text;
    EXPECT_EQ(answer.text.find(value), std::string::npos) << answer.text;
  }
};

}  // namespace

TEST_F(HiddenField, AdminSeesTheHeadcountTheSuiteHidesLater) {
  auto answer =
      s.graphql("{ companies(filter: {employees: {eq: 8675309}}) { totalCount sumEmployees } }");
  EXPECT_EQ(answer.body.at("data").at("companies").at("totalCount"), json::value(2)) << answer.text;
}

TEST_F(HiddenField, GraphqlFindFilterOrderAndEveryAggregateAreRefused) {
  s.use_role(hidden("company.employees"));
  const auto& r = records();
  expect_denied("{ companies(filter: {employees: {gt: 8000000}}) { totalCount } }", "companies");
  expect_denied(
      "{ companies(filter: {or: [{name: {eq: \"nobody\"}}, {employees: {eq: 8675309}}]}) { "
      "totalCount edges { node { id } } } }",
      "companies");
  expect_denied(
      "query($id: UUID) { company(filter: {id: {eq: $id}, employees: {eq: 8675309}}) { id } }",
      "company", {{"id", r.company}});
  expect_denied(
      "{ companies(orderBy: [{employees: DescNullsLast}], first: 1) { edges { node { "
      "id } } } }",
      "companies");
  for (const char* aggregate :
       {"sumEmployees", "avgEmployees", "minEmployees", "maxEmployees",
        "countUniqueValuesEmployees", "countEmptyEmployees", "countNotEmptyEmployees",
        "percentageEmptyEmployees", "percentageNotEmptyEmployees"}) {
    expect_denied(std::string("{ companies { totalCount ") + aggregate + " } }", "companies");
  }
  // The field reached through a relation.
  expect_denied("{ people(first: 5) { edges { node { id company { employees } } } } }", "people");
  // What the role may read still answers, totalCount included.
  auto allowed = s.graphql(
      "{ companies(filter: {name: {like: \"Headcount Hidden%\"}}) { totalCount edges { node { id "
      "name } } } }");
  EXPECT_EQ(first_error(allowed), "<none>") << allowed.text;
  EXPECT_EQ(allowed.body.at("data").at("companies").at("totalCount"), json::value(2));
}

TEST_F(HiddenField, GraphqlGroupByThroughTheFieldIsRefused) {
  s.use_role(hidden("company.employees"));
  expect_denied("{ companiesGroupBy(groupBy: [{employees: true}]) { totalCount } }",
                "companiesGroupBy");
  expect_denied("{ companiesGroupBy(groupBy: [{name: true}]) { totalCount sumEmployees } }",
                "companiesGroupBy");
  expect_denied(
      "{ companiesGroupBy(groupBy: [{name: true}], filter: {employees: {gt: 8000000}}) { "
      "groupByDimensionValues totalCount } }",
      "companiesGroupBy");
  expect_denied(
      "query($o: [CompanyOrderByWithGroupByInput!]) { companiesGroupBy(groupBy: [{name: true}], "
      "orderBy: $o) { groupByDimensionValues totalCount } }",
      "companiesGroupBy",
      {{"o", json::parse(R"([{"aggregate": {"sumEmployees": "DescNullsLast"}}])")}});
  // The records inside each group, ordered by it.
  expect_denied(
      "{ companiesGroupBy(groupBy: [{name: true}], orderByForRecords: [{employees: "
      "AscNullsFirst}]) "
      "{ groupByDimensionValues totalCount } }",
      "companiesGroupBy");
  auto allowed = s.graphql(
      "{ companiesGroupBy(groupBy: [{name: true}], filter: {name: {like: \"Headcount Hidden%\"}}) "
      "{ groupByDimensionValues totalCount } }");
  EXPECT_EQ(first_error(allowed), "<none>") << allowed.text;
}

TEST_F(HiddenField, DuplicatesAndMergeRevealNothingOfTheField) {
  const auto& r = records();
  // Duplicates are found by e-mail: a role that may not read e-mails can't probe them.
  s.use_role(hidden("person.emails"));
  expect_denied(
      "query($d: [PersonCreateInput]) { personDuplicates(data: $d) { totalCount edges { node { id "
      "} } } }",
      "personDuplicates",
      {{"d", json::parse(R"([{"emails": {"primaryEmail": "hana.headcount@hidden.example"}}])")}});
  expect_rest_denied("POST", "/rest/people/duplicates",
                     R"({"data":[{"emails":{"primaryEmail":"hana.headcount@hidden.example"}}]})");

  s.use_role(hidden("company.employees"));
  const json::object ids{{"ids", json::array{r.company, r.twin_company}}};
  expect_denied(
      "mutation($ids: [UUID!]) { mergeCompanies(ids: $ids, conflictPriorityIndex: 0, dryRun: "
      "true) { id employees } }",
      "mergeCompanies", ids);
  expect_denied(
      "query($ids: [UUID]) { companyDuplicates(ids: $ids) { edges { node { id employees } } } }",
      "companyDuplicates", {{"ids", json::array{r.company}}});
  expect_rest_without("POST", "/rest/companies/duplicates", R"({"ids":[")" + r.company + R"("]})",
                      "employees", headcount);
  // A merge writes the kept record's fields from the others: refused even when the answer would
  // leave the field out, since the role may not update it.
  expect_denied(
      "mutation($ids: [UUID!]) { mergeCompanies(ids: $ids, conflictPriorityIndex: 0) { id name } "
      "}",
      "mergeCompanies", ids);
  expect_rest_denied(
      "PATCH", "/rest/companies/merge",
      R"({"ids":[")" + r.company + R"(",")" + r.twin_company + R"("],"conflictPriorityIndex":0})");
  // Nothing was merged.
  EXPECT_EQ(
      s.sql_value("SELECT count(*) FROM {s}.company WHERE employees = 8675309 AND \"deletedAt\" "
                  "IS NULL"),
      "2");
}

TEST_F(HiddenField, RestPathsRefuseOrLeaveTheFieldOut) {
  s.use_role(hidden("company.employees"));
  const auto& r = records();
  expect_rest_denied("GET", "/rest/companies?filter=employees%5Bgt%5D%3A8000000");
  expect_rest_denied("GET", "/rest/companies?order_by=employees%5BDescNullsLast%5D");
  const std::string group_by = "/rest/companies/groupBy?group_by=";
  expect_rest_denied("GET", group_by + url_encode(R"([{"employees":true}])"));
  expect_rest_denied("GET", group_by + url_encode(R"([{"name":true}])") +
                                "&aggregate=" + url_encode(R"(["sumEmployees"])"));
  expect_rest_denied(
      "GET", group_by + url_encode(R"([{"name":true}])") + "&filter=employees%5Bgt%5D%3A8000000");
  // The implicit selections of lists, findOne, relations and group samples leave it out.
  expect_rest_without("GET", "/rest/companies?filter=name%5Blike%5D%3AHeadcount%25", "",
                      "employees", headcount);
  expect_rest_without("GET", "/rest/companies/" + r.company, "", "employees", headcount);
  expect_rest_without("GET", "/rest/people/" + r.person + "?depth=1", "", "employees", headcount);
  expect_rest_without("GET",
                      group_by + url_encode(R"([{"name":true}])") +
                          "&filter=name%5Blike%5D%3AHeadcount%25&include_records_sample=true",
                      "", "employees", headcount);
  // Write answers too: an update's and a creation's records come back without it.
  expect_rest_without("PATCH", "/rest/companies/" + r.company, R"({"name":"Headcount Hidden"})",
                      "employees", headcount);
  auto created = s.call("POST", "/rest/companies", R"({"name":"Headcount Rest"})");
  EXPECT_EQ(created.status, 201u) << created.text;
  EXPECT_EQ(created.text.find("\"employees\""), std::string::npos) << created.text;
  expect_graphql_denied(
      s,
      "mutation($id: UUID!) { updateCompany(id: $id, data: {name: \"Headcount Hidden\"}) { id "
      "employees } }",
      "updateCompany", {{"id", r.company}});
  EXPECT_EQ(s.sql_value("SELECT employees FROM {s}.company WHERE id = '" + r.company + "'"),
            headcount);
}
