// Statements through the pool: bound parameters stored verbatim, NULLs, errors with SQLSTATE.
#include <gtest/gtest.h>

#include "pool_test_support.hpp"

namespace pg = cohort::storage::pg;
using namespace cohort::storage::testing;

class PoolQuery : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    pool_ = shared_server_pool();
    auto made = pool_->query_sync(
        "CREATE TABLE IF NOT EXISTS pool_query_note (id serial PRIMARY KEY, body text, "
        "score int, CONSTRAINT pool_query_note_body_key UNIQUE (body))");
    ASSERT_TRUE(made.ok()) << error_text(made);
  }
  static void TearDownTestSuite() { pool_.reset(); }
  static std::shared_ptr<pg::pool> pool_;
};
std::shared_ptr<pg::pool> PoolQuery::pool_;

TEST_F(PoolQuery, ReturnsRowsWithColumnNames) {
  auto rows = pool_->query_sync("SELECT $1::int + 1 AS answer, 'x' AS letter", {"41"});
  ASSERT_TRUE(rows.ok()) << error_text(rows);
  EXPECT_EQ(rows.rows(), 1);
  EXPECT_EQ(rows.columns(), 2);
  EXPECT_EQ(rows.column_name(0), "answer");
  EXPECT_EQ(rows.column_index("letter"), 1);
  EXPECT_EQ(rows.get(0, 0), "42");
  EXPECT_EQ(rows.get(0, 1), "x");
}

TEST_F(PoolQuery, SqlLookingParametersAreStoredVerbatim) {
  const std::string hostile = "'); DROP TABLE pool_query_note; --";
  auto inserted = pool_->query_sync(
      "INSERT INTO pool_query_note (body) VALUES ($1) RETURNING id, body", {hostile});
  ASSERT_TRUE(inserted.ok()) << error_text(inserted);
  EXPECT_EQ(inserted.affected_rows(), 1);
  EXPECT_EQ(inserted.get(0, 1), hostile);
  auto read = pool_->query_sync("SELECT body FROM pool_query_note WHERE id = $1",
                                {std::string(inserted.get(0, 0))});
  ASSERT_TRUE(read.ok()) << error_text(read);
  ASSERT_EQ(read.rows(), 1);
  EXPECT_EQ(read.get(0, 0), hostile);
}

TEST_F(PoolQuery, UnicodeAndControlCharactersRoundTrip) {
  const std::string text = "Zoë 🦊 日本語 \"quoted\" back\\slash\ttab\nnewline $1 %s";
  auto echoed = pool_->query_sync("SELECT $1::text, length($1::text)", {text});
  ASSERT_TRUE(echoed.ok()) << error_text(echoed);
  EXPECT_EQ(echoed.get(0, 0), text);
  EXPECT_EQ(echoed.get(0, 1), "47");  // characters, not bytes
}

TEST_F(PoolQuery, NullParametersAndNullColumns) {
  auto rows = pool_->query_sync("SELECT $1::text IS NULL, $1::text, ''::text", {std::nullopt});
  ASSERT_TRUE(rows.ok()) << error_text(rows);
  EXPECT_EQ(rows.get(0, 0), "t");
  EXPECT_TRUE(rows.is_null(0, 1));
  EXPECT_EQ(rows.get_optional(0, 1), std::nullopt);
  EXPECT_FALSE(rows.is_null(0, 2));  // an empty string is not NULL
  EXPECT_EQ(rows.get_optional(0, 2), std::optional<std::string_view>(""));
}

TEST_F(PoolQuery, UniqueViolationCarriesSqlstateConstraintAndDetail) {
  ASSERT_TRUE(pool_->query_sync("INSERT INTO pool_query_note (body) VALUES ('only once')").ok());
  auto again = pool_->query_sync("INSERT INTO pool_query_note (body) VALUES ($1)", {"only once"});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().kind, pg::error_kind::server);
  EXPECT_EQ(again.error().sqlstate, pg::sqlstate::unique_violation);
  EXPECT_EQ(again.error().constraint, "pool_query_note_body_key");
  EXPECT_NE(again.error().detail.find("only once"), std::string::npos) << again.error().detail;
}

TEST_F(PoolQuery, SyntaxAndRuntimeErrorsHaveTheirSqlstate) {
  auto syntax = pool_->query_sync("SELEC 1");
  ASSERT_FALSE(syntax.ok());
  EXPECT_EQ(syntax.error().sqlstate, "42601");
  auto division = pool_->query_sync("SELECT 1 / $1::int", {"0"});
  ASSERT_FALSE(division.ok());
  EXPECT_EQ(division.error().sqlstate, "22012");
  EXPECT_EQ(division.error().message, "division by zero");
  auto bad_input = pool_->query_sync("SELECT $1::int", {"not a number"});
  ASSERT_FALSE(bad_input.ok());
  EXPECT_EQ(bad_input.error().sqlstate, "22P02");
}

TEST_F(PoolQuery, AConnectionStaysUsableAfterAnError) {
  for (int i = 0; i < 20; ++i) {
    EXPECT_FALSE(pool_->query_sync("SELECT 1 / 0").ok());
    auto fine = pool_->query_sync("SELECT $1::int * 2", {std::to_string(i)});
    ASSERT_TRUE(fine.ok()) << error_text(fine);
    EXPECT_EQ(fine.get(0, 0), std::to_string(i * 2));
  }
}

TEST_F(PoolQuery, RepeatedStatementsAreNotPreparedAgain) {
  // The server counts prepared statements per session; a second run must not add one.
  auto conn = pool_->acquire_sync();
  ASSERT_TRUE(conn);
  const std::string sql = "SELECT $1::int + 100";
  ASSERT_TRUE(conn.query_sync(sql, {"1"}).ok());
  auto count = [&] {
    return std::string(
        conn.query_sync("SELECT count(*) FROM pg_prepared_statements", {}, false).get(0, 0));
  };
  auto before = count();
  auto second = conn.query_sync(sql, {"2"});
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second.get(0, 0), "102");
  EXPECT_EQ(count(), before);
}

TEST_F(PoolQuery, StatementsSeeTableChangesAfterTheyWerePrepared) {
  ASSERT_TRUE(pool_->query_sync("CREATE TABLE pool_query_shape (a int)").ok());
  ASSERT_TRUE(pool_->query_sync("INSERT INTO pool_query_shape VALUES (1)").ok());
  auto conn = pool_->acquire_sync();
  auto first = conn.query_sync("SELECT * FROM pool_query_shape");
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first.columns(), 1);
  // A field added at run time (workspace metadata) changes the shape of SELECT *.
  ASSERT_TRUE(conn.query_sync("ALTER TABLE pool_query_shape ADD COLUMN b text", {}, false).ok());
  auto second = conn.query_sync("SELECT * FROM pool_query_shape");
  ASSERT_TRUE(second.ok()) << error_text(second);
  EXPECT_EQ(second.columns(), 2);
}

TEST_F(PoolQuery, ScriptsRunSeveralStatements) {
  auto conn = pool_->acquire_sync();
  auto last = conn.script_sync(
      "CREATE TEMP TABLE pool_query_script (n int); INSERT INTO pool_query_script VALUES (1), "
      "(2); SELECT sum(n) FROM pool_query_script");
  ASSERT_TRUE(last.ok()) << error_text(last);
  EXPECT_EQ(last.get(0, 0), "3");
}

TEST_F(PoolQuery, CallbacksRunOnThePoolThreadNotTheCaller) {
  auto caller = std::this_thread::get_id();
  std::promise<std::thread::id> ran_on;
  pool_->query("SELECT 1", {},
               [&ran_on](pg::result) { ran_on.set_value(std::this_thread::get_id()); });
  EXPECT_NE(ran_on.get_future().get(), caller);
}

TEST_F(PoolQuery, BlockingCallsOnAPoolThreadFailInsteadOfDeadlocking) {
  std::promise<pg::result> nested;
  auto pool = pool_;
  pool_->query("SELECT 1", {},
               [pool, &nested](pg::result) { nested.set_value(pool->query_sync("SELECT 2")); });
  auto outcome = nested.get_future().get();
  ASSERT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.error().kind, pg::error_kind::usage);
}

TEST_F(PoolQuery, StatsCountQueriesAndErrors) {
  auto before = pool_->stats();
  EXPECT_TRUE(pool_->query_sync("SELECT 1").ok());
  EXPECT_FALSE(pool_->query_sync("SELECT 1/0").ok());
  auto after = pool_->stats();
  EXPECT_EQ(after.total_queries - before.total_queries, 2u);
  EXPECT_EQ(after.errors - before.errors, 1u);
  EXPECT_GE(after.open, 1u);
  EXPECT_EQ(after.waiting, 0u);
}
