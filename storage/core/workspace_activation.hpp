// activateWorkspace's storage side: a PENDING_CREATION workspace becomes ACTIVE with its schema
// (every standard object's table) and its creator's workspaceMember. The schema is created by the
// caller's provisioner; the member row and the ACTIVE status commit together; on any failure the
// schema is dropped and the workspace is PENDING_CREATION again, so a retry starts clean.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "storage/core/core_rows.hpp"
#include "storage/core/workspace_member_repository.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::storage::core {

// Creates the workspace schema and calls back with its name, or with the reason it failed.
using provision_fn = std::function<void(
    const std::string& workspace_id,
    std::function<void(std::optional<std::string> error, std::string schema)> done)>;

enum class activation_failure {
  none,
  not_found,    // no such live workspace
  not_pending,  // not PENDING_CREATION (already active, or activation under way)
  provision,    // the schema could not be created
  database,     // a core statement failed
};

struct activation_result {
  activation_failure failure = activation_failure::none;
  std::string message;  // why, for logs and INTERNAL_SERVER_ERROR answers
  std::optional<workspace_row> workspace;
  std::string workspace_member_id;
  bool ok() const { return failure == activation_failure::none; }
};

struct activation_request {
  std::string workspace_id;
  std::optional<std::string> display_name;
  std::string version;  // the server version stamped on the workspace ("1.6.0")
  new_workspace_member creator;
};

void activate_workspace(pg::pool& pool, activation_request request, provision_fn provision,
                        std::function<void(activation_result)> done);

}  // namespace cohort::storage::core
