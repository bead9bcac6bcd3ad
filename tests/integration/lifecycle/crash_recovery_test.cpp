// A hard deletion whose node dies midway (kill -9 while the schema is being dropped) is finished
// by the next node: the job's claim expires, the job runs again, and each step of the deletion is
// safe to repeat.
#include <gtest/gtest.h>

#include <csignal>

#include "lifecycle_env.hpp"

namespace {

namespace lc = cohort::testing::lifecycle;
using cohort::testing::cohort_server;
using cohort::testing::run_cohort;
using cohort::testing::two_workspaces;

TEST(HardDeletionCrash, AJobInterruptedByAKilledNodeIsFinishedAfterRestart) {
  two_workspaces ws("lifecycle_crash");
  cohort::storage::pg::pool_options o;
  o.conninfo = ws.server_env().at("PG_DATABASE_URL");
  auto pool = cohort::storage::pg::pool::create(o);
  const auto& victim = ws.b;
  ASSERT_FALSE(victim.schema.empty());
  lc::wait_events_handled(*pool);
  const auto rows_of_a = lc::rows_of(*pool, ws.a.id);

  // A reader holds a table of the victim's schema: the deletion's DROP SCHEMA waits for it, in
  // the middle of the job (the first transaction, taking the workspace out of use, has committed).
  auto reader = pool->acquire_sync();
  ASSERT_TRUE(reader);
  ASSERT_TRUE(reader.query_sync("BEGIN", {}, false).ok());
  ASSERT_TRUE(reader
                  .query_sync("LOCK TABLE \"" + victim.schema + "\".company IN ACCESS SHARE MODE",
                              {}, false)
                  .ok());

  auto queued = run_cohort({"workspace", "delete", victim.id, "--hard", "--no-wait"},
                           {{"PG_DATABASE_URL", o.conninfo}});
  ASSERT_EQ(queued.status, 0) << queued.err;
  const std::string prefix = "workspace " + victim.id + ": hard deletion queued as job ";
  ASSERT_EQ(queued.out.rfind(prefix, 0), 0u) << queued.out;
  const std::string job = queued.out.substr(prefix.size(), queued.out.size() - prefix.size() - 1);

  EXPECT_EQ(lc::wait_for_value(*pool,
                               "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = "
                               "'Lock' AND query LIKE 'DROP SCHEMA%'",
                               "1"),
            "1");
  EXPECT_EQ(
      lc::wait_for_value(
          *pool, "SELECT deleted_at IS NOT NULL FROM core.workspace WHERE id = '" + victim.id + "'",
          "t"),
      "t");

  // The node dies; its connections die with it (the server would notice the dead client only
  // once the lock is granted, so the test ends the orphaned backend as the network would).
  ws.server().proc().signal(SIGKILL);
  ws.server().proc().wait(std::chrono::seconds(10));
  pool->query_sync(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'DROP SCHEMA%'", {},
      false);
  ASSERT_TRUE(reader.query_sync("ROLLBACK", {}, false).ok());
  reader.release();
  EXPECT_TRUE(lc::schema_exists(*pool, victim.schema));  // rolled back with the dead node
  EXPECT_EQ(lc::wait_for_value(*pool, "SELECT status FROM core.job WHERE id = " + job, "running",
                               std::chrono::seconds(5)),
            "running");
  // The claim of the dead node runs out (after the kind's timeout; here made to run out now).
  ASSERT_TRUE(pool->query_sync("UPDATE core.job SET locked_until = now() - interval '1 second' "
                               "WHERE id = $1",
                               {job}, false)
                  .ok());

  cohort_server again(
      cohort_server::options{.args = {}, .env = ws.server_env(), .data_dir = std::nullopt});
  ASSERT_TRUE(again.wait_ready(std::chrono::seconds(60))) << again.proc().output();
  EXPECT_EQ(lc::wait_for_value(*pool, "SELECT status FROM core.job WHERE id = " + job, "done"),
            "done");
  EXPECT_EQ(pool->query_sync("SELECT attempts FROM core.job WHERE id = $1", {job}, false).get(0, 0),
            "2");
  EXPECT_FALSE(lc::schema_exists(*pool, victim.schema));
  EXPECT_EQ(lc::rows_of(*pool, victim.id), (std::map<std::string, long>{}));
  EXPECT_EQ(lc::rows_of(*pool, ws.a.id), rows_of_a);
  EXPECT_TRUE(lc::schema_exists(*pool, ws.a.schema));
  again.proc().stop();
}

}  // namespace
