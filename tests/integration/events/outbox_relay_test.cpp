// The outbox relay against a real PostgreSQL: only committed rows become events, a row whose
// transaction is still open holds back the rows after it (never skipped), positions survive a
// restart, refused batches come again, one node feeds a durable consumer, rows are pruned once
// every consumer has them.
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>
#include <set>

#include "relay_env.hpp"

using namespace cohort::testing::events;
using namespace std::chrono_literals;

namespace {

class OutboxRelay : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { env_ = jobs_env::create("events_relay").release(); }
  static void TearDownTestSuite() {
    delete env_;
    env_ = nullptr;
  }
  void SetUp() override {
    env_->sql("DELETE FROM core.outbox");
    env_->sql("DELETE FROM core.event_consumer");
  }

  static ae::consumer_registration durable(std::string name,
                                           std::shared_ptr<recording_consumer> c) {
    return {std::move(name), std::move(c), true, 200};
  }
  void write(int n) { env_->sql(insert_sql(n)); }

  static jobs_env* env_;
  caf::actor_system_config cfg_;
  caf::actor_system sys_{cfg_};
};
jobs_env* OutboxRelay::env_ = nullptr;

}  // namespace

TEST_F(OutboxRelay, CommittedRowsBecomeEventsInOrder) {
  auto c = std::make_shared<recording_consumer>();
  relay_node relay(sys_, env_->pool, "node-a", {durable("audit", c)});
  for (int n = 1; n <= 5; ++n) write(n);
  ASSERT_TRUE(eventually([&] { return c->size() == 5; }));
  EXPECT_EQ(c->numbers(), (std::vector<int>{1, 2, 3, 4, 5}));
  auto first = c->events().front();
  EXPECT_EQ(first.name, "person.created");
  EXPECT_EQ(first.workspace_id, workspace);
  EXPECT_EQ(first.object_name, "person");
  EXPECT_EQ(first.record_id.size(), 36u);
  EXPECT_EQ(first.event_date.size(), 24u);  // 2026-03-01T10:00:00.000Z
}

TEST_F(OutboxRelay, RowsOfARolledBackTransactionNeverBecomeEvents) {
  auto c = std::make_shared<recording_consumer>();
  relay_node relay(sys_, env_->pool, "node-a", {durable("audit", c)});
  auto conn = env_->pool->acquire_sync();
  ASSERT_TRUE(conn.query_sync("BEGIN").ok());
  ASSERT_TRUE(conn.query_sync(insert_sql(10)).ok());
  ASSERT_TRUE(conn.query_sync("ROLLBACK").ok());
  conn.release();
  write(11);
  ASSERT_TRUE(eventually([&] { return c->size() >= 1; }));
  std::this_thread::sleep_for(200ms);  // ten more polls
  EXPECT_EQ(c->numbers(), (std::vector<int>{11}));
}

TEST_F(OutboxRelay, AnInFlightLowerIdIsWaitedForNotSkipped) {
  auto c = std::make_shared<recording_consumer>();
  relay_node relay(sys_, env_->pool, "node-a", {durable("audit", c)});
  auto conn = env_->pool->acquire_sync();
  ASSERT_TRUE(conn.query_sync("BEGIN").ok());
  auto first = conn.query_sync(insert_sql(1));  // takes the lower id, commits last
  ASSERT_TRUE(first.ok());
  write(2);  // a higher id, committed first
  EXPECT_LT(std::stoll(std::string(first.get(0, 0))),
            std::stoll(env_->sql("SELECT max(id) FROM core.outbox")));
  std::this_thread::sleep_for(300ms);  // fifteen polls: the relay must still wait
  EXPECT_EQ(c->size(), 0u) << "delivered past a row whose transaction is still open";
  ASSERT_TRUE(conn.query_sync("COMMIT").ok());
  conn.release();
  ASSERT_TRUE(eventually([&] { return c->size() == 2; }));
  EXPECT_EQ(c->numbers(), (std::vector<int>{1, 2}));
}

TEST_F(OutboxRelay, APositionSurvivesARelayRestart) {
  auto before = std::make_shared<recording_consumer>();
  {
    relay_node relay(sys_, env_->pool, "node-a", {durable("audit", before)});
    for (int n = 1; n <= 3; ++n) write(n);
    ASSERT_TRUE(eventually([&] {
      return env_->sql("SELECT position FROM core.event_consumer WHERE name = 'audit'") ==
             env_->sql("SELECT max(id) FROM core.outbox");
    }));
  }
  EXPECT_EQ(before->numbers(), (std::vector<int>{1, 2, 3}));
  for (int n = 4; n <= 5; ++n) write(n);
  auto after = std::make_shared<recording_consumer>();
  relay_node relay(sys_, env_->pool, "node-a", {durable("audit", after)});
  ASSERT_TRUE(eventually([&] { return after->size() == 2; }));
  std::this_thread::sleep_for(100ms);
  EXPECT_EQ(after->numbers(), (std::vector<int>{4, 5}));
}

TEST_F(OutboxRelay, ARefusedBatchComesAgainAndThePositionWaits) {
  auto c = std::make_shared<recording_consumer>();
  std::atomic<int> refusals{0};
  c->accept = [&](std::span<const ae::record_event>) { return refusals.fetch_add(1) >= 2; };
  for (int n = 1; n <= 3; ++n) write(n);
  relay_node relay(sys_, env_->pool, "node-a", {durable("audit", c)});
  ASSERT_TRUE(eventually([&] { return c->size() == 3; }));
  EXPECT_EQ(c->batches(), 3);  // refused twice, then taken
  EXPECT_EQ(c->numbers(), (std::vector<int>{1, 2, 3}));
}

TEST_F(OutboxRelay, OneNodeAtATimeFeedsADurableConsumer) {
  auto a = std::make_shared<recording_consumer>();
  auto b = std::make_shared<recording_consumer>();
  relay_node node_a(sys_, env_->pool, "node-a", {durable("webhooks", a)});
  relay_node node_b(sys_, env_->pool, "node-b", {durable("webhooks", b)});
  for (int n = 1; n <= 20; ++n) write(n);
  ASSERT_TRUE(eventually([&] { return a->size() + b->size() == 20; }));
  std::this_thread::sleep_for(200ms);
  EXPECT_EQ(a->size() + b->size(), 20u);
  EXPECT_TRUE(a->size() == 0 || b->size() == 0) << a->size() << " and " << b->size();
}

TEST_F(OutboxRelay, ALiveConsumerStartsAtTheNewestEvent) {
  write(1);
  write(2);
  auto live = std::make_shared<recording_consumer>();
  relay_node relay(sys_, env_->pool, "node-a", {{"bus", live, false, 200}});
  // It starts once it has read the head; keep writing until it reports something.
  int n = 2;
  ASSERT_TRUE(eventually([&] {
    if (live->size() > 0) return true;
    write(++n);
    std::this_thread::sleep_for(20ms);
    return false;
  }));
  auto seen = live->numbers();
  EXPECT_GE(seen.front(), 3) << "a live consumer was handed events from before it started";
  // Live consumers hold no position.
  EXPECT_EQ(env_->sql("SELECT count(*) FROM core.event_consumer"), "0");
}

TEST_F(OutboxRelay, RowsArePrunedOnceEveryDurableConsumerHasThem) {
  // A consumer registered by another node and still at the start holds every row back.
  env_->sql("INSERT INTO core.event_consumer (name) VALUES ('laggard')");
  auto c1 = std::make_shared<recording_consumer>();
  auto c2 = std::make_shared<recording_consumer>();
  relay_node relay(sys_, env_->pool, "node-a", {durable("audit", c1), durable("timeline", c2)},
                   0ms);
  for (int n = 1; n <= 10; ++n) write(n);
  ASSERT_TRUE(eventually([&] { return c1->size() == 10 && c2->size() == 10; }));
  std::this_thread::sleep_for(200ms);  // four prune rounds
  EXPECT_EQ(env_->sql("SELECT count(*) FROM core.outbox"), "10");
  env_->sql("DELETE FROM core.event_consumer WHERE name = 'laggard'");
  ASSERT_TRUE(eventually([&] { return env_->sql("SELECT count(*) FROM core.outbox") == "0"; }));
  // New rows still flow after pruning.
  write(11);
  ASSERT_TRUE(eventually([&] { return c1->size() == 11; }));
}

TEST_F(OutboxRelay, AnUpdateCarriesItsDiff) {
  auto c = std::make_shared<recording_consumer>();
  relay_node relay(sys_, env_->pool, "node-a", {durable("audit", c)});
  env_->sql(
      "INSERT INTO core.outbox (workspace_id, object_name, action, record_id, before, after, "
      "updated_fields, actor) VALUES ('" +
      std::string(workspace) +
      "', 'company', 'updated', gen_random_uuid(), '{\"n\":1,\"name\":\"Acme\"}', "
      "'{\"n\":1,\"name\":\"Acme Inc\"}', ARRAY['name'], '{\"source\":\"MANUAL\","
      "\"workspaceMemberId\":\"20202020-0687-4c41-b707-ed1bfca972a7\",\"name\":\"Tim Apple\"}')");
  ASSERT_TRUE(eventually([&] { return c->size() == 1; }));
  auto e = c->events().front();
  EXPECT_EQ(e.name, "company.updated");
  EXPECT_EQ(boost::json::serialize(e.properties.at("diff")),
            R"({"name":{"before":"Acme","after":"Acme Inc"}})");
  EXPECT_EQ(boost::json::serialize(e.properties.at("updatedFields")), R"(["name"])");
  EXPECT_EQ(e.workspace_member_id.value_or(""), "20202020-0687-4c41-b707-ed1bfca972a7");
}

TEST_F(OutboxRelay, ABatchLeftUnansweredIsHandedAgain) {
  std::mutex mutex;
  std::vector<int> calls;
  std::function<void(bool)> never_called;
  auto silent_once = ae::make_consumer(
      [&](std::span<const ae::record_event> batch, std::function<void(bool)> done) {
        std::lock_guard lock(mutex);
        calls.push_back(static_cast<int>(batch.size()));
        if (calls.size() == 1) {
          never_called = std::move(done);  // kept, never answered
          return;
        }
        done(true);
      });
  write(1);
  relay_node relay(sys_, env_->pool, "node-a", {{"audit", silent_once, true, 200}});
  ASSERT_TRUE(eventually([&] {
    return env_->sql("SELECT position FROM core.event_consumer WHERE name = 'audit'") ==
           env_->sql("SELECT max(id) FROM core.outbox");
  }));
  std::lock_guard lock(mutex);
  EXPECT_EQ(calls, (std::vector<int>{1, 1}));
  // Answering the first call now changes nothing.
  never_called(false);
}

TEST_F(OutboxRelay, TransactionIdsAreOrderedAsNumbersNotAsText) {
  write(1);
  auto first = env_->sql("SELECT txid::text FROM core.outbox");
  // Spend transaction ids (one per subtransaction that writes) until the next one has one more
  // digit: as text, "10000" would sort before "9990".
  long long target = 1;
  for (std::size_t digit = 0; digit < first.size(); ++digit) target *= 10;
  env_->sql("CREATE TABLE IF NOT EXISTS public.xid_burner (n int)");
  while (std::stoll(env_->sql("SELECT pg_snapshot_xmax(pg_current_snapshot())::text")) < target) {
    env_->sql(
        "DO $$ BEGIN FOR i IN 1..2000 LOOP BEGIN INSERT INTO public.xid_burner VALUES (i); "
        "RAISE EXCEPTION 'spent'; EXCEPTION WHEN raise_exception THEN NULL; END; END LOOP; "
        "END $$");
  }
  write(2);
  auto second = env_->sql("SELECT txid::text FROM core.outbox WHERE (after->>'n')::int = 2");
  ASSERT_GT(second.size(), first.size()) << first << " then " << second;
  auto c = std::make_shared<recording_consumer>();
  relay_node relay(sys_, env_->pool, "node-a", {durable("audit", c)});
  ASSERT_TRUE(eventually([&] { return c->size() == 2; }));
  EXPECT_EQ(c->numbers(), (std::vector<int>{1, 2}));
}

TEST_F(OutboxRelay, TheLagOfAConsumerCountsWhatItHasNotHandled) {
  std::atomic<bool> refuse{true};
  auto c = std::make_shared<recording_consumer>();
  c->accept = [&](std::span<const ae::record_event>) { return !refuse.load(); };
  relay_node relay(sys_, env_->pool, "node-a", {durable("audit", c)});
  for (int n = 1; n <= 7; ++n) write(n);
  ASSERT_TRUE(eventually([&] { return relay.metrics->lag("audit").load() == 7.0; }));
  refuse = false;
  ASSERT_TRUE(eventually([&] { return relay.metrics->lag("audit").load() == 0.0; }));
  EXPECT_EQ(c->size(), 7u);
  EXPECT_GE(relay.metrics->failed_batches.load(), 1u);
  EXPECT_EQ(relay.metrics->delivered.load(), 7u);
}
