// Roles as the platform GraphQL type Role gives them out (spec §3.1): the role's columns, its
// members (WorkspaceMember, read from the workspace schema), API keys (ApiKeyForRole), permission
// flags, object permissions (with their restrictedFields) and field permissions; agents are not
// kept (always []).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "api/platform/resolver_support.hpp"
#include "storage/core/role_rows.hpp"
#include "storage/core/workspace_member_repository.hpp"

namespace cohort::api::platform {

using member_map = std::unordered_map<std::string, storage::core::workspace_member_row>;

// `members` by user id (those missing are left out).
json::object role_json(const storage::core::role_details& role, const member_map& members);
json::object object_permission_json(const storage::core::object_permission_row& p,
                                    const std::vector<storage::core::field_permission_row>& fields);
json::object field_permission_json(const storage::core::field_permission_row& p);
json::object permission_flag_json(const storage::core::permission_flag_row& f);

// Reads the workspaceMember rows of the roles' members and answers their JSON, in order.
void roles_json(const state_ptr& state, std::string workspace_id,
                std::vector<storage::core::role_details> roles,
                std::function<void(std::optional<field_error>, json::array)> done);

}  // namespace cohort::api::platform
