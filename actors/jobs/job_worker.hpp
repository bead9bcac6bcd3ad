// The worker of one job kind on one node: claims due jobs of its kind up to the kind's
// concurrency, runs the handler, times it out, and records each attempt's end (done, retry after a
// jittered backoff, or dead with the last error). A handler that throws is retried like any
// failure; the worker itself keeps running.
//
// Protocol: (wake_atom) claim now (a job of this kind was enqueued); it also polls.
#pragma once

#include <caf/atom.hpp>
#include <caf/fwd.hpp>

#include <chrono>
#include <memory>
#include <string>

#include "actors/jobs/job_kind.hpp"
#include "actors/jobs/job_metrics.hpp"

namespace cohort::storage::pg {
class pool;
}

namespace cohort::actors::jobs {

using wake_atom = caf::atom_constant<caf::atom("wake")>;

struct job_worker_options {
  std::shared_ptr<const job_kind> kind;
  std::shared_ptr<storage::pg::pool> pool;
  std::string node_id;  // written to core.job.locked_by
  std::shared_ptr<job_metrics> metrics;
  std::chrono::milliseconds poll_interval{250};
};

caf::actor spawn_job_worker(caf::actor_system& sys, job_worker_options options);

}  // namespace cohort::actors::jobs
