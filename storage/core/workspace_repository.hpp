// core.workspace and core.user_workspace: creating a pending workspace with its creator's
// membership, finding workspaces by id, subdomain or member, updating settings and soft deletion.
// Plain asynchronous SQL with bound parameters; callbacks run on a pool thread.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "storage/core/core_rows.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::storage::core {

using workspace_callback = std::function<void(db_result<workspace_row>)>;

struct pending_workspace {
  workspace_row workspace;
  user_workspace_row membership;
};

// One statement: the workspace (PENDING_CREATION) and the creator's user_workspace row. A taken
// subdomain fails with SQLSTATE 23505 (constraint workspace_subdomain_key).
void create_pending_workspace(pg::pool& pool, std::string user_id, std::string subdomain,
                              std::optional<std::string> display_name,
                              std::function<void(db_result<pending_workspace>)> done);

// Live (not soft-deleted) workspaces.
void find_workspace_by_id(pg::pool& pool, std::string id, workspace_callback done);
// By subdomain, or by custom domain when `host` is one.
void find_workspace_by_host(pg::pool& pool, std::string subdomain, std::string host,
                            workspace_callback done);
// Whether a workspace, live or deleted, holds the subdomain.
void subdomain_taken(pg::pool& pool, std::string subdomain,
                     std::function<void(db_result<bool>)> done);

// The live workspaces the user is a live member of, oldest membership first.
void list_user_workspaces(pg::pool& pool, std::string user_id,
                          std::function<void(db_result<std::vector<workspace_row>>)> done);
void find_user_workspace(pg::pool& pool, std::string user_id, std::string workspace_id,
                         std::function<void(db_result<user_workspace_row>)> done);

// updateWorkspace's settings; unset fields are left alone.
struct workspace_update {
  std::optional<std::string> subdomain;
  std::optional<std::optional<std::string>> custom_domain;  // set to a value or to NULL
  std::optional<std::optional<std::string>> display_name;
  std::optional<std::optional<std::string>> logo;
  std::optional<std::optional<std::string>> invite_hash;
  std::optional<bool> is_public_invite_link_enabled;
  std::optional<bool> allow_impersonation;
  std::optional<bool> is_google_auth_enabled;
  std::optional<bool> is_microsoft_auth_enabled;
  std::optional<bool> is_password_auth_enabled;
  std::optional<std::optional<std::string>> default_role_id;
  std::optional<bool> is_two_factor_authentication_enforced;
};
void update_workspace(pg::pool& pool, std::string id, workspace_update update,
                      workspace_callback done);

// Sets deleted_at (and the memberships' deleted_at); answers the workspace as it was deleted.
void soft_delete_workspace(pg::pool& pool, std::string id, workspace_callback done);

}  // namespace cohort::storage::core
