// core.role rows of one workspace and who holds them (role_target): list with details, find,
// create, update, delete (holders fall back to another role), a membership's role and an API
// key's role. Every statement is scoped by workspace id, so another workspace's role id is "no
// such role"; every change bumps workspace.roles_version in its own transaction (see
// role_permission_cache.hpp for why).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "storage/core/core_rows.hpp"
#include "storage/core/role_rows.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::storage::core {

// The settable columns of a role; absent members are left as they are (update) or take the
// table's defaults (insert). description and icon may be set to null.
struct role_fields {
  std::optional<std::string> label;
  std::optional<std::optional<std::string>> description;
  std::optional<std::optional<std::string>> icon;
  std::optional<bool> can_update_all_settings;
  std::optional<bool> can_access_all_tools;
  std::optional<bool> can_read_all_object_records;
  std::optional<bool> can_update_all_object_records;
  std::optional<bool> can_soft_delete_all_object_records;
  std::optional<bool> can_destroy_all_object_records;
  std::optional<bool> can_be_assigned_to_users;
  std::optional<bool> can_be_assigned_to_agents;
  std::optional<bool> can_be_assigned_to_api_keys;
};

using role_callback = std::function<void(db_result<role_row>)>;
using role_details_callback = std::function<void(db_result<role_details>)>;
using role_list_callback = std::function<void(db_result<std::vector<role_details>>)>;
using done_callback = std::function<void(db_result<bool>)>;

// Every role of the workspace with its flags, permissions, members and API keys, oldest first.
void list_roles(pg::pool& pool, std::string workspace_id, role_list_callback done);
// One role with its details; no value when the workspace has no such role.
void find_role(pg::pool& pool, std::string workspace_id, std::string role_id,
               role_details_callback done);

// A label already used in the workspace fails with SQLSTATE 23505 (role_label_workspace_key).
void insert_role(pg::pool& pool, std::string workspace_id, std::optional<std::string> id,
                 role_fields fields, role_callback done);
// The updated row; no value when the workspace has no such role.
void update_role(pg::pool& pool, std::string workspace_id, std::string role_id, role_fields fields,
                 role_callback done);
// Moves the role's members and API keys to `fallback_role_id`, then deletes the role (its
// permissions go with it). true when a row was deleted.
void delete_role(pg::pool& pool, std::string workspace_id, std::string role_id,
                 std::string fallback_role_id, done_callback done);

// The role of a membership of the workspace; no value when it holds none.
void find_member_role(pg::pool& pool, std::string workspace_id, std::string user_workspace_id,
                      role_callback done);
// The membership of a user in the workspace (core.user_workspace id), for a workspaceMember's
// userId; no value when there is none.
void find_user_workspace_id(pg::pool& pool, std::string workspace_id, std::string user_id,
                            std::function<void(db_result<std::string>)> done);
// Gives the membership that role (replacing the one it held).
void assign_member_role(pg::pool& pool, std::string workspace_id, std::string user_workspace_id,
                        std::string role_id, done_callback done);
// How many live memberships of the workspace hold the role.
void count_role_members(pg::pool& pool, std::string workspace_id, std::string role_id,
                        std::function<void(db_result<long>)> done);
// Gives the API key that role (core.api_key.role_id and its role_target row); false when the
// workspace has no such key.
void assign_api_key_role(pg::pool& pool, std::string workspace_id, std::string api_key_id,
                         std::string role_id, done_callback done);

// The statement that bumps the workspace's roles_version ($1 = workspace id), for transactions
// of other repositories that change who holds which right.
pg::statement bump_roles_version(const std::string& workspace_id);

}  // namespace cohort::storage::core
