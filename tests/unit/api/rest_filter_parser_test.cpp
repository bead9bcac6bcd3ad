// Twenty's REST filter syntax into Twenty's filter input, on the standard person and company:
// leaves, typed values, quoting, lists, conjunctions and every error message a client can cause.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "api/rest/filter_parser.hpp"
#include "model/standard/standard_objects.hpp"

namespace rest = cohort::api::rest;
namespace json = boost::json;

namespace {

const cohort::model::object_metadata& object(const char* name) {
  for (const auto& o : *cohort::model::standard::shared_standard_objects())
    if (o.name_singular == name) return o;
  throw std::runtime_error("no standard object");
}

// The filter input as JSON text, or "error: <message>".
std::string parsed(const std::string& text, const char* on = "person") {
  auto out = rest::parse_filter(text, object(on));
  if (auto* e = std::get_if<rest::rest_error>(&out)) return "error: " + e->messages.at(0);
  return json::serialize(std::get<json::object>(out));
}

}  // namespace

TEST(RestFilterParser, LeavesOnFieldsSubfieldsAndJoinColumns) {
  EXPECT_EQ(parsed(""), "{}");
  EXPECT_EQ(parsed("city[eq]:Paris"), R"j({"city":{"eq":"Paris"}})j");
  EXPECT_EQ(parsed("name.firstName[eq]:\"Ada\""), R"j({"name":{"firstName":{"eq":"Ada"}}})j");
  EXPECT_EQ(parsed("companyId[eq]:\"8da4ed49-ed07-4ee0-8077-8fe86f7067c3\""),
            R"j({"companyId":{"eq":"8da4ed49-ed07-4ee0-8077-8fe86f7067c3"}})j");
  EXPECT_EQ(parsed("deletedAt[is]:NOT_NULL"), R"j({"deletedAt":{"is":"NOT_NULL"}})j");
}

TEST(RestFilterParser, ValuesAreTypedByTheField) {
  EXPECT_EQ(parsed("employees[gte]:10", "company"), R"j({"employees":{"gte":10}})j");
  EXPECT_EQ(parsed("employees[lt]:\"2.5\"", "company"), R"j({"employees":{"lt":2.5E0}})j");
  EXPECT_EQ(parsed("idealCustomerProfile[eq]:true", "company"),
            R"j({"idealCustomerProfile":{"eq":true}})j");
  // Not a number: left as text for the compiler to refuse with the field's name.
  EXPECT_EQ(parsed("employees[gt]:many", "company"), R"j({"employees":{"gt":"many"}})j");
  // Text stays text, even when it looks like a number.
  EXPECT_EQ(parsed("city[eq]:75001"), R"j({"city":{"eq":"75001"}})j");
}

TEST(RestFilterParser, QuotedValuesKeepCommasBracketsParenthesesAndQuotes) {
  EXPECT_EQ(parsed("city[eq]:\"Paris, France\""), R"j({"city":{"eq":"Paris, France"}})j");
  EXPECT_EQ(parsed("jobTitle[eq]:\"[lead] (ops)\""), R"j({"jobTitle":{"eq":"[lead] (ops)"}})j");
  EXPECT_EQ(parsed("jobTitle[eq]:'Say \"hi\"'"), R"j({"jobTitle":{"eq":"Say \"hi\""}})j");
  EXPECT_EQ(parsed("jobTitle[eq]:O'Brien"), R"j({"jobTitle":{"eq":"O'Brien"}})j");
  EXPECT_EQ(parsed("city[eq]:Zoë-Łódź"), R"j({"city":{"eq":"Zoë-Łódź"}})j");
  EXPECT_EQ(parsed("jobTitle[like]:\"%a:b%\""), R"j({"jobTitle":{"like":"%a:b%"}})j");
}

TEST(RestFilterParser, Lists) {
  EXPECT_EQ(parsed("city[in]:[\"Lille\",\"Nantes\"]"), R"j({"city":{"in":["Lille","Nantes"]}})j");
  EXPECT_EQ(parsed("city[in]:[Lille, 'Paris, France']"),
            R"j({"city":{"in":["Lille","Paris, France"]}})j");
  EXPECT_EQ(parsed("employees[in]:[1,2]", "company"), R"j({"employees":{"in":[1,2]}})j");
  EXPECT_EQ(parsed("city[in]:[]"), R"j({"city":{"in":[]}})j");
  EXPECT_EQ(parsed("city[in]:Lille").rfind("error: 'filter' invalid for 'city[in]:Lille'", 0), 0u);
}

TEST(RestFilterParser, Conjunctions) {
  EXPECT_EQ(parsed("city[eq]:A,jobTitle[eq]:B"),
            R"j({"and":[{"city":{"eq":"A"}},{"jobTitle":{"eq":"B"}}]})j");
  EXPECT_EQ(parsed("or(city[eq]:A,and(city[eq]:B,not(jobTitle[eq]:\"x, (y)\")))"),
            R"j({"or":[{"city":{"eq":"A"}},{"and":[{"city":{"eq":"B"}},)j"
            R"j({"not":{"jobTitle":{"eq":"x, (y)"}}}]}]})j");
  EXPECT_EQ(parsed("not(city[eq]:A,city[eq]:B)"),
            R"j({"not":{"and":[{"city":{"eq":"A"}},{"city":{"eq":"B"}}]}})j");
  // A conjunction of a single leaf.
  EXPECT_EQ(parsed("and(city[eq]:A)"), R"j({"and":[{"city":{"eq":"A"}}]})j");
}

TEST(RestFilterParser, Errors) {
  EXPECT_EQ(parsed("unknownField[eq]:\"x\""),
            "error: field 'unknownField' does not exist in 'person' object");
  EXPECT_EQ(parsed("name.nickname[eq]:x"),
            "error: field 'name.nickname' does not exist in 'person' object");
  EXPECT_EQ(parsed("company[eq]:x"), "error: field 'company' does not exist in 'person' object");
  EXPECT_EQ(parsed("city[contains]:\"x\""),
            "error: 'filter' invalid for 'city[contains]:\"x\"', comparator contains not in eq, "
            "neq, in, containsAny, is, gt, gte, lt, lte, startsWith, like, ilike");
  EXPECT_EQ(parsed("and(city[eq]:\"x\""),
            "error: 'filter' invalid. 1 close bracket is missing in the query");
  EXPECT_EQ(parsed("city[eq]:x))"),
            "error: 'filter' invalid. 2 open bracket is missing in the query");
  EXPECT_EQ(parsed("city:x"), "error: 'filter' invalid for 'city:x'. eg: price[gte]:10");
  EXPECT_EQ(parsed("[eq]:x"), "error: 'filter' invalid for '[eq]:x'. eg: price[gte]:10");
  // Parentheses inside a quoted value do not count.
  EXPECT_EQ(parsed("city[eq]:\"(\""), R"j({"city":{"eq":"("}})j");
}
