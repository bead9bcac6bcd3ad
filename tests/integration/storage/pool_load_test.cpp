// The pool under load: bounded connections, queueing, queue overflow, statement timeout, callers
// never blocked, shutdown.
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "pool_test_support.hpp"

namespace pg = cohort::storage::pg;
using namespace cohort::storage::testing;
using namespace std::chrono_literals;
using cohort::testing::postgres_server;

namespace {

std::chrono::milliseconds elapsed_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                               start);
}

}  // namespace

TEST(PoolLoad, RequestsBeyondMaxConnectionsWaitAndAllComplete) {
  auto options = options_for(postgres_server::shared().conninfo());
  options.max_connections = 2;
  auto pool = pg::pool::create(options);
  auto start = std::chrono::steady_clock::now();
  std::vector<std::future<pg::result>> pending;
  for (int i = 0; i < 6; ++i) {
    pending.push_back(query_async(*pool, "SELECT pg_sleep(0.2), $1::int", {std::to_string(i)}));
  }
  std::this_thread::sleep_for(50ms);
  auto busy = pool->stats();
  EXPECT_EQ(busy.in_use, 2u);
  EXPECT_EQ(busy.waiting, 4u);
  for (int i = 0; i < 6; ++i) {
    auto outcome = pending[i].get();
    ASSERT_TRUE(outcome.ok()) << error_text(outcome);
    EXPECT_EQ(outcome.get(0, 1), std::to_string(i));
  }
  // Six 200 ms statements on two connections: three rounds, never more than two at a time.
  auto took = elapsed_since(start);
  EXPECT_GE(took, 600ms);
  EXPECT_LT(took, 3000ms);
  auto after = pool->stats();
  EXPECT_EQ(after.open, 2u);
  EXPECT_EQ(after.waiting, 0u);
  EXPECT_EQ(after.in_use, 0u);
  EXPECT_EQ(after.idle, 2u);
}

TEST(PoolLoad, QueueOverflowFailsAtOnceWithQueueFull) {
  auto options = options_for(postgres_server::shared().conninfo());
  options.max_connections = 1;
  options.max_queue = 2;
  auto pool = pg::pool::create(options);
  std::vector<std::future<pg::result>> pending;
  for (int i = 0; i < 5; ++i) pending.push_back(query_async(*pool, "SELECT pg_sleep(0.3)"));
  // One runs, two wait, two overflow: the overflowing ones are answered long before 300 ms.
  for (int i = 3; i < 5; ++i) {
    ASSERT_EQ(pending[i].wait_for(200ms), std::future_status::ready) << i;
    auto outcome = pending[i].get();
    ASSERT_FALSE(outcome.ok());
    EXPECT_EQ(outcome.error().kind, pg::error_kind::queue_full);
    EXPECT_EQ(outcome.error().sqlstate, "53000");
  }
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(pending[i].get().ok()) << i;
}

TEST(PoolLoad, QueryNeverBlocksTheCallingThread) {
  auto options = options_for(postgres_server::shared().conninfo());
  options.max_connections = 1;
  auto pool = pg::pool::create(options);
  std::atomic<int> done{0};
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 3; ++i) {
    pool->query("SELECT pg_sleep(0.2)", {}, [&done](pg::result) { done++; });
  }
  EXPECT_LT(elapsed_since(start), 100ms);  // 600 ms of work queued, none of it waited for here
  while (done < 3) std::this_thread::sleep_for(10ms);
}

TEST(PoolLoad, StatementTimeoutCancelsLongStatements) {
  auto options = options_for(postgres_server::shared().conninfo());
  options.statement_timeout = 200ms;
  auto pool = pg::pool::create(options);
  auto start = std::chrono::steady_clock::now();
  auto slow = pool->query_sync("SELECT pg_sleep(5)");
  ASSERT_FALSE(slow.ok());
  EXPECT_EQ(slow.error().sqlstate, pg::sqlstate::query_canceled);
  EXPECT_LT(elapsed_since(start), 3000ms);
  auto setting = pool->query_sync("SHOW statement_timeout");
  ASSERT_TRUE(setting.ok());
  EXPECT_EQ(setting.get(0, 0), "200ms");
  EXPECT_TRUE(pool->query_sync("SELECT pg_sleep(0.01)").ok());  // the connection lives on
}

TEST(PoolLoad, SessionSettingsApplyToEveryConnection) {
  auto options = options_for(postgres_server::shared().conninfo());
  options.session_settings = {{"search_path", "pg_catalog"}, {"application_name", "cohort-test"}};
  auto pool = pg::pool::create(options);
  auto shown = pool->query_sync(
      "SELECT current_setting('search_path'), "
      "current_setting('application_name')");
  ASSERT_TRUE(shown.ok()) << error_text(shown);
  EXPECT_EQ(shown.get(0, 0), "pg_catalog");
  EXPECT_EQ(shown.get(0, 1), "cohort-test");
}

TEST(PoolLoad, ConnectionsOpenLazilyAndAreReused) {
  auto options = options_for(postgres_server::shared().conninfo());
  options.max_connections = 8;
  auto pool = pg::pool::create(options);
  EXPECT_EQ(pool->stats().open, 0u);
  for (int i = 0; i < 50; ++i) ASSERT_TRUE(pool->query_sync("SELECT 1").ok());
  EXPECT_EQ(pool->stats().open, 1u);  // sequential queries need one connection
  EXPECT_EQ(pool->stats().connects, 1u);
}

TEST(PoolLoad, ShutdownFailsQueuedWorkAndRefusesNewWork) {
  auto options = options_for(postgres_server::shared().conninfo());
  options.max_connections = 1;
  auto pool = pg::pool::create(options);
  auto running = query_async(*pool, "SELECT pg_sleep(0.3)");
  std::this_thread::sleep_for(50ms);
  auto queued = query_async(*pool, "SELECT 1");
  pool->shutdown();
  auto queued_outcome = queued.get();
  ASSERT_FALSE(queued_outcome.ok());
  EXPECT_EQ(queued_outcome.error().kind, pg::error_kind::shut_down);
  EXPECT_TRUE(running.get().ok());  // what was already running completes
  auto later = pool->query_sync("SELECT 1");
  ASSERT_FALSE(later.ok());
  EXPECT_EQ(later.error().kind, pg::error_kind::shut_down);
}

TEST(PoolLoad, UnreachableServerIsAConnectionError) {
  cohort::testing::temp_dir empty;
  auto pool = pg::pool::create(options_for("host=" + empty.path().string() + " port=5432 user=x"));
  auto outcome = pool->query_sync("SELECT 1");
  ASSERT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.error().kind, pg::error_kind::connection);
  EXPECT_EQ(outcome.error().sqlstate, pg::sqlstate::unable_to_connect);
  EXPECT_NE(outcome.error().message.find(empty.path().string()), std::string::npos)
      << outcome.error().message;
}

TEST(PoolLoad, ManyConcurrentCallersFromManyThreads) {
  auto options = options_for(postgres_server::shared().conninfo());
  options.max_connections = 4;
  options.threads = 2;
  auto pool = pg::pool::create(options);
  std::atomic<int> ok{0}, wrong{0};
  std::vector<std::thread> callers;
  for (int t = 0; t < 4; ++t) {
    callers.emplace_back([&, t] {
      for (int i = 0; i < 250; ++i) {
        auto value = std::to_string(t * 1000 + i);
        auto outcome = query_async(*pool, "SELECT $1::text", {value}).get();
        (outcome.ok() && outcome.get(0, 0) == value ? ok : wrong)++;
      }
    });
  }
  for (auto& caller : callers) caller.join();
  EXPECT_EQ(ok, 1000);
  EXPECT_EQ(wrong, 0);
  EXPECT_LE(pool->stats().open, 4u);
}

TEST(PoolLoad, ConnectTimeoutEndsAConnectionAttemptThatHangs) {
  // A loopback socket that listens but never answers: the TCP connect succeeds, the PostgreSQL
  // start-up reply never comes.
  int silent = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  ASSERT_EQ(bind(silent, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  ASSERT_EQ(listen(silent, 8), 0);
  ASSERT_EQ(getsockname(silent, reinterpret_cast<sockaddr*>(&addr), &len), 0);
  auto options = options_for("host=127.0.0.1 port=" + std::to_string(ntohs(addr.sin_port)) +
                             " sslmode=disable user=postgres");
  options.connect_timeout = 300ms;
  auto pool = pg::pool::create(options);
  auto start = std::chrono::steady_clock::now();
  auto outcome = pool->query_sync("SELECT 1");
  auto took = elapsed_since(start);
  close(silent);
  ASSERT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.error().kind, pg::error_kind::connection);
  EXPECT_NE(outcome.error().message.find("timed out"), std::string::npos) << error_text(outcome);
  EXPECT_GE(took, 250ms);
  EXPECT_LT(took, 3000ms);
}
