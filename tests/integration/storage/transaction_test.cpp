// Several statements on one connection in one transaction: all or nothing.
#include <gtest/gtest.h>

#include "pool_test_support.hpp"

namespace pg = cohort::storage::pg;
using namespace cohort::storage::testing;

class Transactions : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    pool_ = shared_server_pool();
    auto conn = pool_->acquire_sync();
    auto made = conn.script_sync(
        "CREATE TABLE IF NOT EXISTS tx_record (id int PRIMARY KEY, name text NOT NULL);"
        "CREATE TABLE IF NOT EXISTS tx_outbox (record_id int, event text)");
    ASSERT_TRUE(made.ok()) << error_text(made);
  }
  static void TearDownTestSuite() { pool_.reset(); }

  static long count(const std::string& table, int id) {
    auto column = table == "tx_record" ? "id" : "record_id";
    auto rows = pool_->query_sync("SELECT count(*) FROM " + table + " WHERE " + column + " = $1",
                                  {std::to_string(id)});
    EXPECT_TRUE(rows.ok()) << error_text(rows);
    return std::stol(std::string(rows.get(0, 0)));
  }

  static std::shared_ptr<pg::pool> pool_;
};
std::shared_ptr<pg::pool> Transactions::pool_;

TEST_F(Transactions, CommitsARecordAndItsOutboxRowTogether) {
  auto outcome = pool_->transaction_sync({
      {"INSERT INTO tx_record (id, name) VALUES ($1, $2) RETURNING id, name", {"1", "Ada"}},
      {"INSERT INTO tx_outbox (record_id, event) VALUES ($1, $2)", {"1", "created"}},
  });
  ASSERT_TRUE(outcome.ok()) << pg::describe(*outcome.error);
  ASSERT_EQ(outcome.results.size(), 2u);
  EXPECT_EQ(outcome.results[0].get(0, 1), "Ada");
  EXPECT_EQ(outcome.results[1].affected_rows(), 1);
  EXPECT_EQ(count("tx_record", 1), 1);
  EXPECT_EQ(count("tx_outbox", 1), 1);
}

TEST_F(Transactions, AFailingStatementRollsBackTheEarlierOnes) {
  auto outcome = pool_->transaction_sync({
      {"INSERT INTO tx_record (id, name) VALUES ($1, $2)", {"2", "Grace"}},
      {"INSERT INTO tx_outbox (record_id, event) VALUES ($1, $2)", {"2", "created"}},
      {"INSERT INTO tx_record (id, name) VALUES ($1, $2)", {"3", std::nullopt}},  // NOT NULL
  });
  ASSERT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.error->sqlstate, "23502");
  EXPECT_EQ(outcome.failed_statement, 2);
  EXPECT_TRUE(outcome.results.empty());
  EXPECT_EQ(count("tx_record", 2), 0);
  EXPECT_EQ(count("tx_outbox", 2), 0);
}

TEST_F(Transactions, TheConnectionIsCleanAfterARollback) {
  auto options = options_for(cohort::testing::postgres_server::shared().conninfo());
  options.max_connections = 1;  // the next statement must reuse the same connection
  auto pool = pg::pool::create(options);
  auto failed = pool->transaction_sync({{"SELECT 1/0", {}}});
  ASSERT_FALSE(failed.ok());
  auto status = pool->query_sync("SELECT 1");
  EXPECT_TRUE(status.ok()) << error_text(status);  // not "current transaction is aborted"
}

TEST_F(Transactions, ALeaseEndingInsideATransactionIsRolledBack) {
  auto options = options_for(cohort::testing::postgres_server::shared().conninfo());
  options.max_connections = 1;
  auto pool = pg::pool::create(options);
  {
    auto conn = pool->acquire_sync();
    ASSERT_TRUE(conn);
    ASSERT_TRUE(conn.query_sync("BEGIN", {}, false).ok());
    ASSERT_TRUE(conn.query_sync("INSERT INTO tx_record (id, name) VALUES (4, 'left open')").ok());
  }  // dropped without COMMIT
  // One connection only: were the abandoned transaction still open, its own insert would show.
  auto seen = pool->query_sync("SELECT count(*) FROM tx_record WHERE id = 4");
  ASSERT_TRUE(seen.ok()) << error_text(seen);
  EXPECT_EQ(seen.get(0, 0), "0");
  EXPECT_EQ(count("tx_record", 4), 0);
}

TEST_F(Transactions, ConcurrentTransactionsDoNotInterleave) {
  std::vector<std::future<pg::transaction_result>> pending;
  for (int i = 10; i < 40; ++i) {
    auto promise = std::make_shared<std::promise<pg::transaction_result>>();
    pending.push_back(promise->get_future());
    pool_->transaction(
        {{"INSERT INTO tx_record (id, name) VALUES ($1, 'n')", {std::to_string(i)}},
         {"INSERT INTO tx_outbox (record_id, event) VALUES ($1, 'created')", {std::to_string(i)}},
         {"SELECT 1 / ($1::int % 3)", {std::to_string(i)}}},
        [promise](pg::transaction_result r) { promise->set_value(std::move(r)); });
  }
  for (int i = 10; i < 40; ++i) {
    auto outcome = pending[i - 10].get();
    bool should_fail = i % 3 == 0;
    EXPECT_EQ(outcome.ok(), !should_fail)
        << i << " " << (outcome.ok() ? "" : pg::describe(*outcome.error));
    EXPECT_EQ(count("tx_record", i), should_fail ? 0 : 1) << i;
    EXPECT_EQ(count("tx_outbox", i), should_fail ? 0 : 1) << i;
  }
}
