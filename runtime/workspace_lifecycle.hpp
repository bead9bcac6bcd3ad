// Wires the workspace lifecycle into a node: the `workspace.delete` and `workspace.cleanup` job
// kinds with the WORKSPACE_INACTIVE_DAYS_* settings, and the daily cleanup schedule.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "actors/jobs/job_kind.hpp"
#include "config/settings.hpp"

namespace cohort::storage::pg {
class pool;
}

namespace cohort::runtime {

// Blocking (writes the schedule); a reason when the schedule could not be written.
std::optional<std::string> register_workspace_lifecycle(actors::jobs::job_registry& jobs,
                                                        std::shared_ptr<storage::pg::pool> pool,
                                                        const config::settings& settings);

}  // namespace cohort::runtime
