// pool::guarded_query: a guard and a statement in one libpq pipeline (one round trip, one implicit
// transaction). A guard that raises keeps the statement from running, so nothing it writes
// commits; a guard that passes lets it commit; the connection and its prepared statements stay
// usable either way.
#include <gtest/gtest.h>

#include <future>

#include "pool_test_support.hpp"

namespace pg = cohort::storage::pg;
using namespace cohort::storage::testing;

namespace {

std::shared_ptr<pg::pool> one_connection_pool() {
  static auto pool = [] {
    auto options = shared_server_pool()->options();
    options.max_connections = 1;  // every call below reuses the same session
    return pg::pool::create(options);
  }();
  return pool;
}

pg::result guarded(pg::pool& pool, pg::statement guard, std::string sql, pg::params args) {
  std::promise<pg::result> done;
  auto future = done.get_future();
  pool.guarded_query(std::move(guard), std::move(sql), std::move(args),
                     [&done](pg::result r) { done.set_value(std::move(r)); });
  return future.get();
}

// Passes when $1 is 'ok', else raises CHST1 as the request gate's guard does.
pg::statement guard(std::string verdict) {
  return {"SELECT CASE WHEN $1::text = 'ok' THEN true ELSE pool_guard_fails() END",
          {std::move(verdict)}};
}

class PoolGuardedQuery : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto& pool = *one_connection_pool();
    auto made = pool.query_sync(
        "CREATE TABLE IF NOT EXISTS pool_guarded_note (id serial PRIMARY KEY, body text)", {},
        false);
    ASSERT_TRUE(made.ok()) << error_text(made);
    made = pool.query_sync(
        "CREATE OR REPLACE FUNCTION pool_guard_fails() RETURNS boolean LANGUAGE plpgsql STABLE AS "
        "$$ BEGIN RAISE EXCEPTION USING ERRCODE = 'CHST1', MESSAGE = 'standing changed'; END $$",
        {}, false);
    ASSERT_TRUE(made.ok()) << error_text(made);
  }
  static std::string count(const std::string& body) {
    auto r = one_connection_pool()->query_sync(
        "SELECT count(*) FROM pool_guarded_note WHERE body = $1", {body});
    return r.ok() ? std::string(r.get(0, 0)) : error_text(r);
  }
};

const char* const insert = "INSERT INTO pool_guarded_note (body) VALUES ($1) RETURNING body";

TEST_F(PoolGuardedQuery, APassingGuardLetsTheStatementCommit) {
  auto& pool = *one_connection_pool();
  auto r = guarded(pool, guard("ok"), insert, {"passed"});
  ASSERT_TRUE(r.ok()) << error_text(r);
  EXPECT_EQ(r.get(0, 0), "passed");  // the statement's result, not the guard's
  EXPECT_EQ(count("passed"), "1");
}

TEST_F(PoolGuardedQuery, AFailingGuardAbortsTheStatement) {
  auto& pool = *one_connection_pool();
  auto r = guarded(pool, guard("revoked"), insert, {"refused"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().sqlstate, pg::sqlstate::guard_failed);
  EXPECT_NE(r.error().message.find("standing changed"), std::string::npos) << r.error().message;
  EXPECT_EQ(count("refused"), "0");
  // The session is idle and its prepared statements are sound: the same texts run again, the
  // statement (whose Parse the aborted pipeline skipped) included.
  r = guarded(pool, guard("ok"), insert, {"after refusal"});
  ASSERT_TRUE(r.ok()) << error_text(r);
  EXPECT_EQ(count("after refusal"), "1");
  r = pool.query_sync(insert, {"plain"});
  ASSERT_TRUE(r.ok()) << error_text(r);
}

TEST_F(PoolGuardedQuery, AStatementErrorIsTheStatementsOwn) {
  auto& pool = *one_connection_pool();
  auto r = guarded(pool, guard("ok"), "SELECT 1 / $1::int", {"0"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().sqlstate, "22012");  // division_by_zero, not the guard's state
  r = guarded(pool, guard("ok"), "SELECT 1 / $1::int", {"1"});
  ASSERT_TRUE(r.ok()) << error_text(r);
  EXPECT_EQ(r.get(0, 0), "1");
}

}  // namespace
