// Who may manage a workspace's API keys: Twenty guards them with a workspace in the token and the
// permission flag API_KEYS_AND_WEBHOOKS of the caller's role (permission_guard), for user sessions
// only.
#pragma once

#include <optional>

#include "actors/request_context.hpp"
#include "api/platform/permission_guard.hpp"

namespace cohort::api::platform {

// nullopt when `who` may list, create, change, revoke and mint the keys of its workspace.
std::optional<guard_refusal> api_key_permission(const actors::caller& who);

}  // namespace cohort::api::platform
