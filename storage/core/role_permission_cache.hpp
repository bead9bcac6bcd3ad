// A caller's rights (model::effective_permissions) resolved from its role, with a per-process
// cache keyed by role id.
//
// Staleness across nodes: every change to a role, to its permissions or flags, or to who holds it
// bumps core.workspace.roles_version in the same transaction. The request gate's one per-request
// statement (check_token_standing) already reads the workspace row; it also reads roles_version
// and the caller's role id, so a cached entry is used only when it was loaded at the workspace's
// current version. A change made on any node is thus seen by every node on its next request,
// without a second round trip on a hit and without cross-node messages; a miss costs one query.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "model/permissions/effective_permissions.hpp"
#include "storage/core/core_rows.hpp"
#include "storage/core/role_rows.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::storage::core {

using permissions_ptr = std::shared_ptr<const model::effective_permissions>;

// The settings flags (granted by canUpdateAllSettings) and tool flags (canAccessAllTools) of
// Twenty 1.6's PermissionFlagType.
const std::vector<std::string>& settings_permission_flags();
const std::vector<std::string>& tool_permission_flags();
bool is_permission_flag(std::string_view name);

// The rights a role gives: can*All for objects without their own row, object and field rows,
// flags expanded; unrestricted when every can* is true and no object or field row restricts.
model::effective_permissions permissions_of(const role_details& role);

// What a member with no role holds: nothing (every check that needs a right refuses).
permissions_ptr no_role_permissions();

class role_permission_cache {
 public:
  // The entry of that role when it was loaded at `roles_version`, else null.
  permissions_ptr find(const std::string& role_id, long roles_version) const;
  void store(const std::string& role_id, long roles_version, permissions_ptr permissions);
  std::size_t size() const;

 private:
  struct entry {
    long roles_version = 0;
    permissions_ptr permissions;
  };
  mutable std::mutex mutex_;
  std::unordered_map<std::string, entry> entries_;
};

// The process's cache.
role_permission_cache& shared_role_permission_cache();

// The role's permissions at that version: from the cache, or loaded (and cached). A role that is
// gone (deleted meanwhile) answers no_role_permissions().
void resolve_role_permissions(pg::pool& pool, std::string workspace_id, std::string role_id,
                              long roles_version,
                              std::function<void(db_result<permissions_ptr>)> done);

}  // namespace cohort::storage::core
