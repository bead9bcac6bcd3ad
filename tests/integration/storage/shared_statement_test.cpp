// pg::shared_statements: identical statements waiting for a connection run once for all of their
// callers; a caller never joins a statement already sent (its answer could predate the caller).
#include <gtest/gtest.h>

#include <future>
#include <thread>

#include "pool_test_support.hpp"
#include "storage/pg/shared_statement.hpp"

namespace pg = cohort::storage::pg;
using namespace cohort::storage::testing;
using namespace std::chrono_literals;
using cohort::testing::postgres_server;

namespace {

// The value of the statement's single cell, or its error.
std::string first_cell(pg::result r) {
  return r.ok() ? std::string(r.get(0, 0)) : "error: " + error_text(r);
}

struct runner {
  pg::pool& pool;
  pg::shared_statements<std::string> shared;

  std::future<std::string> run(std::string key, std::string sql) {
    auto promise = std::make_shared<std::promise<std::string>>();
    auto answer = promise->get_future();
    shared.run(pool, std::move(key), std::move(sql), {}, first_cell,
               [promise](const std::string& value) { promise->set_value(value); });
    return answer;
  }
};

void make_sequence(pg::pool& pool, const std::string& name) {
  auto dropped = pool.query_sync("DROP SEQUENCE IF EXISTS " + name, {}, false);
  ASSERT_TRUE(dropped.ok()) << error_text(dropped);
  auto made = pool.query_sync("CREATE SEQUENCE " + name, {}, false);
  ASSERT_TRUE(made.ok()) << error_text(made);
}

}  // namespace

TEST(SharedStatements, CallersWaitingForAConnectionShareOneExecution) {
  auto options = options_for(postgres_server::shared().conninfo());
  options.max_connections = 1;
  auto pool = pg::pool::create(options);
  make_sequence(*pool, "shared_statement_seq_a");
  auto busy = query_async(*pool, "SELECT pg_sleep(0.3)");  // holds the only connection
  std::this_thread::sleep_for(50ms);
  runner r{*pool, {}};
  const std::string next = "SELECT nextval('shared_statement_seq_a')";
  std::vector<std::future<std::string>> same;
  for (int i = 0; i < 5; ++i) same.push_back(r.run("a", next));
  auto other = r.run("b", next);  // another key: its own statement
  ASSERT_TRUE(busy.get().ok());
  std::vector<std::string> values;
  for (auto& f : same) values.push_back(f.get());
  EXPECT_EQ(values, std::vector<std::string>(5, values.front()));
  EXPECT_NE(other.get(), values.front());
  // Two executions in all: the sequence moved twice.
  EXPECT_EQ(first_cell(pool->query_sync("SELECT last_value FROM shared_statement_seq_a")), "2");
}

TEST(SharedStatements, ACallerNeverJoinsAStatementAlreadySent) {
  auto options = options_for(postgres_server::shared().conninfo());
  options.max_connections = 2;
  auto pool = pg::pool::create(options);
  make_sequence(*pool, "shared_statement_seq_b");  // leaves one connection open and idle
  runner r{*pool, {}};
  // The first statement gets the idle connection at once and is running when the second caller
  // comes.
  auto first = r.run("k", "SELECT nextval('shared_statement_seq_b') FROM pg_sleep(0.3)");
  std::this_thread::sleep_for(150ms);
  auto second = r.run("k", "SELECT nextval('shared_statement_seq_b') FROM pg_sleep(0.3)");
  EXPECT_EQ(first.get(), "1");
  EXPECT_EQ(second.get(), "2");
}

TEST(SharedStatements, EveryCallerHearsTheFailure) {
  auto options = options_for(postgres_server::shared().conninfo());
  options.max_connections = 1;
  auto pool = pg::pool::create(options);
  auto busy = query_async(*pool, "SELECT pg_sleep(0.2)");
  std::this_thread::sleep_for(50ms);
  runner r{*pool, {}};
  auto one = r.run("bad", "SELECT no_such_column FROM pg_class");
  auto two = r.run("bad", "SELECT no_such_column FROM pg_class");
  ASSERT_TRUE(busy.get().ok());
  EXPECT_EQ(one.get().rfind("error: ", 0), 0u);
  EXPECT_EQ(two.get().rfind("error: ", 0), 0u);
}
