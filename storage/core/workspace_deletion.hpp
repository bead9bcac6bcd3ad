// Hard deletion of a workspace and the cleanup of inactive ones (Twenty's workspace cleaner). A
// hard deletion runs in two transactions, each safe to run again after a crash: the first takes
// the workspace out of use (soft-deletes it, its memberships, and the users it leaves without any
// workspace); the second drops its schema, deletes every core row that names it
// (core.delete_workspace_rows) and the workspace row, and notifies every node on channel
// `workspace_deleted_channel` so that they stop the workspace's actor.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "storage/pg/pool.hpp"

namespace cohort::storage::core {

// LISTEN channel; the payload is the deleted workspace's id.
inline constexpr const char* workspace_deleted_channel = "cohort_workspace_deleted";

struct hard_deletion_result {
  std::optional<std::string> error;  // why it failed (the caller retries)
  bool existed = false;              // false: there was no such workspace (already deleted)
  std::string schema;                // the schema dropped, when there was one
  long long rows_deleted = 0;        // core rows besides the workspace row
};

// Asynchronous; `done` runs on a pool thread.
void hard_delete_workspace(pg::pool& pool, std::string workspace_id,
                           std::function<void(hard_deletion_result)> done);

// Twenty's WORKSPACE_INACTIVE_DAYS_BEFORE_SOFT_DELETION / _DELETION and
// MAX_NUMBER_OF_WORKSPACES_DELETED_PER_EXECUTION.
struct cleanup_policy {
  int inactive_days_before_soft_deletion = 14;
  int inactive_days_before_deletion = 21;
  int max_deleted_per_run = 5;
};

struct cleanup_result {
  std::optional<std::string> error;
  std::vector<std::string> soft_deleted;  // ids soft-deleted by this run
  std::vector<std::string> due;           // ids whose hard deletion is due (oldest first)
};

// Soft-deletes the workspaces SUSPENDED or INACTIVE for longer than the soft-deletion delay (as
// Twenty's cleaner does for suspended ones), then lists those soft-deleted for longer than the
// difference of the two delays, at most max_deleted_per_run of them.
void clean_inactive_workspaces(pg::pool& pool, cleanup_policy policy,
                               std::function<void(cleanup_result)> done);

}  // namespace cohort::storage::core
