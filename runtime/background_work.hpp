// The node's background work: the durable job system (a job supervisor with one worker per
// registered kind and the cron scheduler) and the outbox relay feeding the registered event
// consumers (the node's event bus among them), a LISTEN connection that wakes both, and their
// /metrics. Register job kinds and consumers on `jobs` / `consumers` before the node spawns.
#pragma once

#include <memory>
#include <string>

#include "actors/events/event_consumer.hpp"
#include "actors/events/outbox_relay.hpp"
#include "actors/jobs/job_kind.hpp"
#include "actors/jobs/job_metrics.hpp"
#include "actors/supervisor.hpp"
#include "api/http/metrics.hpp"

namespace cohort::storage::pg {
class pool;
}
namespace cohort::storage::events {
class notification_listener;
}

namespace cohort::runtime {

struct background_work {
  background_work();
  ~background_work();

  std::shared_ptr<actors::jobs::job_registry> jobs = std::make_shared<actors::jobs::job_registry>();
  std::shared_ptr<actors::events::consumer_registry> consumers =
      std::make_shared<actors::events::consumer_registry>();
  std::shared_ptr<actors::jobs::job_metrics> job_metrics =
      std::make_shared<actors::jobs::job_metrics>();
  std::shared_ptr<actors::events::relay_metrics> relay_metrics =
      std::make_shared<actors::events::relay_metrics>();
  std::string node_id;  // locks jobs and leases consumers: unique per process
  std::unique_ptr<storage::events::notification_listener> listener;
};

// Adds the "job_supervisor" and "outbox_relay" children (and the event bus consumer).
void add_background_children(background_work& work, actors::supervisor_options& sup,
                             std::shared_ptr<storage::pg::pool> pool);
// Once the tree runs: the LISTEN connection and the metrics.
void start_background_work(background_work& work, const storage::pg::pool& pool,
                           std::shared_ptr<actors::handle_table> handles,
                           api::http::metrics_registry& metrics);
// Before the database goes away.
void stop_background_work(background_work& work);

}  // namespace cohort::runtime
