// Who may manage a workspace's webhooks. Twenty guards every webhook field with WorkspaceAuthGuard
// (a workspace in the token) and the permission flag API_KEYS_AND_WEBHOOKS of the caller's role
// (a member's or an API key's), checked by api/platform/permission_guard.
#pragma once

#include <optional>

#include "actors/request_context.hpp"
#include "api/platform/permission_guard.hpp"

namespace cohort::api::webhooks {

// nullopt when `who` may read and change the webhooks of its workspace.
std::optional<platform::guard_refusal> webhook_permission(const actors::caller& who);

}  // namespace cohort::api::webhooks
