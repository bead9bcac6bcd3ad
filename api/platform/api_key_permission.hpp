// Who may manage a workspace's API keys: Twenty guards them with a workspace in the token and the
// permission flag API_KEYS_AND_WEBHOOKS, for user sessions only. Roles are not kept yet, so every
// member of the workspace holds the flag and API keys hold none; when roles come, the role check
// goes into api_key_permission() and nowhere else.
#pragma once

#include <optional>

#include "actors/request_context.hpp"

namespace cohort::api::platform {

enum class api_key_refusal {
  no_workspace,       // anonymous or workspace-agnostic: Twenty's "Forbidden resource"
  permission_denied,  // not a member of the workspace (FORBIDDEN, PERMISSION_DENIED)
};

// nullopt when `who` may list, create, change, revoke and mint the keys of its workspace.
std::optional<api_key_refusal> api_key_permission(const actors::caller& who);

}  // namespace cohort::api::platform
