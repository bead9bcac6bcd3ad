// The outbox relay: turns committed core.outbox rows into record events and hands them to every
// registered consumer in the relay's order (transaction, then row: per workspace, the order the
// workspace's writes committed in), never skipping a row. Each consumer advances on its own; a
// durable one saves its position after each handled batch and resumes there after a restart
// (at-least-once), held by one node at a time through a lease. Rows every durable consumer has are
// pruned. Woken by NOTIFY (wake_atom) with a short poll as fallback.
//
// Protocol: (wake_atom) read now; (count_atom) -> std::uint64_t events handed out so far.
#pragma once

#include <caf/atom.hpp>
#include <caf/fwd.hpp>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "actors/events/event_consumer.hpp"

namespace cohort::storage::pg {
class pool;
}

namespace cohort::actors::events {

using wake_atom = caf::atom_constant<caf::atom("wake")>;

struct relay_metrics {
  std::atomic<std::uint64_t> delivered{0};       // events handed to consumers (all consumers)
  std::atomic<std::uint64_t> failed_batches{0};  // batches a consumer refused (retried)

  // Committed rows a consumer has not handled yet (sampled; capped at a million).
  std::atomic<double>& lag(const std::string& consumer) {
    std::lock_guard lock(mutex_);
    auto& slot = lags_[consumer];
    if (!slot) slot = std::make_unique<std::atomic<double>>(0.0);
    return *slot;
  }

 private:
  std::mutex mutex_;
  std::map<std::string, std::unique_ptr<std::atomic<double>>> lags_;
};

struct outbox_relay_options {
  std::shared_ptr<storage::pg::pool> pool;
  std::shared_ptr<consumer_registry> consumers;
  std::string node_id;  // lease owner of durable consumers
  std::chrono::milliseconds poll_interval{200};
  // How long a durable consumer stays with a node that stopped renewing (crashed).
  std::chrono::milliseconds lease{std::chrono::seconds(10)};
  std::chrono::milliseconds prune_interval{std::chrono::seconds(5)};
  std::chrono::milliseconds prune_min_age{std::chrono::seconds(60)};
  // A consumer that has not answered a batch by then is handed it again (as if it refused it).
  std::chrono::milliseconds batch_timeout{std::chrono::seconds(60)};
  std::chrono::milliseconds lag_interval{std::chrono::seconds(5)};
  std::shared_ptr<relay_metrics> metrics = std::make_shared<relay_metrics>();
};

caf::actor spawn_outbox_relay(caf::actor_system& sys, outbox_relay_options options);

}  // namespace cohort::actors::events
