#include "api/platform/api_key_permission.hpp"

#include "api/platform/permission_guard.hpp"

namespace cohort::api::platform {

std::optional<guard_refusal> api_key_permission(const actors::caller& who) {
  if (auto why = check_flag(who, "API_KEYS_AND_WEBHOOKS")) return why;
  // User sessions only: a key may not manage keys, whatever its role.
  if (who.token_type != "ACCESS" || !who.user_id || !who.workspace_member_id)
    return guard_refusal::permission_denied;
  return std::nullopt;
}

}  // namespace cohort::api::platform
