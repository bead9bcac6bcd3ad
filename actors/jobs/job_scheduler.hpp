// The cron scheduler of one node: about once a second it looks for schedules whose slot has come
// and fires each (one job per slot across all nodes, see storage/jobs/schedule_queries.hpp). Slots
// missed while every node was down fire once, not once per missed slot. Schedules are defined with
// put_schedule().
#pragma once

#include <caf/fwd.hpp>

#include <chrono>
#include <memory>
#include <optional>
#include <string>

namespace cohort::storage::pg {
class pool;
}

namespace cohort::actors::jobs {

struct job_scheduler_options {
  std::shared_ptr<storage::pg::pool> pool;
  std::chrono::milliseconds interval{1000};
};

caf::actor spawn_job_scheduler(caf::actor_system& sys, job_scheduler_options options);

// Creates or updates a schedule (blocking; start-up code and tests). A reason when the cron text
// is invalid or the statement failed.
std::optional<std::string> put_schedule(storage::pg::pool& pool, const std::string& name,
                                        const std::string& cron, const std::string& kind,
                                        const std::string& payload = "{}");

}  // namespace cohort::actors::jobs
