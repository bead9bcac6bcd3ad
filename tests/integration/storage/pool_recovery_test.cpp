// The pool survives lost connections: backends terminated by the server, and a server restart.
#include <gtest/gtest.h>

#include <thread>

#include "pool_test_support.hpp"

namespace pg = cohort::storage::pg;
using namespace cohort::storage::testing;
using namespace std::chrono_literals;

namespace {

int terminate_backends(cohort::testing::postgres_server& server, const std::string& app) {
  auto admin = pg::pool::create(options_for(server.conninfo()));
  auto killed = admin->query_sync(
      "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = $1",
      {app});
  EXPECT_TRUE(killed.ok()) << error_text(killed);
  return killed.ok() ? std::stoi(std::string(killed.get(0, 0))) : 0;
}

}  // namespace

TEST(PoolRecovery, IdleConnectionsKilledByTheServerAreReplaced) {
  auto& server = cohort::testing::postgres_server::shared();
  auto options = options_for(server.conninfo());
  options.application_name = "recovery-idle";
  auto pool = pg::pool::create(options);
  std::vector<std::future<pg::result>> warm;
  for (int i = 0; i < 3; ++i) warm.push_back(query_async(*pool, "SELECT pg_sleep(0.05)"));
  for (auto& f : warm) ASSERT_TRUE(f.get().ok());
  auto before = pool->stats().connects;
  ASSERT_GE(terminate_backends(server, "recovery-idle"), 1);
  std::this_thread::sleep_for(100ms);  // the pool notices the closed idle sockets
  for (int i = 0; i < 10; ++i) {
    auto outcome = pool->query_sync("SELECT 1");
    EXPECT_TRUE(outcome.ok()) << error_text(outcome);
  }
  EXPECT_GT(pool->stats().connects, before);
}

TEST(PoolRecovery, AStatementOnAKilledConnectionFailsClearlyAndTheNextOneWorks) {
  auto& server = cohort::testing::postgres_server::shared();
  auto options = options_for(server.conninfo());
  options.application_name = "recovery-busy";
  options.max_connections = 1;
  auto pool = pg::pool::create(options);
  ASSERT_TRUE(pool->query_sync("SELECT 1").ok());
  auto victim = query_async(*pool, "SELECT pg_sleep(5)");
  std::this_thread::sleep_for(100ms);
  ASSERT_EQ(terminate_backends(server, "recovery-busy"), 1);
  auto outcome = victim.get();
  ASSERT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.error().sqlstate, pg::sqlstate::admin_shutdown) << error_text(outcome);
  EXPECT_NE(outcome.error().message.find("terminating connection"), std::string::npos);
  auto next = pool->query_sync("SELECT 2");
  ASSERT_TRUE(next.ok()) << error_text(next);
  EXPECT_EQ(next.get(0, 0), "2");
}

TEST(PoolRecovery, QueriesAfterAServerRestartSucceed) {
  cohort::testing::postgres_server server;  // a private one: restarting it disturbs nobody
  auto pool = pg::pool::create(options_for(server.conninfo()));
  std::vector<std::future<pg::result>> warm;
  for (int i = 0; i < 3; ++i) warm.push_back(query_async(*pool, "SELECT pg_sleep(0.05)"));
  for (auto& f : warm) ASSERT_TRUE(f.get().ok());

  server.stop();
  auto while_down = pool->query_sync("SELECT 1");
  ASSERT_FALSE(while_down.ok());
  EXPECT_EQ(while_down.error().kind, pg::error_kind::connection) << error_text(while_down);

  server.start();
  for (int i = 0; i < 10; ++i) {
    auto outcome = pool->query_sync("SELECT $1::int", {std::to_string(i)});
    ASSERT_TRUE(outcome.ok()) << error_text(outcome);
    EXPECT_EQ(outcome.get(0, 0), std::to_string(i));
  }
}
