// The implemented platform root fields, one group per file: sign-up, sign-in and tokens, the
// current user, the current workspace. Each adds its resolvers to a list platform_schema attaches.
#pragma once

#include "api/platform/resolver_support.hpp"

namespace cohort::api::platform {

void add_sign_up_resolvers(resolver_list& out, const state_ptr& state);
void add_sign_in_resolvers(resolver_list& out, const state_ptr& state);
void add_token_resolvers(resolver_list& out, const state_ptr& state);
void add_current_user_resolvers(resolver_list& out, const state_ptr& state);
void add_workspace_resolvers(resolver_list& out, const state_ptr& state);
void add_search_resolvers(resolver_list& out, const state_ptr& state);

// Shared by sign-up and sign-in: the AvailableWorkspaces of a user, each live workspace listed
// for sign-in with a fresh login token (Twenty's availableWorkspacesForSignIn).
void available_workspaces(const state_ptr& state, const std::string& user_id,
                          const std::string& email,
                          std::function<void(std::optional<field_error>, json::object)> done);

}  // namespace cohort::api::platform
