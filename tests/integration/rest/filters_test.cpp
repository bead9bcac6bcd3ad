// Every REST filter comparator over real HTTP, through Twenty's URL syntax: values with commas,
// brackets, parentheses, quotes and non-ASCII letters, `in` / `containsAny` lists, `is`
// NULL / NOT_NULL, composite subfields, join columns, and nested and(...) / or(...) / not(...).
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <set>

#include "rest_server.hpp"

using namespace cohort::testing;
namespace json = boost::json;

namespace {

struct filter_data {
  std::string company_a;
};

// People in Filterville and companies named FilterCo *, created once.
const filter_data& data() {
  static const filter_data d = [] {
    auto& rest = rest_server::shared();
    auto companies = rest.call(
        "POST", "/rest/batch/companies",
        R"j([{"name":"FilterCo A","employees":10,"idealCustomerProfile":true,)j"
        R"j("domainName":{"primaryLinkUrl":"https://a.filter.example"}},)j"
        R"j({"name":"FilterCo B","employees":20,"domainName":{"primaryLinkUrl":"https://b.filter.example"}},)j"
        R"j({"name":"FilterCo C","employees":30,"domainName":{"primaryLinkUrl":"https://c.filter.example"}},)j"
        R"j({"name":"FilterCo D","domainName":{"primaryLinkUrl":"https://d.filter.example"}}])j");
    EXPECT_EQ(companies.status, 201u) << companies.text;
    filter_data out;
    out.company_a =
        std::string(companies.body.at("data").at("createCompanies").at(0).at("id").as_string());
    auto people = rest.call(
        "POST", "/rest/batch/people",
        R"j([{"name":{"firstName":"Ana"},"jobTitle":"Engineer, Senior","city":"Filterville",)j"
        R"j("emails":{"primaryEmail":"ana@f.example"},"companyId":")j" +
            out.company_a +
            R"j("},)j"
            R"j({"name":{"firstName":"Ben"},"jobTitle":"[lead] (ops)","city":"Filterville",)j"
            R"j("emails":{"primaryEmail":"ben@f.example"}},)j"
            R"j({"name":{"firstName":"Cé"},"jobTitle":"Say \"hi\"","city":"Filterville",)j"
            R"j("emails":{"primaryEmail":"ce@f.example"}},)j"
            R"j({"name":{"firstName":"Dan"},"jobTitle":"O'Brien","city":"Filterville",)j"
            R"j("emails":{"primaryEmail":"dan@f.example"}},)j"
            R"j({"name":{"firstName":"Zoë"},"jobTitle":"Ingénieur","city":"Filterville",)j"
            R"j("emails":{"primaryEmail":"zoe@f.example"}}])j");
    EXPECT_EQ(people.status, 201u) << people.text;
    return out;
  }();
  return d;
}

// First names of the Filterville people `filter` keeps.
std::set<std::string> people(const std::string& filter) {
  data();
  auto res = rest_server::shared().get("/rest/people?filter=" +
                                       url_encode("and(city[eq]:Filterville," + filter + ")"));
  EXPECT_EQ(res.status, 200u) << filter << ": " << res.text;
  std::set<std::string> out;
  if (res.status != 200) return out;
  for (const auto& p : res.body.at("data").at("people").as_array())
    out.emplace(p.at("name").at("firstName").as_string());
  return out;
}

// Names of the FilterCo companies `filter` keeps.
std::set<std::string> companies(const std::string& filter) {
  data();
  auto res = rest_server::shared().get("/rest/companies?filter=" +
                                       url_encode("name[startsWith]:\"FilterCo \"," + filter));
  EXPECT_EQ(res.status, 200u) << filter << ": " << res.text;
  std::set<std::string> out;
  if (res.status != 200) return out;
  for (const auto& c : res.body.at("data").at("companies").as_array())
    out.emplace(std::string(c.at("name").as_string()).substr(9));
  return out;
}

using names = std::set<std::string>;

}  // namespace

TEST(RestFilters, EqAndNeqWithQuotedAndUnquotedValues) {
  EXPECT_EQ(people("name.firstName[eq]:Ana"), names{"Ana"});
  EXPECT_EQ(people("name.firstName[eq]:\"Ana\""), names{"Ana"});
  EXPECT_EQ(people("name.firstName[eq]:'Ana'"), names{"Ana"});
  EXPECT_EQ(people("name.firstName[neq]:Ana"), (names{"Ben", "Cé", "Dan", "Zoë"}));
}

TEST(RestFilters, ValuesWithCommasBracketsQuotesAndUnicode) {
  EXPECT_EQ(people("jobTitle[eq]:\"Engineer, Senior\""), names{"Ana"});
  EXPECT_EQ(people("jobTitle[eq]:\"[lead] (ops)\""), names{"Ben"});
  EXPECT_EQ(people("jobTitle[eq]:'Say \"hi\"'"), names{"Cé"});
  EXPECT_EQ(people("jobTitle[eq]:O'Brien"), names{"Dan"});
  EXPECT_EQ(people("name.firstName[eq]:Zoë"), names{"Zoë"});
  EXPECT_EQ(people("jobTitle[eq]:Ingénieur"), names{"Zoë"});
}

TEST(RestFilters, InListsWithQuotedItems) {
  EXPECT_EQ(people("name.firstName[in]:[\"Ana\",\"Zoë\"]"), (names{"Ana", "Zoë"}));
  EXPECT_EQ(people("name.firstName[in]:[Ben, Dan]"), (names{"Ben", "Dan"}));
  EXPECT_EQ(people("jobTitle[in]:[\"Engineer, Senior\",'[lead] (ops)']"), (names{"Ana", "Ben"}));
  EXPECT_EQ(people("name.firstName[in]:[]"), names{});
}

TEST(RestFilters, TextPatterns) {
  EXPECT_EQ(people("name.firstName[startsWith]:Z"), names{"Zoë"});
  EXPECT_EQ(people("jobTitle[endsWith]:\"(ops)\""), names{"Ben"});
  EXPECT_EQ(people("jobTitle[like]:\"%Senior\""), names{"Ana"});
  EXPECT_EQ(people("jobTitle[like]:\"%senior\""), names{});
  EXPECT_EQ(people("jobTitle[ilike]:\"%engineer%\""), names{"Ana"});
}

TEST(RestFilters, NumberComparisonsBindNumbers) {
  EXPECT_EQ(companies("employees[gt]:10"), (names{"B", "C"}));
  EXPECT_EQ(companies("employees[gte]:20"), (names{"B", "C"}));
  EXPECT_EQ(companies("employees[lt]:20"), names{"A"});
  EXPECT_EQ(companies("employees[lte]:20"), (names{"A", "B"}));
  EXPECT_EQ(companies("employees[eq]:\"30\""), names{"C"});
}

TEST(RestFilters, IsNullAndNotNull) {
  EXPECT_EQ(companies("employees[is]:NULL"), names{"D"});
  EXPECT_EQ(companies("employees[is]:NOT_NULL"), (names{"A", "B", "C"}));
}

TEST(RestFilters, BooleansJoinColumnsAndCompositeSubfields) {
  EXPECT_EQ(companies("idealCustomerProfile[eq]:true"), names{"A"});
  EXPECT_EQ(people("companyId[eq]:" + data().company_a), names{"Ana"});
  EXPECT_EQ(people("emails.primaryEmail[eq]:\"dan@f.example\""), names{"Dan"});
}

TEST(RestFilters, NestedConjunctions) {
  EXPECT_EQ(people("or(name.firstName[eq]:Ana,name.firstName[eq]:Ben)"), (names{"Ana", "Ben"}));
  EXPECT_EQ(people("not(name.firstName[in]:[Ana,Ben,Dan])"), (names{"Cé", "Zoë"}));
  EXPECT_EQ(people("or(jobTitle[eq]:\"Engineer, Senior\",and(name.firstName[startsWith]:Z,"
                   "not(jobTitle[eq]:\"x, (y)\")))"),
            (names{"Ana", "Zoë"}));
  // Top-level commas AND the leaves.
  EXPECT_EQ(people("name.firstName[neq]:Ana,name.firstName[neq]:Ben"), (names{"Cé", "Dan", "Zoë"}));
}

TEST(RestFilters, ContainsAnyOnAMultiSelect) {
  auto& rest = rest_server::shared();
  auto created = rest.call("POST", "/rest/batch/workflows",
                           R"j([{"name":"WF one","statuses":["ACTIVE","DRAFT"]},)j"
                           R"j({"name":"WF two","statuses":["DEACTIVATED"]}])j");
  ASSERT_EQ(created.status, 201u) << created.text;
  auto res = rest.get("/rest/workflows?filter=" +
                      url_encode("name[startsWith]:\"WF \",statuses[containsAny]:[ACTIVE]"));
  ASSERT_EQ(res.status, 200u) << res.text;
  const auto& found = res.body.at("data").at("workflows").as_array();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].at("name"), json::value("WF one"));
}

// Disabled until storage/query stops reading `is NULL` on a text field as "NULL or ''" (golden
// records-rest "jobTitle[is]:NULL (empty string is not NULL)": Twenty answers no record).
TEST(RestFilters, IsNullDoesNotMatchAnEmptyText) {
  auto& rest = rest_server::shared();
  auto created = rest.call("POST", "/rest/people",
                           R"({"name":{"firstName":"Nil"},"city":"Nullville",)"
                           R"("emails":{"primaryEmail":"nil@f.example"}})");
  ASSERT_EQ(created.status, 201u) << created.text;
  // A text field left out is '' (Twenty's column default), which `is NULL` does not match: the
  // recorded Twenty answers jobTitle[is]:NULL with no people although every sample has ''.
  EXPECT_EQ(created.body.at("data").at("createPerson").at("jobTitle"), json::value(""));
  auto res = rest.get("/rest/people?filter=" + url_encode("city[eq]:Nullville,jobTitle[is]:NULL"));
  ASSERT_EQ(res.status, 200u) << res.text;
  EXPECT_EQ(res.body.at("totalCount"), json::value(0));
  res = rest.get("/rest/people?filter=" + url_encode("city[eq]:Nullville,jobTitle[is]:NOT_NULL"));
  ASSERT_EQ(res.status, 200u) << res.text;
  EXPECT_EQ(res.body.at("totalCount"), json::value(1));
}
