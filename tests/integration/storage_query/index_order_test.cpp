// DATE_TIME columns are timestamptz(3), so the compiler orders and pages on the column itself:
// on 10,000 people, EXPLAIN of findMany ordered by createdAt (with an index on it, as a workspace
// would add) and by position (the DDL's own position index) reads the index, for the first page
// and for a keyset page after a cursor, instead of sorting the table. And a filtered page keeps
// PostgreSQL's cached generic plan instead of being planned on every execution.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "query_env.hpp"
#include "storage/query/compile.hpp"

using namespace cohort::testing::query;

namespace {

struct indexed_people {
  std::unique_ptr<query_env> env = query_env::create("sq_index_order");

  indexed_people() {
    env->sql("INSERT INTO \"" + env->schema +
             "\".person (\"nameFirstName\", \"createdAt\", position) SELECT 'P' || i, "
             "timestamptz '2025-01-01' + i * interval '1 minute 0.001 second', i FROM "
             "generate_series(1, 10000) i");
    env->sql("CREATE INDEX \"IDX_person_createdAt_test\" ON \"" + env->schema +
             "\".person (\"createdAt\")");
    env->sql("ANALYZE \"" + env->schema + "\".person");
  }

  // findMany first 20 (ids, pageInfo, no totalCount: a count reads every row by nature).
  model::record_query first_page(std::string_view order, std::string after = {}) const {
    auto page_request = page("{}", order);
    page_request.first = 20;
    if (!after.empty()) page_request.after = std::move(after);
    auto c = paged(record({field("id")}), std::move(page_request));
    std::erase_if(c.items, [](const auto& item) { return item.key == "totalCount"; });
    return find_many("person", std::move(c));
  }

  std::string plan(const model::record_query& q) const {
    auto compiled = cohort::storage::query::compile(q, *env->model);
    const auto* statement = std::get_if<cohort::storage::query::compiled_statement>(&compiled);
    if (statement == nullptr) {
      ADD_FAILURE() << "not compiled";
      return {};
    }
    auto r = env->pool->query_sync("EXPLAIN " + statement->sql, statement->params, false);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : pg::describe(r.error()));
    std::string out;
    for (int i = 0; r.ok() && i < r.rows(); ++i) out += std::string(r.get(i, 0)) + "\n";
    return out;
  }

  // How many of `runs` executions of the compiled statement, prepared as the pool prepares every
  // record statement (once per connection), ran on PostgreSQL's generic plan instead of being
  // planned again.
  int generic_executions(const model::record_query& q, int runs) const {
    auto compiled = cohort::storage::query::compile(q, *env->model);
    const auto* statement = std::get_if<cohort::storage::query::compiled_statement>(&compiled);
    if (statement == nullptr) {
      ADD_FAILURE() << "not compiled";
      return -1;
    }
    auto session = env->pool->acquire_sync();
    session.discard();  // it holds a prepared statement of its own
    auto prepared = session.query_sync("PREPARE page AS " + statement->sql, {}, false);
    EXPECT_TRUE(prepared.ok()) << (prepared.ok() ? "" : pg::describe(prepared.error()));
    std::string args;
    for (const auto& p : statement->params) {
      args += args.empty() ? "" : ", ";
      args += p ? "'" + *p + "'" : "NULL";  // the tests' values hold no quote
    }
    for (int i = 0; i < runs; ++i) {
      auto r =
          session.query_sync("EXECUTE page" + (args.empty() ? "" : "(" + args + ")"), {}, false);
      EXPECT_TRUE(r.ok()) << (r.ok() ? "" : pg::describe(r.error()));
    }
    auto used = session.query_sync(
        "SELECT generic_plans FROM pg_prepared_statements WHERE name = 'page'", {}, false);
    return used.ok() && used.rows() == 1 ? std::stoi(std::string(used.get(0, 0))) : -1;
  }
};

}  // namespace

TEST(StorageQueryIndexOrder, CreatedAtAndPositionOrdersReadTheirIndex) {
  indexed_people people;
  for (const char* direction : {"AscNullsFirst", "DescNullsLast"}) {
    const std::string order = std::string(R"([{"createdAt": ")") + direction + "\"}]";
    auto first = people.env->ok(people.first_page(order));
    ASSERT_EQ(edge_ids(first).size(), 20u) << first;
    const auto plan = people.plan(people.first_page(order));
    EXPECT_NE(plan.find("IDX_person_createdAt_test"), std::string::npos) << plan;
    EXPECT_EQ(plan.find("Seq Scan"), std::string::npos) << plan;

    // The next page: the cursor's createdAt is compared to the column, in the index condition.
    const std::string cursor(first.at("pageInfo").at("endCursor").as_string());
    const auto next = people.plan(people.first_page(order, cursor));
    EXPECT_NE(next.find("Index Cond"), std::string::npos) << next;
    EXPECT_NE(next.find("IDX_person_createdAt_test"), std::string::npos) << next;
    EXPECT_EQ(next.find("Seq Scan"), std::string::npos) << next;
  }
  const auto by_position = people.plan(people.first_page(R"([{"position": "AscNullsFirst"}])"));
  EXPECT_NE(by_position.find("IDX_POSITION"), std::string::npos) << by_position;
  EXPECT_EQ(by_position.find("Seq Scan"), std::string::npos) << by_position;
}

TEST(StorageQueryIndexOrder, ValuesAreStoredAndPagedAtMilliseconds) {
  indexed_people people;
  EXPECT_EQ(people.env->sql("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE "
                            "attrelid = '\"" +
                            people.env->schema + "\".person'::regclass AND attname = 'createdAt'"),
            "timestamp(3) with time zone");
  // A microsecond value is rounded when written.
  EXPECT_EQ(people.env->sql("UPDATE \"" + people.env->schema +
                            "\".person SET \"createdAt\" = '2030-01-01 00:00:00.123789+00' WHERE "
                            "position = 1 RETURNING to_char(\"createdAt\" AT TIME ZONE 'UTC', "
                            "'HH24:MI:SS.US')"),
            "00:00:00.124000");
  // Paging forwards through every row by createdAt (50 a page) sees each row once.
  std::string after;
  std::size_t seen = 0;
  std::set<std::string> distinct;
  for (int pages = 0; pages < 600 && seen < 10000; ++pages) {
    auto q = people.first_page(R"([{"createdAt": "AscNullsFirst"}])", after);
    q.connection.page.first = 50;
    auto page = people.env->ok(q);
    const auto ids = edge_ids(page);
    seen += ids.size();
    distinct.insert(ids.begin(), ids.end());
    if (!page.at("pageInfo").at("hasNextPage").as_bool()) break;
    after = std::string(page.at("pageInfo").at("endCursor").as_string());
  }
  EXPECT_EQ(seen, 10000u);
  EXPECT_EQ(distinct.size(), 10000u);
}

// The page size is part of the statement's text, not a parameter: with `LIMIT $n` the generic
// plan cannot know the page is small, so PostgreSQL planned the prepared statement again on every
// execution (bench/records' findMany spent 100 µs of its 235 there).
TEST(StorageQueryIndexOrder, AFilteredPageRunsOnTheCachedGenericPlan) {
  indexed_people people;
  // bench/records' list: people of one city (of 20) by position, on an index made for it.
  const std::string table = "\"" + people.env->schema + "\".person";
  people.env->sql("UPDATE " + table + " SET city = 'C' || (position::int % 20)");
  people.env->sql("CREATE INDEX person_city_position_test ON " + table + " (city, position, id)");
  people.env->sql("ANALYZE " + table);
  auto q = people.first_page(R"([{"position": "AscNullsFirst"}])");
  q.connection.page.filter = json(R"({"city": {"eq": "C3"}})").as_object();
  // PostgreSQL tries five custom plans, then keeps the generic one when it is no worse.
  EXPECT_GE(people.generic_executions(q, 10), 4);
}
