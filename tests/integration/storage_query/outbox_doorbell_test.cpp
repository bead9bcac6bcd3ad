// The relays learn about committed record events from the doorbell (storage/events/
// outbox_doorbell), rung after the write's own transaction: the write itself must not NOTIFY, or
// concurrent writers commit one at a time behind PostgreSQL's notification lock.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "query_env.hpp"
#include "storage/events/notification_listener.hpp"
#include "storage/events/outbox_doorbell.hpp"

using namespace cohort::testing::query;
namespace ev = cohort::storage::events;
using namespace std::chrono_literals;

namespace {

// Counts the notifications on "cohort_outbox" of one database.
class outbox_ears {
 public:
  explicit outbox_ears(const std::string& conninfo)
      : listener_(conninfo, {ev::outbox_channel},
                  [this](const std::string& channel, const std::string&) {
                    std::lock_guard lock(mutex_);
                    if (channel.empty()) {
                      listening_ = true;
                    } else {
                      ++heard_;
                    }
                    changed_.notify_all();
                  }) {
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, 10s, [this] { return listening_; });
  }
  int heard() {
    std::lock_guard lock(mutex_);
    return heard_;
  }
  // True when more than `already` notifications arrived within the time given.
  bool hears_more_than(int already, std::chrono::milliseconds within = 5000ms) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, within, [&] { return heard_ > already; });
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  bool listening_ = false;
  int heard_ = 0;
  ev::notification_listener listener_;
};

}  // namespace

TEST(OutboxDoorbell, NoTriggerOnTheOutboxNotifiesInsideTheWritersTransaction) {
  auto env = query_env::create("doorbell_trigger");
  // Any trigger on core.outbox runs inside the writer's transaction; a NOTIFY there is what
  // serialised concurrent writers' commits.
  EXPECT_EQ(env->sql("SELECT count(*) FROM pg_trigger WHERE tgrelid = 'core.outbox'::regclass "
                     "AND NOT tgisinternal"),
            "0");
}

TEST(OutboxDoorbell, ACommittedRecordWriteRingsTheRelays) {
  auto env = query_env::create("doorbell_write");
  outbox_ears ears(env->pool->options().conninfo);
  const int before = ears.heard();
  auto created = env->ok(create("person", R"({"name": {"firstName": "Ada", "lastName": "Ring"}})",
                                record({field("id")}), false));
  ASSERT_TRUE(created.is_object());
  EXPECT_TRUE(ears.hears_more_than(before));
  EXPECT_EQ(env->sql("SELECT count(*) FROM core.outbox WHERE action = 'created'"), "1");
}

TEST(OutboxDoorbell, RingsFromManyThreadsFoldAndTheDoorbellRingsAgainAfterwards) {
  auto env = query_env::create("doorbell_fold");
  outbox_ears ears(env->pool->options().conninfo);
  std::vector<std::thread> ringers;
  for (int t = 0; t < 4; ++t)
    ringers.emplace_back([&] {
      for (int i = 0; i < 50; ++i) ev::ring_outbox(*env->pool);
    });
  for (auto& r : ringers) r.join();
  ASSERT_TRUE(ears.hears_more_than(0));
  // Folded: far fewer notifications than rings (PostgreSQL also folds equal notifications of one
  // transaction, never of several), and the last ring is always followed by one.
  std::this_thread::sleep_for(300ms);
  const int after_burst = ears.heard();
  EXPECT_LT(after_burst, 200);
  // Nothing left stuck "in flight": a later ring is heard again.
  ev::ring_outbox(*env->pool);
  EXPECT_TRUE(ears.hears_more_than(after_burst));
}
