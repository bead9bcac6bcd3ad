// A node killed with SIGKILL while writes keep committing: after a restart (a new node, which
// takes the consumers over once the dead node's lease runs out) every committed outbox row is
// handed on — the durable consumer's position reaches the last row, in order, none skipped — and
// rows of rolled-back transactions never count.
#include <gtest/gtest.h>

#include <csignal>

#include "fixtures/cohort_server.hpp"
#include "relay_env.hpp"

using namespace cohort::testing;
using namespace cohort::testing::events;
using namespace std::chrono_literals;

TEST(RelayCrash, EveryCommittedRowIsHandedOnAfterAKill) {
  auto env = jobs_env::create("events_crash");
  temp_dir dir("cohort-relay-crash");
  auto options = [&] {
    return cohort_server::options{.args = {},
                                  .env = {{"PG_DATABASE_URL", env->conninfo}},
                                  .data_dir = (dir.path() / "data").string()};
  };
  auto first = std::make_unique<cohort_server>(options());
  ASSERT_TRUE(first->wait_ready()) << first->proc().output();

  std::atomic<bool> writing{true};
  std::atomic<int> committed{0};
  std::thread writer([&] {
    for (int n = 1; n <= 1000; ++n) {
      if (n % 10 == 0) {  // every tenth write rolls back
        auto rolled = env->pool->transaction_sync({{insert_sql(-n), {}}, {"SELECT 1/0", {}}});
        EXPECT_FALSE(rolled.ok());
        continue;
      }
      if (env->pool->query_sync(insert_sql(n)).ok()) committed.fetch_add(1);
    }
    writing = false;
  });
  ASSERT_TRUE(eventually([&] { return committed.load() >= 300; }));
  first->proc().signal(SIGKILL);
  first->proc().wait();
  first.reset();
  auto second = std::make_unique<cohort_server>(options());
  ASSERT_TRUE(second->wait_ready()) << second->proc().output();
  writer.join();
  EXPECT_EQ(committed.load(), 900);
  EXPECT_EQ(env->sql("SELECT count(*) FROM core.outbox WHERE (after->>'n')::int < 0"), "0");

  // The webhook fan-out is a durable consumer of every node: its position reaches the last row.
  ASSERT_TRUE(eventually(
      [&] {
        return env->sql(
                   "SELECT count(*) FROM core.event_consumer WHERE position = (SELECT "
                   "max(id) FROM core.outbox)") != "0";
      },
      60s))
      << env->sql("SELECT string_agg(name || '@' || position, ', ') FROM core.event_consumer");
  EXPECT_EQ(second->proc().stop(), 0);
}
