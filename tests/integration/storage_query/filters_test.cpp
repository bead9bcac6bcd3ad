// Every filter operator per field type, on records created through the compiler, checked by the
// names a user would see in the filtered list; and the errors Twenty answers for bad operators.
#include <gtest/gtest.h>

#include "seed.hpp"

using namespace cohort::testing::query;
using V = std::vector<std::string>;

TEST(StorageQueryFilters, TextOperators) {
  EXPECT_EQ(matching("person", R"({"city": {"eq": "Paris"}})"),
            (V{"Alice Martin", "Chloe Bernard", "Emma Robert"}));
  EXPECT_EQ(matching("person", R"({"city": {"neq": "Oslo"}, "jobTitle": {"neq": ""}})"),
            (V{"Alice Martin", "Bob Durand", "Chloe Bernard", "David Petit", "Emma Robert"}));
  EXPECT_EQ(matching("person", R"({"city": {"in": ["Berlin", "Lyon"]}})"),
            (V{"Bob Durand", "David Petit"}));
  EXPECT_EQ(matching("person", R"({"city": {"in": []}})"), V{});
  // `is NULL` is strict: an empty city ('' by default) is not NULL (Twenty 1.6, golden REST).
  EXPECT_EQ(matching("person", R"({"city": {"is": "NULL"}})"), V{});
  EXPECT_EQ(matching("person", R"({"city": {"is": "NOT_NULL"}})").size(), 10u);
  EXPECT_EQ(matching("person", R"({"jobTitle": {"like": "%Engineer"}})"),
            (V{"Alice Martin", "Chloe Bernard", "Emma Robert"}));
  EXPECT_EQ(matching("person", R"({"jobTitle": {"like": "%engineer"}})"), V{});
  EXPECT_EQ(matching("person", R"({"jobTitle": {"ilike": "%ENGINEER%"}})"),
            (V{"Alice Martin", "Chloe Bernard", "Emma Robert"}));
  EXPECT_EQ(matching("person", R"({"jobTitle": {"startsWith": "Sen"}})"), V{"Chloe Bernard"});
  EXPECT_EQ(matching("person", R"({"jobTitle": {"endsWith": "Manager"}})"), V{"Bob Durand"});
  // The server escapes startsWith/endsWith values: % is a character there, not a wildcard.
  EXPECT_EQ(matching("person", R"({"jobTitle": {"startsWith": "%"}})"), V{});
  EXPECT_EQ(matching("person", R"({"name": {"firstName": {"gt": "Emma"}}})"),
            (V{"Farid Richard", "Sam Alpha", "Sam Beta", "Sam Delta", "Sam Gamma"}));
  EXPECT_EQ(matching("person", R"({"name": {"firstName": {"gte": "Emma", "lt": "Sam"}}})"),
            (V{"Emma Robert", "Farid Richard"}));
  EXPECT_EQ(matching("person", R"({"name": {"lastName": {"lte": "Beta"}}})"),
            (V{"Chloe Bernard", "Sam Alpha", "Sam Beta"}));
  EXPECT_EQ(matching("person", R"({"emails": {"primaryEmail": {"like": "%@acme.example"}}})"),
            (V{"Alice Martin", "Bob Durand"}));
  EXPECT_EQ(matching("person", R"({"emails": {"additionalEmails": {"like": "%perso%"}}})"),
            V{"Alice Martin"});
  // A whole composite is empty when all its subfields are.
  EXPECT_EQ(matching("company", R"({"annualRecurringRevenue": {"is": "NOT_NULL"}})"),
            V{"Acme Corp"});
  EXPECT_EQ(matching("company", R"({"linkedinLink": {"is": "NULL"}})"),
            (V{"Globex", "Initech", "Nullco"}));
}

TEST(StorageQueryFilters, RelationsJoinColumnsAndActor) {
  const auto& s = seed();
  EXPECT_EQ(matching("person", R"({"companyId": {"eq": ")" + s.company.at("Acme Corp") + "\"}}"),
            (V{"Alice Martin", "Bob Durand"}));
  EXPECT_EQ(matching("person", R"({"companyId": {"in": [")" + s.company.at("Globex") + "\", \"" +
                                   s.company.at("Initech") + "\"]}}"),
            (V{"Chloe Bernard", "David Petit", "Emma Robert"}));
  EXPECT_EQ(matching("person", R"({"companyId": {"is": "NULL"}, "city": {"neq": "Oslo"}})"),
            V{"Farid Richard"});
  // One hop through the many-to-one relation by name (Twenty's newest filters).
  EXPECT_EQ(matching("person", R"({"company": {"name": {"eq": "Globex"}}})"),
            (V{"Chloe Bernard", "David Petit"}));
  EXPECT_EQ(matching("person", R"({"company": {"employees": {"gte": 40}}})"),
            (V{"Alice Martin", "Bob Durand", "Chloe Bernard", "David Petit"}));
  EXPECT_EQ(matching("person", R"({"createdBy": {"source": {"eq": "MANUAL"}}})").size(), 10u);
  EXPECT_EQ(matching("person", R"({"createdBy": {"name": {"eq": "Tim Apple"}}})").size(), 10u);
  EXPECT_EQ(matching("person", R"({"createdBy": {"source": {"eq": "API"}}})"), V{});
  EXPECT_EQ(matching("person", R"({"id": {"eq": ")" + s.person.at("Bob Durand") + "\"}}"),
            V{"Bob Durand"});
}

TEST(StorageQueryFilters, NumbersBooleansCurrencyAndDates) {
  EXPECT_EQ(matching("company", R"({"employees": {"gte": 40}})"), (V{"Acme Corp", "Globex"}));
  EXPECT_EQ(matching("company", R"({"employees": {"lt": 100}})"), (V{"Globex", "Initech"}));
  EXPECT_EQ(matching("company", R"({"employees": {"eq": 12}})"), V{"Initech"});
  EXPECT_EQ(matching("company", R"({"employees": {"neq": 12}})"), (V{"Acme Corp", "Globex"}));
  EXPECT_EQ(matching("company", R"({"employees": {"in": [12, 250]}})"),
            (V{"Acme Corp", "Initech"}));
  EXPECT_EQ(matching("company", R"({"employees": {"is": "NULL"}})"), V{"Nullco"});
  EXPECT_EQ(matching("company", R"({"idealCustomerProfile": {"eq": true}})"), V{"Acme Corp"});
  EXPECT_EQ(
      matching("company", R"({"annualRecurringRevenue": {"amountMicros": {"gte": 1000000}}})"),
      V{"Acme Corp"});
  EXPECT_EQ(matching("company", R"({"annualRecurringRevenue": {"currencyCode": {"eq": "EUR"}}})"),
            V{"Acme Corp"});
  EXPECT_EQ(matching("company", R"({"address": {"addressCity": {"ilike": "par%"}}})"),
            V{"Acme Corp"});
  EXPECT_EQ(matching("pet", R"({"weight": {"lt": 20}})"), V{"Rex"});
  EXPECT_EQ(matching("pet", R"({"vaccinated": {"eq": false}})"), V{"Tom"});
  EXPECT_EQ(matching("pet", R"({"vaccinated": {"is": "NULL"}})"), (V{"Kit", "Nib"}));
  EXPECT_EQ(matching("pet", R"({"birthday": {"gt": "2019-01-01"}})"), V{"Rex"});
  EXPECT_EQ(matching("pet", R"({"birthday": {"eq": "2020-05-01"}})"), V{"Rex"});

  // DATE_TIME compares at millisecond precision, as clients see the values.
  const auto created = seed().created_people.as_array().at(0).at("createdAt").as_string();
  EXPECT_EQ(created.size(), 24u);  // 2026-11-22T01:31:42.085Z
  const std::string at = std::string(created);
  EXPECT_EQ(matching("person", R"({"createdAt": {"eq": ")" + at + "\"}}").size(), 10u);
  EXPECT_EQ(matching("person", R"({"createdAt": {"lte": ")" + at + "\"}}").size(), 10u);
  EXPECT_EQ(matching("person", R"({"createdAt": {"gt": ")" + at + "\"}}").size(), 0u);
  EXPECT_EQ(matching("person", R"({"createdAt": {"in": [")" + at + "\"]}}").size(), 10u);
  EXPECT_EQ(matching("person", R"({"createdAt": {"gte": "2020-01-01T00:00:00.000Z"}})").size(),
            10u);
}

TEST(StorageQueryFilters, SelectMultiSelectArrayAndJson) {
  auto opportunities = [](std::string_view filter) { return matching("opportunity", filter); };
  EXPECT_EQ(opportunities(R"({"stage": {"eq": "MEETING"}})"), V{"Big deal"});
  EXPECT_EQ(opportunities(R"({"stage": {"neq": "MEETING"}})"), V{"Small deal"});
  EXPECT_EQ(opportunities(R"({"stage": {"in": ["NEW", "CUSTOMER"]}})"), V{"Small deal"});
  EXPECT_EQ(opportunities(R"({"stage": {"containsAny": ["NEW", "MEETING"]}})"),
            (V{"Big deal", "Small deal"}));
  EXPECT_EQ(opportunities(R"({"stage": {"is": "NULL"}})"), V{});
  EXPECT_EQ(opportunities(R"({"amount": {"amountMicros": {"is": "NOT_NULL"}}})"), V{"Big deal"});

  EXPECT_EQ(matching("pet", R"({"traits": {"containsAny": ["CALM", "LOUD"]}})"), (V{"Rex", "Tom"}));
  EXPECT_EQ(matching("pet", R"({"traits": {"isEmptyArray": true}})"), V{"Kit"});
  EXPECT_EQ(matching("pet", R"({"traits": {"is": "NULL"}})"), (V{"Kit", "Nib"}));
  EXPECT_EQ(matching("pet", R"({"rating": {"eq": "RATING_3"}})"), V{"Rex"});
  EXPECT_EQ(matching("pet", R"({"rating": {"in": ["RATING_1", "RATING_2"]}})"), V{"Tom"});
  EXPECT_EQ(matching("pet", R"({"tags": {"containsIlike": "BOY"}})"), V{"Rex"});
  EXPECT_EQ(matching("pet", R"({"tags": {"isEmptyArray": true}})"), V{"Tom"});
  EXPECT_EQ(matching("pet", R"({"tags": {"is": "NULL"}})"), (V{"Kit", "Nib", "Tom"}));
  EXPECT_EQ(matching("pet", R"({"profile": {"like": "%brown%"}})"), V{"Rex"});
  EXPECT_EQ(matching("pet", R"({"profile": {"is": "NULL"}})"), (V{"Kit", "Nib", "Tom"}));
}

TEST(StorageQueryFilters, LogicalGroupsToAnyDepth) {
  EXPECT_EQ(
      matching("person",
               R"({"and": [{"city": {"eq": "Paris"}}, {"jobTitle": {"ilike": "%engineer%"}}]})"),
      (V{"Alice Martin", "Chloe Bernard", "Emma Robert"}));
  EXPECT_EQ(
      matching("person",
               R"({"or": [{"city": {"eq": "Berlin"}}, {"name": {"firstName": {"eq": "Bob"}}}]})"),
      (V{"Bob Durand", "David Petit"}));
  EXPECT_EQ(
      matching("person", R"({"and": [{"or": [{"city": {"eq": "Paris"}}, {"city": {"eq": "Lyon"}}]},
                                            {"not": {"jobTitle": {"eq": "Engineer"}}}]})"),
      (V{"Alice Martin", "Bob Durand", "Chloe Bernard"}));
  EXPECT_EQ(matching("person", R"({"not": {"or": [{"city": {"eq": "Oslo"}},
                                                   {"and": [{"city": {"eq": "Paris"}},
                                                            {"not": {"jobTitle": {"eq": "Engineer"}}}]}]}})"),
            (V{"Bob Durand", "David Petit", "Emma Robert", "Farid Richard"}));
  // Empty groups set no condition (Twenty answers every row for {or: [{and: []}]}).
  EXPECT_EQ(matching("person", R"({"or": [{"and": []}]})").size(), 10u);
}

TEST(StorageQueryFilters, RefusesOperatorsAndValuesLikeTwenty) {
  const auto& env = *seed().env;
  auto error_for = [&](const std::string& object, std::string_view filter) {
    return env.error(find_many(object, paged(record({field("id")}), page(filter))));
  };
  auto e = error_for("person", R"({"city": {"regex": "P.*"}})");
  EXPECT_EQ(e.code, "BAD_USER_INPUT");
  EXPECT_EQ(e.message,
            "Operator \"regex\" is not valid for field \"city\" of type TEXT - Allowed operators: "
            "eq, neq, gt, gte, lt, lte, in, is, like, ilike, startsWith, endsWith");
  e = error_for("opportunity", R"({"stage": {"gt": "NEW"}})");
  EXPECT_EQ(e.message,
            "Operator \"gt\" is not valid for field \"stage\" of type SELECT - Allowed operators: "
            "eq, neq, in, containsAny, is, isEmptyArray");
  e = error_for("person", R"({"city": {"contains": "x"}})");
  EXPECT_EQ(e.message, "Operator \"contains\" is not supported");
  EXPECT_EQ(e.sub_code, "UNSUPPORTED_OPERATOR");
  e = error_for("person", R"({"companyId": {"eq": "not-a-uuid"}})");
  EXPECT_EQ(e.message, "Invalid UUID");
  EXPECT_EQ(e.sub_code, "INVALID_ARGS_FILTER");
  e = error_for("person", R"({"foo": {"eq": "x"}})");
  EXPECT_EQ(e.message, "Object person doesn't have any \"foo\" field.");
  e = error_for("opportunity", R"({"stage": {"eq": "BOGUS"}})");
  EXPECT_EQ(e.code, "BAD_USER_INPUT");
  e = error_for("company", R"({"employees": {"gt": "many"}})");
  EXPECT_EQ(e.code, "BAD_USER_INPUT");
  // A value PostgreSQL cannot read is the client's mistake, told without SQL.
  e = error_for("person", R"({"createdAt": {"gt": "not a date"}})");
  EXPECT_EQ(e.code, "BAD_USER_INPUT");
  EXPECT_EQ(e.message.find("timestamp"), std::string::npos);
  e = error_for("person", R"({"name": {"middleName": {"eq": "x"}}})");
  EXPECT_EQ(e.message, "Sub field \"middleName\" not found for composite type: FULL_NAME");
  e = error_for("person", R"({"company": {"accountOwner": {"name": {"firstName": {"eq": "x"}}}}})");
  EXPECT_EQ(e.message, "Relation filter nesting deeper than 1 hop is not supported");
}

TEST(StorageQueryFilters, SoftDeletedRowsOnlyWhenTheFilterMentionsDeletedAt) {
  const auto& s = seed();
  // Nothing in the shared seed is deleted: a deletedAt filter changes the scope, not the rows.
  EXPECT_EQ(matching("person", R"({"deletedAt": {"is": "NOT_NULL"}})"), V{});
  EXPECT_EQ(matching("person", R"({"not": {"deletedAt": {"is": "NOT_NULL"}}})").size(), 10u);
  (void)s;
}

// The GraphQL Date scalar hands DATE and DATE_TIME values over as epoch milliseconds: filters and
// writes take them as the instant they name.
TEST(StorageQueryFilters, DatesGivenAsEpochMilliseconds) {
  // 2020-05-01T00:00:00.000Z and 2019-01-01T00:00:00.000Z
  EXPECT_EQ(matching("pet", R"({"birthday": {"eq": 1588291200000}})"), V{"Rex"});
  EXPECT_EQ(matching("pet", R"({"birthday": {"gt": 1546300800000}})"), V{"Rex"});
  EXPECT_EQ(matching("person", R"({"createdAt": {"lt": 1546300800000}})"), V{});

  const auto& env = *seed().env;
  auto created = env.ok(create("pet", R"({"name": "Epoch", "birthday": 1583366400000})",
                               record({field("id"), field("birthday")}), false));
  EXPECT_EQ(created.at("birthday"), boost::json::value("2020-03-05"));
  EXPECT_EQ(env.sql("SELECT birthday::text FROM " + env.schema + ".pet WHERE name = 'Epoch'"),
            "2020-03-05");
  auto refused = env.error(
      create("pet", R"({"name": "Never", "birthday": 1e300})", record({field("id")}), false));
  EXPECT_EQ(refused.code, "BAD_USER_INPUT");
}
