#include "runtime/workspace_lifecycle.hpp"

#include "actors/jobs/workspace_deletion.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::runtime {

std::optional<std::string> register_workspace_lifecycle(actors::jobs::job_registry& jobs,
                                                        std::shared_ptr<storage::pg::pool> pool,
                                                        const config::settings& settings) {
  storage::core::cleanup_policy policy;
  policy.inactive_days_before_soft_deletion = settings.workspace_inactive_days_before_soft_deletion;
  policy.inactive_days_before_deletion = settings.workspace_inactive_days_before_deletion;
  policy.max_deleted_per_run = settings.max_number_of_workspaces_deleted_per_execution;
  if (auto why = actors::jobs::schedule_workspace_cleanup(*pool))
    return "the workspace cleanup schedule could not be written: " + *why;
  actors::jobs::register_workspace_jobs(jobs, std::move(pool), policy);
  return std::nullopt;
}

}  // namespace cohort::runtime
