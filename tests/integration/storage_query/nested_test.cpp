// Nested relations both ways (many-to-one records, one-to-many connections with their own order,
// paging and totalCount), aggregates, findOne, and the one-statement-per-root-field guarantee.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "seed.hpp"
#include "storage/events/outbox_doorbell.hpp"
#include "storage/query/sql_text.hpp"

using namespace cohort::testing::query;
using V = std::vector<std::string>;

namespace {

model::aggregate_item agg(std::string key, std::string op, std::string field = {},
                          std::string sub = {}) {
  return {std::move(key), std::move(op), std::move(field), std::move(sub)};
}

}  // namespace

TEST(StorageQueryNested, CompaniesWithTheirPeopleConnection) {
  auto people = paged(record({field("id"), composite("name", {"firstName", "lastName"})}),
                      page("{}", R"([{"name": {"firstName": "AscNullsFirst"}}])"));
  auto companies = paged(record({field("id"), field("name"), connection("people", people)}),
                         page("{}", R"([{"name": "AscNullsFirst"}])"));
  auto result = seed().env->ok(find_many("company", companies));
  const auto& edges = result.at("edges").as_array();
  ASSERT_EQ(edges.size(), 4u);
  std::vector<V> nested;
  std::vector<std::int64_t> totals;
  for (const auto& e : edges) {
    nested.push_back(names(e.at("node").at("people")));
    totals.push_back(e.at("node").at("people").at("totalCount").as_int64());
  }
  EXPECT_EQ(
      nested,
      (std::vector<V>{
          {"Alice Martin", "Bob Durand"}, {"Chloe Bernard", "David Petit"}, {"Emma Robert"}, {}}));
  EXPECT_EQ(totals, (std::vector<std::int64_t>{2, 2, 1, 0}));

  // The nested connection pages on its own: first 1 per company, with its own pageInfo.
  people.page.first = 1;
  companies = paged(record({field("name"), connection("people", people)}),
                    page("{}", R"([{"name": "AscNullsFirst"}])"));
  result = seed().env->ok(find_many("company", companies));
  const auto& acme = result.at("edges").as_array().at(0).at("node").at("people");
  EXPECT_EQ(names(acme), V{"Alice Martin"});
  EXPECT_TRUE(acme.at("pageInfo").at("hasNextPage").as_bool());
  EXPECT_EQ(acme.at("totalCount"), 2);
  // Nested filters combine with the parent link.
  auto engineers = paged(record({field("id"), composite("name", {"firstName", "lastName"})}),
                         page(R"({"jobTitle": {"ilike": "%engineer%"}})"));
  companies = paged(record({field("name"), connection("people", engineers)}),
                    page(R"({"name": {"eq": "Acme Corp"}})"));
  result = seed().env->ok(find_many("company", companies));
  EXPECT_EQ(names(result.at("edges").as_array().at(0).at("node").at("people")), V{"Alice Martin"});
}

TEST(StorageQueryNested, FindOneWithManyToOneAndTypename) {
  const auto& s = seed();
  model::projection_item type_name;
  type_name.k = model::projection_item::kind::typename_;
  type_name.key = "__typename";
  type_name.type_name = "Person";
  auto alias = field("city", "town");
  auto q = find_one(
      "person", R"({"id": {"eq": ")" + s.person.at("Alice Martin") + "\"}}",
      record({type_name, field("id"), alias, field("companyId"),
              composite("name", {"firstName", "lastName"}),
              relation("company", record({field("name"), field("employees"),
                                          composite("domainName", {"primaryLinkUrl"})}))}));
  EXPECT_EQ(s.env->ok(q), json(R"({"__typename": "Person", "id": ")" + s.person.at("Alice Martin") +
                               R"(", "town": "Paris", "companyId": ")" + s.company.at("Acme Corp") +
                               R"(", "name": {"firstName": "Alice", "lastName": "Martin"},
                               "company": {"name": "Acme Corp", "employees": 250,
                                           "domainName": {"primaryLinkUrl": "https://acme.example"}}})"));

  // No company: the relation is null.
  q.connection.page.filter =
      json(R"({"id": {"eq": ")" + s.person.at("Farid Richard") + "\"}}").as_object();
  EXPECT_TRUE(s.env->ok(q).at("company").is_null());

  auto missing = find_one("person", R"({"id": {"eq": "00000000-0000-4000-8000-000000000000"}})",
                          record({field("id")}));
  auto e = s.env->error(missing);
  EXPECT_EQ(e.code, "NOT_FOUND");
  EXPECT_EQ(e.message, "Record not found");
  EXPECT_EQ(e.sub_code, "RECORD_NOT_FOUND");
  EXPECT_EQ(e.user_friendly_message, "An error occurred.");
}

TEST(StorageQueryNested, SelectionsWiderThanOneJsonBuildObjectCall) {
  const auto& s = seed();
  std::vector<model::projection_item> items;
  for (std::size_t i = 0; i < 120; ++i) {
    items.push_back(field(i % 2 ? "city" : "id", cohort::storage::query::numbered("k", i)));
  }
  auto result = s.env->ok(
      find_one("person", R"({"id": {"eq": ")" + s.person.at("Bob Durand") + "\"}}", record(items)));
  ASSERT_TRUE(result.is_object());
  const auto& object = result.as_object();
  ASSERT_EQ(object.size(), 120u);
  EXPECT_EQ(object.begin()->key(), "k0");
  EXPECT_EQ(object.at("k119"), "Lyon");
  EXPECT_EQ(object.at("k118").as_string(), s.person.at("Bob Durand"));
}

TEST(StorageQueryNested, OneStatementPerRootField) {
  const auto& env = *seed().env;
  auto people = paged(record({field("id"), relation("company", record({field("name")}))}));
  auto companies = paged(record({field("name"), connection("people", people)}));
  // The seed's writes ring the relays' doorbell (one statement each, after their answer).
  for (int i = 0; i < 500 && !cohort::storage::events::outbox_doorbell_idle(*env.pool); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  const auto before = env.pool->stats().total_queries;
  auto result = env.ok(find_many("company", companies));
  const auto after = env.pool->stats().total_queries;
  EXPECT_EQ(after - before, 1u);
  EXPECT_EQ(result.at("edges").as_array().size(), 4u);
}

TEST(StorageQueryAggregates, CountsSumsAveragesAndExtremes) {
  const auto& env = *seed().env;
  auto result = env.ok(find_many(
      "company",
      aggregates({agg("totalCount", "totalCount"), agg("sumEmployees", "sum", "employees"),
                  agg("avgEmployees", "avg", "employees"), agg("minEmployees", "min", "employees"),
                  agg("maxEmployees", "max", "employees"),
                  agg("countEmptyEmployees", "countEmpty", "employees"),
                  agg("countNotEmptyEmployees", "countNotEmpty", "employees"),
                  agg("percentageEmptyEmployees", "percentageEmpty", "employees"),
                  agg("countUniqueValuesName", "countUniqueValues", "name"),
                  agg("countTrueIdealCustomerProfile", "countTrue", "idealCustomerProfile"),
                  agg("countFalseIdealCustomerProfile", "countFalse", "idealCustomerProfile"),
                  agg("sumAnnualRecurringRevenueAmountMicros", "sum", "annualRecurringRevenue",
                      "amountMicros"),
                  agg("countEmptyDomainName", "countEmpty", "domainName")})));
  EXPECT_EQ(result,
            json(R"({"totalCount": 4, "sumEmployees": 302, "avgEmployees": 100.66666666666667,
      "minEmployees": 12, "maxEmployees": 250, "countEmptyEmployees": 1,
      "countNotEmptyEmployees": 3, "percentageEmptyEmployees": 0.25,
      "countUniqueValuesName": 4, "countTrueIdealCustomerProfile": 1,
      "countFalseIdealCustomerProfile": 3, "sumAnnualRecurringRevenueAmountMicros": 5000000000000,
      "countEmptyDomainName": 1})"));

  // Aggregates follow the filter, not the page; dates come back as Twenty's ISO strings.
  auto p = page(R"({"city": {"eq": "Paris"}})");
  p.first = 1;
  auto people = env.ok(find_many("person", aggregates({agg("totalCount", "totalCount"),
                                                       agg("minCreatedAt", "min", "createdAt"),
                                                       agg("countEmptyCity", "countEmpty", "city")},
                                                      p)));
  EXPECT_EQ(people.at("totalCount"), 3);
  EXPECT_EQ(people.at("countEmptyCity"), 0);
  EXPECT_EQ(people.at("minCreatedAt").as_string().size(), 24u);

  auto e = env.error(find_many("company", aggregates({agg("avgName", "avg", "name")})));
  EXPECT_EQ(e.code, "BAD_USER_INPUT");
}
