// validate() against Twenty's recorded workspace schema (865 types): the typical record query is
// valid, the invalid queries Twenty answered in errors.jsonl get the same messages and locations,
// a big Twenty-sized document validates, and the cost of validating the typical query is printed.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>

#include "graphql/utilities/build_client_schema.hpp"
#include "validation_support.hpp"

namespace cohort::graphql::validation {
namespace {

using V = std::vector<std::string>;

std::shared_ptr<const type::schema> twenty_schema() {
  static std::shared_ptr<const type::schema> schema = [] {
    std::ifstream in(std::string(COHORT_SHARED_DIR) +
                     "/spec/twenty-golden/introspection-graphql.json");
    std::stringstream text;
    text << in.rdbuf();
    auto built = utilities::build_client_schema(boost::json::parse(text.str()));
    return built.schema;
  }();
  return schema;
}

V check_twenty(std::string_view source, validate_options options = {}) {
  auto schema = twenty_schema();
  if (!schema) return {"no schema"};
  return testing::check(source, options, schema.get());
}

constexpr std::string_view typical_query =
    "query { people(filter: {name: {firstName: {like: \"%a%\"}}}, orderBy: [{createdAt: "
    "DescNullsLast}], first: 20) { edges { node { id name { firstName lastName } emails { "
    "primaryEmail } company { id name } } } pageInfo { hasNextPage endCursor } totalCount } }";

TEST(ValidationTwenty, TypicalRecordQueryIsValid) {
  ASSERT_NE(twenty_schema(), nullptr);
  EXPECT_EQ(check_twenty(typical_query), V{});
}

TEST(ValidationTwenty, RecordedErrorsMatch) {
  EXPECT_EQ(check_twenty("query { people(first: 2) { edges { node { id nonExistentField } } } }"),
            V{"Cannot query field \"nonExistentField\" on type \"Person\". @1:46"});
  EXPECT_EQ(check_twenty("query { unicorns { totalCount } }"),
            V{"Cannot query field \"unicorns\" on type \"Query\". @1:9"});
  EXPECT_EQ(
      check_twenty("query { people(filter: { unknownField: { eq: \"x\" } }) { totalCount } }"),
      V{"Field \"unknownField\" is not defined by type \"PersonFilterInput\". @1:26"});
  EXPECT_EQ(check_twenty("query { people(filter: { city: { contains: \"x\" } }) { totalCount } }"),
            V{"Field \"contains\" is not defined by type \"StringFilter\". @1:34"});
  EXPECT_EQ(check_twenty("query { people(orderBy: [{ city: Ascending }]) { totalCount } }"),
            V{"Value \"Ascending\" does not exist in \"OrderByDirection\" enum. @1:34"});
}

TEST(ValidationTwenty, BigDocumentWithFragmentsValidates) {
  // Many aliased record queries sharing fragments: a dashboard-sized request.
  std::string doc = "query Dashboard($after: String) {\n";
  for (int i = 0; i < 15; ++i) {
    doc += std::string("  p") + std::to_string(i) + ": " +
           (i % 3 == 0   ? "people"
            : i % 3 == 1 ? "companies"
                         : "opportunities") +
           std::string("(first: ") + std::to_string(10 + i) +
           ", after: $after) { edges { node { ..." +
           (i % 3 == 0   ? "PersonFields"
            : i % 3 == 1 ? "CompanyFields"
                         : "OpportunityFields") +
           " } } pageInfo { hasNextPage endCursor } totalCount }\n";
  }
  doc += "}\n";
  doc +=
      "fragment PersonFields on Person { id name { firstName lastName } emails { primaryEmail } "
      "company { ...CompanyFields } createdAt }\n";
  doc += "fragment CompanyFields on Company { id name domainName { primaryLinkUrl } employees }\n";
  doc +=
      "fragment OpportunityFields on Opportunity { id name amount { amountMicros currencyCode } "
      "company { ...CompanyFields } pointOfContact { ...PersonFields } }\n";
  auto options = validate_options{};
  options.reject_duplicate_root_fields = false;
  EXPECT_EQ(check_twenty(doc, options), V{});
}

TEST(ValidationTwenty, TypicalQueryValidationTime) {
  auto schema = twenty_schema();
  ASSERT_NE(schema, nullptr);
  auto parsed = language::parse(typical_query);
  ASSERT_TRUE(parsed.ok());
  for (int i = 0; i < 200; ++i) ASSERT_TRUE(validate(*schema, *parsed).empty());
  constexpr int runs = 5000;
  auto start = std::chrono::steady_clock::now();
  std::size_t errors = 0;
  for (int i = 0; i < runs; ++i) errors += validate(*schema, *parsed).size();
  auto elapsed =
      std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start);
  EXPECT_EQ(errors, 0u);
  std::cout << "[ timing   ] validate(typical Twenty record query): " << elapsed.count() / runs
            << " us per validation (" << runs << " runs)\n";
}

}  // namespace
}  // namespace cohort::graphql::validation
