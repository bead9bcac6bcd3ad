// A role's object permissions, field permissions and permission flags (Twenty's
// upsertObjectPermissions, upsertFieldPermissions, upsertPermissionFlags): each call changes the
// role's rows and bumps workspace.roles_version in one transaction, then answers all of the
// role's rows of that kind. Validation (the role exists and is editable, the objects and fields
// exist, restrictions only) is the caller's: these functions only write.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "storage/core/core_rows.hpp"
#include "storage/core/role_rows.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::storage::core {

// Absent rights are left as they were (null on a new row).
struct object_permission_input {
  std::string object_metadata_id;
  std::optional<bool> can_read;
  std::optional<bool> can_update;
  std::optional<bool> can_soft_delete;
  std::optional<bool> can_destroy;
};

// Absent rights are left as they were; a row left with no restriction at all is deleted.
struct field_permission_input {
  std::string object_metadata_id;
  std::string field_metadata_id;
  std::optional<bool> can_read;
  std::optional<bool> can_update;
};

void upsert_object_permissions(
    pg::pool& pool, std::string workspace_id, std::string role_id,
    std::vector<object_permission_input> inputs,
    std::function<void(db_result<std::vector<object_permission_row>>)> done);

void upsert_field_permissions(
    pg::pool& pool, std::string workspace_id, std::string role_id,
    std::vector<field_permission_input> inputs,
    std::function<void(db_result<std::vector<field_permission_row>>)> done);

// The role holds exactly `flags` afterwards (flags not listed are removed).
void replace_permission_flags(
    pg::pool& pool, std::string workspace_id, std::string role_id, std::vector<std::string> flags,
    std::function<void(db_result<std::vector<permission_flag_row>>)> done);

}  // namespace cohort::storage::core
