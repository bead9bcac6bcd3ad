// Durable jobs against a real PostgreSQL: claims by two nodes never run a job twice; retries back
// off and end in the dead letters with the last error; idempotency keys; delayed jobs; timeouts;
// handlers that throw; locks of a dead node expire; enqueue inside a caller's transaction.
#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <vector>

#include "jobs_env.hpp"

using namespace cohort::testing::jobs;
using namespace std::chrono_literals;

namespace {

// What handlers saw: every attempt of every job, in the order they started.
struct attempt_log {
  struct entry {
    std::int64_t id;
    int attempt;
    std::string payload;
    std::chrono::system_clock::time_point at;
  };
  std::mutex mutex;
  std::vector<entry> entries;

  void add(const aj::job& j) {
    std::lock_guard lock(mutex);
    entries.push_back({j.id, j.attempt, j.payload, std::chrono::system_clock::now()});
  }
  std::size_t size() {
    std::lock_guard lock(mutex);
    return entries.size();
  }
  std::vector<entry> all() {
    std::lock_guard lock(mutex);
    return entries;
  }
};

class JobQueue : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { env_ = jobs_env::create("jobs_queue").release(); }
  static void TearDownTestSuite() {
    delete env_;
    env_ = nullptr;
  }
  void SetUp() override { env_->sql("DELETE FROM core.job"); }

  static aj::job_kind kind(std::string name, aj::job_handler handler) {
    aj::job_kind k;
    k.name = std::move(name);
    k.handler = std::move(handler);
    k.backoff_base = 10ms;
    k.backoff_cap = 40ms;
    k.timeout = 5s;
    return k;
  }

  std::string status_of(std::int64_t id) {
    return env_->sql("SELECT status FROM core.job WHERE id = $1", {std::to_string(id)});
  }

  static jobs_env* env_;
  caf::actor_system_config cfg_;
  caf::actor_system sys_{cfg_};
};
jobs_env* JobQueue::env_ = nullptr;

}  // namespace

TEST_F(JobQueue, TwoNodesClaimingTogetherRunEachJobOnce) {
  auto log = std::make_shared<attempt_log>();
  auto registry = std::make_shared<aj::job_registry>();
  auto k = kind("test.once", [log](const aj::job& j, aj::job_done done) {
    log->add(j);
    done(aj::job_outcome::success());
  });
  k.concurrency = 8;
  registry->add(k);
  for (int i = 0; i < 300; ++i) env_->enqueue(request("test.once"));
  {
    job_node a(sys_, registry, env_->pool, "node-a");
    job_node b(sys_, registry, env_->pool, "node-b");
    ASSERT_TRUE(eventually(
        [&] { return env_->sql("SELECT count(*) FROM core.job WHERE status = 'done'") == "300"; }));
  }
  std::map<std::int64_t, int> runs;
  for (const auto& e : log->all()) ++runs[e.id];
  EXPECT_EQ(runs.size(), 300u);
  for (const auto& [id, n] : runs) EXPECT_EQ(n, 1) << "job " << id;
  // No job was claimed a second time.
  EXPECT_EQ(env_->sql("SELECT count(DISTINCT attempts) FROM core.job"), "1");
}

TEST_F(JobQueue, RetriesBackOffThenTheJobIsDeadWithItsLastError) {
  auto log = std::make_shared<attempt_log>();
  auto registry = std::make_shared<aj::job_registry>();
  auto k = kind("test.flaky", [log](const aj::job& j, aj::job_done done) {
    log->add(j);
    done(aj::job_outcome::retry("receiver answered 500 on attempt " + std::to_string(j.attempt)));
  });
  k.max_attempts = 3;
  registry->add(k);
  auto id = env_->enqueue(request("test.flaky", R"({"n":1})"));
  job_node node(sys_, registry, env_->pool, "node-a");
  ASSERT_TRUE(eventually([&] { return status_of(id) == "dead"; }));
  EXPECT_EQ(env_->sql("SELECT attempts FROM core.job WHERE id = $1", {std::to_string(id)}), "3");
  EXPECT_EQ(env_->sql("SELECT last_error FROM core.job WHERE id = $1", {std::to_string(id)}),
            "receiver answered 500 on attempt 3");
  EXPECT_EQ(
      env_->sql("SELECT finished_at IS NOT NULL FROM core.job WHERE id = $1", {std::to_string(id)}),
      "t");
  auto attempts = log->all();
  ASSERT_EQ(attempts.size(), 3u);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(attempts[i].attempt, i + 1);
    EXPECT_EQ(attempts[i].payload, R"({"n": 1})");
  }
  ASSERT_TRUE(eventually([&] { return node.metrics->of("test.flaky").dead.load() == 1.0; }));
  EXPECT_EQ(node.metrics->of("test.flaky").failed_attempts.load(), 3u);
  EXPECT_EQ(node.metrics->of("test.flaky").dead_lettered.load(), 1u);
}

TEST_F(JobQueue, AFailureIsDeadAtOnceAndRetryAfterIsHonoured) {
  auto registry = std::make_shared<aj::job_registry>();
  registry->add(kind("test.fail", [](const aj::job&, aj::job_done done) {
    done(aj::job_outcome::fail("410 Gone: never again"));
  }));
  registry->add(kind("test.later", [](const aj::job& j, aj::job_done done) {
    if (j.attempt == 1) return done(aj::job_outcome::retry("429", std::chrono::hours(1)));
    done(aj::job_outcome::success());
  }));
  auto failed = env_->enqueue(request("test.fail"));
  auto later = env_->enqueue(request("test.later"));
  job_node node(sys_, registry, env_->pool, "node-a");
  ASSERT_TRUE(eventually([&] { return status_of(failed) == "dead"; }));
  EXPECT_EQ(env_->sql("SELECT attempts || ' ' || last_error FROM core.job WHERE id = $1",
                      {std::to_string(failed)}),
            "1 410 Gone: never again");
  ASSERT_TRUE(eventually([&] {
    return env_->sql("SELECT status || ' ' || attempts FROM core.job WHERE id = $1",
                     {std::to_string(later)}) == "ready 1";
  }));
  // Rescheduled by the handler's retry_after, not by the kind's 10 ms backoff.
  EXPECT_EQ(env_->sql("SELECT run_at > now() + interval '50 minutes' FROM core.job WHERE id = $1",
                      {std::to_string(later)}),
            "t");
}

TEST_F(JobQueue, AnIdempotencyKeyEnqueuesOnce) {
  auto first = env_->enqueue(keyed("test.idem", "order-7"));
  auto again = env_->enqueue(keyed("test.idem", "order-7", R"({"x":2})"));
  auto other_kind = env_->enqueue(keyed("test.idem2", "order-7"));
  auto no_key_1 = env_->enqueue(request("test.idem"));
  auto no_key_2 = env_->enqueue(request("test.idem"));
  EXPECT_GT(first, 0);
  EXPECT_EQ(again, first);
  EXPECT_NE(other_kind, first);
  EXPECT_NE(no_key_1, no_key_2);
  EXPECT_EQ(env_->sql("SELECT count(*) FROM core.job WHERE idempotency_key = 'order-7'"), "2");
  EXPECT_EQ(env_->sql("SELECT payload::text FROM core.job WHERE id = $1", {std::to_string(first)}),
            "{}");
}

TEST_F(JobQueue, ADelayedJobDoesNotRunBeforeItsTime) {
  auto log = std::make_shared<attempt_log>();
  auto registry = std::make_shared<aj::job_registry>();
  registry->add(kind("test.delayed", [log](const aj::job& j, aj::job_done done) {
    log->add(j);
    done(aj::job_outcome::success());
  }));
  job_node node(sys_, registry, env_->pool, "node-a");
  auto run_at = std::chrono::system_clock::now() + 1500ms;
  auto delayed = request("test.delayed");
  delayed.run_at = run_at;
  auto id = env_->enqueue(delayed);
  auto now_job = env_->enqueue(request("test.delayed"));
  ASSERT_TRUE(eventually([&] { return status_of(id) == "done"; }));
  EXPECT_EQ(status_of(now_job), "done");
  for (const auto& e : log->all()) {
    if (e.id == id) {
      EXPECT_GE(e.at, run_at) << "ran before its run_at";
    }
  }
  EXPECT_EQ(log->size(), 2u);
}

TEST_F(JobQueue, AHandlerThatNeverAnswersIsRetriedAfterItsTimeout) {
  auto log = std::make_shared<attempt_log>();
  auto late = std::make_shared<aj::job_done>();
  auto registry = std::make_shared<aj::job_registry>();
  auto k = kind("test.hang", [log, late](const aj::job& j, aj::job_done done) {
    log->add(j);
    if (j.attempt == 1) {
      *late = done;  // never called in time
      return;
    }
    done(aj::job_outcome::success());
  });
  k.timeout = 200ms;
  registry->add(k);
  auto id = env_->enqueue(request("test.hang"));
  job_node node(sys_, registry, env_->pool, "node-a");
  ASSERT_TRUE(eventually([&] { return status_of(id) == "done"; }));
  EXPECT_EQ(env_->sql("SELECT attempts || ' ' || last_error FROM core.job WHERE id = $1",
                      {std::to_string(id)}),
            "2 timed out after 200 ms");
  // The first attempt's answer, arriving now, changes nothing.
  (*late)(aj::job_outcome::fail("too late"));
  std::this_thread::sleep_for(100ms);
  EXPECT_EQ(status_of(id), "done");
}

TEST_F(JobQueue, AHandlerThatThrowsIsRetriedAndTheWorkerLivesOn) {
  auto log = std::make_shared<attempt_log>();
  auto registry = std::make_shared<aj::job_registry>();
  registry->add(kind("test.throw", [log](const aj::job& j, aj::job_done done) {
    log->add(j);
    if (j.attempt == 1) throw std::runtime_error("null dereference in handler");
    done(aj::job_outcome::success());
  }));
  auto id = env_->enqueue(request("test.throw"));
  job_node node(sys_, registry, env_->pool, "node-a");
  ASSERT_TRUE(eventually([&] { return status_of(id) == "done"; }));
  EXPECT_EQ(env_->sql("SELECT attempts || ' ' || last_error FROM core.job WHERE id = $1",
                      {std::to_string(id)}),
            "2 handler threw: null dereference in handler");
  // Still working: a new job runs.
  auto next = env_->enqueue(request("test.throw"));
  ASSERT_TRUE(eventually([&] { return status_of(next) == "done"; }));
}

TEST_F(JobQueue, AJobLockedByADeadNodeIsClaimedAgainOnceTheLockExpires) {
  auto log = std::make_shared<attempt_log>();
  auto registry = std::make_shared<aj::job_registry>();
  registry->add(kind("test.orphan", [log](const aj::job& j, aj::job_done done) {
    log->add(j);
    done(aj::job_outcome::success());
  }));
  auto held = env_->sql(
      "INSERT INTO core.job (kind, status, attempts, locked_by, locked_until) VALUES "
      "('test.orphan', 'running', 1, 'dead-node', now() + interval '1 second') RETURNING id");
  auto last = env_->sql(
      "INSERT INTO core.job (kind, status, attempts, max_attempts, locked_by, locked_until) "
      "VALUES ('test.orphan', 'running', 2, 2, 'dead-node', now() - interval '1 second') "
      "RETURNING id");
  job_node node(sys_, registry, env_->pool, "node-a");
  ASSERT_TRUE(eventually([&] { return status_of(std::stoll(held)) == "done"; }));
  EXPECT_EQ(env_->sql("SELECT attempts FROM core.job WHERE id = $1", {held}), "2");
  // The dead node held its last attempt: dead, not run a third time.
  ASSERT_TRUE(eventually([&] { return status_of(std::stoll(last)) == "dead"; }));
  EXPECT_EQ(env_->sql("SELECT last_error FROM core.job WHERE id = $1", {last}),
            "the node running its last attempt stopped (lock expired)");
  EXPECT_EQ(log->size(), 1u);
}

TEST_F(JobQueue, JobsOfOneOrderingKeyRunOneAtATimeInOrder) {
  auto log = std::make_shared<attempt_log>();
  auto registry = std::make_shared<aj::job_registry>();
  auto k = kind("test.ordered", [log](const aj::job& j, aj::job_done done) {
    log->add(j);
    // The first one fails once: the ones behind it wait for it.
    if (j.payload == R"({"n": 0})" && j.attempt == 1)
      return done(aj::job_outcome::retry("first try fails"));
    done(aj::job_outcome::success());
  });
  k.concurrency = 8;
  registry->add(k);
  for (int i = 0; i < 5; ++i) {
    auto r = request("test.ordered", "{\"n\": " + std::to_string(i) + "}");
    r.ordering_key = "webhook-1";
    env_->enqueue(r);
  }
  job_node node(sys_, registry, env_->pool, "node-a");
  ASSERT_TRUE(eventually(
      [&] { return env_->sql("SELECT count(*) FROM core.job WHERE status = 'done'") == "5"; }));
  std::vector<std::string> order;
  for (const auto& e : log->all()) order.push_back(e.payload);
  EXPECT_EQ(order, (std::vector<std::string>{R"({"n": 0})", R"({"n": 0})", R"({"n": 1})",
                                             R"({"n": 2})", R"({"n": 3})", R"({"n": 4})"}));
}

TEST_F(JobQueue, AnEnqueueInsideATransactionCommitsOrRollsBackWithIt) {
  env_->sql("CREATE TABLE IF NOT EXISTS public.orders (id int PRIMARY KEY)");
  auto job = sj::enqueue_statement(keyed("test.tx", "order-1"));
  auto rolled_back = env_->pool->transaction_sync({
      {"INSERT INTO public.orders (id) VALUES (1)", {}},
      job,
      {"INSERT INTO public.orders (id) VALUES (1)", {}},  // duplicate key: all rolls back
  });
  EXPECT_FALSE(rolled_back.ok());
  EXPECT_EQ(env_->sql("SELECT count(*) FROM core.job WHERE kind = 'test.tx'"), "0");
  auto committed = env_->pool->transaction_sync({
      {"INSERT INTO public.orders (id) VALUES (2)", {}},
      job,
  });
  ASSERT_TRUE(committed.ok()) << pg::describe(*committed.error);
  EXPECT_EQ(committed.results[1].rows(), 1);
  EXPECT_EQ(env_->sql("SELECT count(*) FROM core.job WHERE kind = 'test.tx'"), "1");

  // The fragment form, embedded in a caller's own statement.
  auto fragment = sj::enqueue_insert_fragment(request("test.tx", R"({"order":3})"), 2);
  pg::params args = {"3"};
  args.insert(args.end(), fragment.args.begin(), fragment.args.end());
  auto embedded = env_->pool->query_sync(
      "WITH j AS (" + fragment.sql + ") INSERT INTO public.orders (id) SELECT $1::int FROM j",
      args);
  ASSERT_TRUE(embedded.ok()) << pg::describe(embedded.error());
  EXPECT_EQ(env_->sql("SELECT count(*) FROM core.job WHERE payload->>'order' = '3'"), "1");
}

TEST_F(JobQueue, AStoppingNodeHandsItsUnfinishedJobsBack) {
  auto registry = std::make_shared<aj::job_registry>();
  auto k = kind("test.slow", [](const aj::job&, aj::job_done) {});  // never answers
  k.timeout = std::chrono::minutes(10);
  registry->add(k);
  auto id = env_->enqueue(request("test.slow"));
  job_node node(sys_, registry, env_->pool, "node-a");
  ASSERT_TRUE(eventually([&] { return status_of(id) == "running"; }));
  // Stopped the way the node's supervisor stops its children.
  caf::anon_send_exit(node.actor, caf::exit_reason::user_shutdown);
  caf::scoped_actor self{sys_};
  self->wait_for(node.actor);
  node.actor = nullptr;
  ASSERT_TRUE(eventually([&] { return status_of(id) == "ready"; }));
  EXPECT_EQ(env_->sql("SELECT attempts || ' ' || (locked_by IS NULL)::text || ' ' || "
                      "(run_at <= now())::text FROM core.job WHERE id = $1",
                      {std::to_string(id)}),
            "0 true true");
}

TEST_F(JobQueue, ARetryWaitsForItsJitteredBackoff) {
  auto log = std::make_shared<attempt_log>();
  auto registry = std::make_shared<aj::job_registry>();
  auto k = kind("test.backoff", [log](const aj::job& j, aj::job_done done) {
    log->add(j);
    done(aj::job_outcome::retry("not yet"));
  });
  k.backoff_base = std::chrono::hours(1);  // the first retry lands somewhere in the next hour
  k.backoff_cap = std::chrono::hours(1);
  registry->add(k);
  auto id = env_->enqueue(request("test.backoff"));
  job_node node(sys_, registry, env_->pool, "node-a");
  ASSERT_TRUE(eventually([&] {
    return env_->sql("SELECT status || ' ' || attempts FROM core.job WHERE id = $1",
                     {std::to_string(id)}) == "ready 1";
  }));
  EXPECT_EQ(env_->sql("SELECT run_at >= updated_at AND run_at <= updated_at + interval '1 hour' "
                      "AND last_error = 'not yet' FROM core.job WHERE id = $1",
                      {std::to_string(id)}),
            "t");
  std::this_thread::sleep_for(200ms);  // ten polls: not run again before its time
  EXPECT_EQ(log->size(), 1u);
}
