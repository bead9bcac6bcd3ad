// The job supervisor: the parent of every durable job actor on this node. It starts one worker per
// registered job kind (restarting one that fails), the cron scheduler, and samples queue figures
// from core.job for /metrics every few seconds; it also clears finished jobs after a retention
// period.
//
// Protocol: (count_atom) -> std::uint64_t running workers;
//           (wake_atom, std::string kind) wakes that kind's worker (a NOTIFY arrived).
#pragma once

#include <caf/fwd.hpp>

#include <chrono>
#include <memory>
#include <string>

#include "actors/jobs/job_kind.hpp"
#include "actors/jobs/job_metrics.hpp"

namespace cohort::storage::pg {
class pool;
}

namespace cohort::actors {

namespace jobs {

struct job_supervisor_options {
  std::shared_ptr<job_registry> registry;  // without registry or pool: no workers
  std::shared_ptr<storage::pg::pool> pool;
  std::string node_id;
  std::shared_ptr<job_metrics> metrics = std::make_shared<job_metrics>();
  std::chrono::milliseconds poll_interval{250};
  // Queue figures read from core.job (a scan of the unfinished jobs: 70 ms at 300,000).
  std::chrono::milliseconds stats_interval{5000};
  std::chrono::seconds keep_done{std::chrono::hours(24)};
  bool run_scheduler = true;
  std::chrono::milliseconds scheduler_interval{1000};
};

}  // namespace jobs

caf::actor spawn_job_supervisor(caf::actor_system& sys, jobs::job_supervisor_options options = {});

}  // namespace cohort::actors
