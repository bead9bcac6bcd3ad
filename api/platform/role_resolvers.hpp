// The role and permission operations of spec §3.3 on /metadata and /graphql, each guarded by the
// ROLES permission flag (assignRoleToApiKey by API_KEYS_AND_WEBHOOKS): getRoles, createOneRole,
// updateOneRole, deleteOneRole (role_resolvers.cpp); updateWorkspaceMemberRole and
// assignRoleToApiKey (role_assignment_resolvers.cpp); upsertObjectPermissions,
// upsertFieldPermissions and upsertPermissionFlags (role_permission_resolvers.cpp).
#pragma once

#include <optional>
#include <string>

#include "api/platform/resolver_support.hpp"
#include "graphql/type/schema_builder.hpp"
#include "storage/core/role_rows.hpp"

namespace cohort::api::platform {

void add_role_resolvers(resolver_list& out, const state_ptr& state);
void add_role_assignment_resolvers(resolver_list& out, const state_ptr& state);
void add_role_permission_resolvers(resolver_list& out, const state_ptr& state);

// currentUser's role fields (role_type_resolvers.cpp): UserWorkspace.permissionFlags,
// objectsPermissions, objectPermissions and WorkspaceMember.roles.
void attach_role_type_resolvers(graphql::type::schema_builder& builder, const state_ptr& state);

// Loads the workspace's role for a change: answers ROLE_NOT_FOUND, or ROLE_NOT_EDITABLE when
// `editable_only` and the role is a standard one, else calls `next` with it.
void with_role(const state_ptr& state, const reply& out, std::string workspace_id,
               std::string role_id, bool editable_only,
               std::function<void(storage::core::role_details)> next);

// A Boolean member of an input object; nullopt when absent or null.
std::optional<bool> bool_input(const json::object& input, std::string_view key);

// Answers the role (Role JSON) as it is now.
void answer_role(const state_ptr& state, const reply& out, std::string workspace_id,
                 std::string role_id);

}  // namespace cohort::api::platform
