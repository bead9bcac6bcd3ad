// Who may manage a workspace's webhooks. Twenty guards every webhook field with WorkspaceAuthGuard
// (a workspace in the token) and the permission flag API_KEYS_AND_WEBHOOKS of the caller's role
// (a member's or an API key's), checked by api/platform/permission_guard.
#pragma once

#include <optional>

#include "actors/request_context.hpp"

namespace cohort::api::webhooks {

enum class webhook_refusal {
  no_workspace,       // anonymous or workspace-agnostic: Twenty's "Forbidden resource"
  permission_denied,  // a caller without API_KEYS_AND_WEBHOOKS (FORBIDDEN, PERMISSION_DENIED)
};

// nullopt when `who` may read and change the webhooks of its workspace.
std::optional<webhook_refusal> webhook_permission(const actors::caller& who);

}  // namespace cohort::api::webhooks
