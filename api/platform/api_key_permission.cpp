#include "api/platform/api_key_permission.hpp"

namespace cohort::api::platform {

std::optional<api_key_refusal> api_key_permission(const actors::caller& who) {
  if (who.anonymous() || !who.workspace_id || who.token_type == "WORKSPACE_AGNOSTIC")
    return api_key_refusal::no_workspace;
  if (who.token_type != "ACCESS" || !who.user_id || !who.workspace_member_id)
    return api_key_refusal::permission_denied;
  // The role check (API_KEYS_AND_WEBHOOKS of the member's role) belongs here.
  return std::nullopt;
}

}  // namespace cohort::api::platform
