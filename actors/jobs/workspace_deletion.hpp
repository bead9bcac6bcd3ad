// The workspace lifecycle's durable jobs. `workspace.delete` hard-deletes one workspace (payload
// {"workspaceId": "..."}; storage/core/workspace_deletion.hpp: every step can run again, so a job
// claimed again after its node died finishes the work). `workspace.cleanup`, fired by the
// `workspace.cleanup` cron schedule, soft-deletes inactive workspaces and enqueues the hard
// deletion of those soft-deleted long enough (Twenty's workspace cleaner and its settings).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "actors/jobs/job_kind.hpp"
#include "storage/core/workspace_deletion.hpp"

namespace cohort::storage::pg {
class pool;
}

namespace cohort::actors::jobs {

inline constexpr std::string_view workspace_delete_kind = "workspace.delete";
inline constexpr std::string_view workspace_cleanup_kind = "workspace.cleanup";
// Daily, like Twenty's cleaner cron.
inline constexpr std::string_view workspace_cleanup_cron = "0 3 * * *";

// The payload of a `workspace.delete` job.
std::string workspace_delete_payload(const std::string& workspace_id);

void register_workspace_jobs(job_registry& jobs, std::shared_ptr<storage::pg::pool> pool,
                             storage::core::cleanup_policy policy);

// Creates or updates the cleanup schedule (blocking; start-up). A reason when it failed.
std::optional<std::string> schedule_workspace_cleanup(storage::pg::pool& pool);

}  // namespace cohort::actors::jobs
