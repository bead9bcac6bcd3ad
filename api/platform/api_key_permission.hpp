// Who may manage a workspace's API keys: Twenty guards them with a workspace in the token and the
// permission flag API_KEYS_AND_WEBHOOKS of the caller's role (permission_guard), for user sessions
// only.
#pragma once

#include <optional>

#include "actors/request_context.hpp"

namespace cohort::api::platform {

enum class api_key_refusal {
  no_workspace,       // anonymous or workspace-agnostic: Twenty's "Forbidden resource"
  permission_denied,  // no API_KEYS_AND_WEBHOOKS, or not a user session (FORBIDDEN,
                      // PERMISSION_DENIED)
};

// nullopt when `who` may list, create, change, revoke and mint the keys of its workspace.
std::optional<api_key_refusal> api_key_permission(const actors::caller& who);

}  // namespace cohort::api::platform
