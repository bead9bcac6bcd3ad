// Cron schedules fire once per slot across nodes; `cohort jobs list|retry|purge` manages the dead
// letters.
#include <gtest/gtest.h>

#include "actors/jobs/job_scheduler.hpp"
#include "fixtures/cohort_server.hpp"
#include "jobs_env.hpp"

using namespace cohort::testing;
using namespace cohort::testing::jobs;
using namespace std::chrono_literals;

namespace {

class Schedules : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { env_ = jobs_env::create("jobs_schedules").release(); }
  static void TearDownTestSuite() {
    delete env_;
    env_ = nullptr;
  }
  static jobs_env* env_;
  caf::actor_system_config cfg_;
  caf::actor_system sys_{cfg_};
};
jobs_env* Schedules::env_ = nullptr;

}  // namespace

TEST_F(Schedules, AScheduleFiresOncePerSlotWithTwoSchedulers) {
  auto registry = std::make_shared<aj::job_registry>();
  aj::job_kind k;
  k.name = "test.cron";
  k.handler = [](const aj::job&, aj::job_done done) { done(aj::job_outcome::success()); };
  registry->add(k);
  ASSERT_EQ(
      aj::put_schedule(*env_->pool, "nightly", "0 3 * * *", "test.cron", R"({"report":"daily"})"),
      std::nullopt);
  // The slot has come (as if the nodes had been down at 03:00).
  env_->sql(
      "UPDATE core.job_schedule SET next_run_at = date_trunc('minute', now()) - "
      "interval '2 minutes' WHERE name = 'nightly'");
  auto slot = env_->sql("SELECT next_run_at::text FROM core.job_schedule WHERE name = 'nightly'");
  {
    job_node a(sys_, registry, env_->pool, "node-a", true);
    job_node b(sys_, registry, env_->pool, "node-b", true);
    ASSERT_TRUE(eventually([&] {
      return env_->sql(
                 "SELECT count(*) FROM core.job WHERE kind = 'test.cron' AND status = "
                 "'done'") == "1";
    }));
    std::this_thread::sleep_for(300ms);  // both schedulers tick many more times meanwhile
  }
  EXPECT_EQ(env_->sql("SELECT count(*) FROM core.job WHERE kind = 'test.cron'"), "1");
  EXPECT_EQ(env_->sql("SELECT payload->>'report' FROM core.job WHERE kind = 'test.cron'"), "daily");
  EXPECT_EQ(env_->sql("SELECT last_run_at::text FROM core.job_schedule WHERE name = 'nightly'"),
            slot);
  // The next slot is the next 03:00 UTC, once; missed slots are not replayed one by one.
  EXPECT_EQ(env_->sql("SELECT to_char(next_run_at AT TIME ZONE 'UTC', 'HH24:MI') || ' ' || "
                      "(next_run_at > now())::text || ' ' || (next_run_at <= now() + interval "
                      "'1 day')::text FROM core.job_schedule WHERE name = 'nightly'"),
            "03:00 true true");
}

TEST_F(Schedules, ChangingTheCronTextMovesTheNextSlotAndBadTextIsRefused) {
  ASSERT_EQ(aj::put_schedule(*env_->pool, "often", "*/5 * * * *", "test.cron"), std::nullopt);
  env_->sql("UPDATE core.job_schedule SET next_run_at = '2000-01-01' WHERE name = 'often'");
  // Same text: the slot stays.
  ASSERT_EQ(aj::put_schedule(*env_->pool, "often", "*/5 * * * *", "test.cron"), std::nullopt);
  EXPECT_EQ(env_->sql("SELECT next_run_at < '2001-01-01' FROM core.job_schedule WHERE name = "
                      "'often'"),
            "t");
  ASSERT_EQ(aj::put_schedule(*env_->pool, "often", "0 * * * *", "test.cron"), std::nullopt);
  EXPECT_EQ(env_->sql("SELECT to_char(next_run_at AT TIME ZONE 'UTC', 'MI') FROM "
                      "core.job_schedule WHERE name = 'often'"),
            "00");
  EXPECT_EQ(aj::put_schedule(*env_->pool, "broken", "0 25 * * *", "test.cron"),
            std::optional<std::string>("invalid hour \"25\": expected values from 0 to 23"));
  EXPECT_EQ(env_->sql("SELECT count(*) FROM core.job_schedule WHERE name = 'broken'"), "0");
}

TEST_F(Schedules, TheJobsVerbListsRetriesAndPurgesDeadJobs) {
  env_->sql("DELETE FROM core.job");
  auto dead = env_->sql(
      "INSERT INTO core.job (kind, status, attempts, last_error, finished_at) VALUES "
      "('webhook.deliver', 'dead', 3, 'connect ECONNREFUSED 127.0.0.1:9', now()) RETURNING id");
  env_->sql(
      "INSERT INTO core.job (kind, status, attempts, last_error, finished_at) VALUES "
      "('webhook.deliver', 'dead', 5, 'HTTP 500', now())");
  env_->sql("INSERT INTO core.job (kind) VALUES ('webhook.deliver')");
  std::map<std::string, std::string> db{{"PG_DATABASE_URL", env_->conninfo}};

  auto listed = run_cohort({"jobs", "list"}, db);
  ASSERT_EQ(listed.status, 0) << listed.err;
  EXPECT_NE(listed.out.find("id\tkind\tattempts\tdied_at\tlast_error\n"), std::string::npos);
  EXPECT_NE(listed.out.find(dead + "\twebhook.deliver\t3\t"), std::string::npos) << listed.out;
  EXPECT_NE(listed.out.find("\tconnect ECONNREFUSED 127.0.0.1:9\n"), std::string::npos);
  EXPECT_NE(listed.out.find("\tHTTP 500\n"), std::string::npos);

  auto retried = run_cohort({"jobs", "retry", dead}, db);
  ASSERT_EQ(retried.status, 0) << retried.err;
  EXPECT_EQ(retried.out, "job " + dead + " queued again\n");
  EXPECT_EQ(env_->sql("SELECT status || ' ' || attempts FROM core.job WHERE id = $1", {dead}),
            "ready 0");

  auto again = run_cohort({"jobs", "retry", dead}, db);
  EXPECT_EQ(again.status, 1);
  EXPECT_EQ(again.err, "cohort: no dead job with id " + dead + "\n");

  auto purged = run_cohort({"jobs", "purge"}, db);
  ASSERT_EQ(purged.status, 0) << purged.err;
  EXPECT_EQ(purged.out, "purged 1 dead job(s)\n");
  EXPECT_EQ(env_->sql("SELECT count(*) FROM core.job"), "2");
  auto empty = run_cohort({"jobs", "list"}, db);
  EXPECT_EQ(empty.out, "no dead jobs\n");
}

TEST_F(Schedules, TheJobsVerbRefusesWhatItDoesNotKnow) {
  std::map<std::string, std::string> db{{"PG_DATABASE_URL", env_->conninfo}};
  auto bare = run_cohort({"jobs"}, db);
  EXPECT_EQ(bare.status, 2);
  EXPECT_EQ(bare.err,
            "cohort: invalid jobs command \"\": expected `jobs list`, `jobs retry <id>` or `jobs "
            "purge`\n");
  auto unknown = run_cohort({"jobs", "drop", "all"}, db);
  EXPECT_EQ(unknown.status, 2);
  EXPECT_EQ(unknown.err,
            "cohort: invalid jobs command \"drop all\": expected `jobs list`, `jobs retry <id>` or "
            "`jobs purge`\n");
  auto bad_id = run_cohort({"jobs", "retry", "12x"}, db);
  EXPECT_EQ(bad_id.status, 2);
  EXPECT_EQ(bad_id.err, "cohort: invalid job id \"12x\": expected a positive integer\n");
}
