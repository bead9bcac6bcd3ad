#include "api/webhooks/webhook_permission.hpp"

#include "api/platform/permission_guard.hpp"

namespace cohort::api::webhooks {

std::optional<platform::guard_refusal> webhook_permission(const actors::caller& who) {
  if (auto why = platform::check_flag(who, "API_KEYS_AND_WEBHOOKS")) return why;
  // A user session must be a member of the workspace; an API key acts with its own role.
  if (who.token_type == "API_KEY") return std::nullopt;
  if (!who.user_id || !who.workspace_member_id) return platform::guard_refusal::permission_denied;
  return std::nullopt;
}

}  // namespace cohort::api::webhooks
