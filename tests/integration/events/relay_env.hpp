// The outbox relay under test: a private database (integration/jobs/jobs_env.hpp), consumers that
// record what they get, a relay per simulated node, and writing outbox rows as storage/query does.
#pragma once

#include <gtest/gtest.h>

#include <caf/all.hpp>

#include <mutex>
#include <vector>

#include "actors/events/outbox_relay.hpp"
#include "integration/jobs/jobs_env.hpp"

namespace cohort::testing::events {

namespace ae = cohort::actors::events;
using jobs::eventually;
using jobs::jobs_env;

// Records every event it is handed; `accept` decides whether a batch is done (default: yes).
class recording_consumer : public ae::event_consumer {
 public:
  std::function<bool(std::span<const ae::record_event>)> accept;

  void on_events(std::span<const ae::record_event> batch, std::function<void(bool)> done) override {
    bool ok = accept ? accept(batch) : true;
    {
      std::lock_guard lock(mutex_);
      ++batches_;
      if (ok) events_.insert(events_.end(), batch.begin(), batch.end());
    }
    done(ok);
  }
  std::vector<ae::record_event> events() const {
    std::lock_guard lock(mutex_);
    return events_;
  }
  std::size_t size() const {
    std::lock_guard lock(mutex_);
    return events_.size();
  }
  int batches() const {
    std::lock_guard lock(mutex_);
    return batches_;
  }
  // The `n` of each event's after (or before) record, in the order received.
  std::vector<int> numbers() const {
    std::vector<int> out;
    for (const auto& e : events()) {
      auto* record = e.properties.if_contains("after");
      if (!record) record = e.properties.if_contains("before");
      out.push_back(record ? static_cast<int>(record->as_object().at("n").as_int64()) : -1);
    }
    return out;
  }

 private:
  mutable std::mutex mutex_;
  std::vector<ae::record_event> events_;
  int batches_ = 0;
};

class relay_node {
 public:
  relay_node(caf::actor_system& sys, std::shared_ptr<storage::pg::pool> pool, std::string node_id,
             std::vector<ae::consumer_registration> consumers,
             std::chrono::milliseconds prune_min_age = std::chrono::seconds(60)) {
    ae::outbox_relay_options opts;
    opts.pool = std::move(pool);
    opts.consumers = std::make_shared<ae::consumer_registry>();
    for (auto& c : consumers) opts.consumers->add(std::move(c));
    opts.node_id = std::move(node_id);
    opts.poll_interval = std::chrono::milliseconds(20);
    opts.lease = std::chrono::seconds(3);
    opts.prune_interval = std::chrono::milliseconds(50);
    opts.prune_min_age = prune_min_age;
    opts.batch_timeout = std::chrono::milliseconds(300);
    opts.lag_interval = std::chrono::milliseconds(50);
    metrics = opts.metrics;
    actor = ae::spawn_outbox_relay(sys, opts);
  }
  ~relay_node() { stop(); }
  void stop() {
    if (!actor) return;
    caf::scoped_actor self{actor.home_system()};
    self->send_exit(actor, caf::exit_reason::user_shutdown);
    self->wait_for(actor);
    actor = nullptr;
  }
  caf::actor actor;
  std::shared_ptr<ae::relay_metrics> metrics;
};

inline const char* const workspace = "20202020-1c25-4d02-bf25-6aeccf7ea419";

// One outbox row for record {"n": n}, as a write's statement inserts it; returns its id.
inline std::string insert_sql(int n, const std::string& action = "created") {
  return "INSERT INTO core.outbox (workspace_id, object_name, action, record_id, after) VALUES ('" +
         std::string(workspace) + "', 'person', '" + action +
         "', gen_random_uuid(), jsonb_build_object('n', " + std::to_string(n) + ")) RETURNING id";
}

}  // namespace cohort::testing::events
