#include "api/platform/permission_guard.hpp"

namespace cohort::api::platform {

bool holds_flag(const actors::caller& who, std::string_view flag) {
  return !who.permissions || who.permissions->has_flag(flag);
}

std::optional<guard_refusal> check_flag(const actors::caller& who, std::string_view flag) {
  if (who.anonymous() || !who.workspace_id || who.token_type == "WORKSPACE_AGNOSTIC")
    return guard_refusal::no_workspace;
  if (!holds_flag(who, flag)) return guard_refusal::permission_denied;
  return std::nullopt;
}

field_error permission_denied_error() {
  json::object ext;
  ext["subCode"] = "PERMISSION_DENIED";
  ext["userFriendlyMessage"] = "You do not have permission to perform this action.";
  ext["code"] = "FORBIDDEN";
  return field_error("Entity performing the request does not have permission", std::move(ext));
}

field_error guard_error(guard_refusal why) {
  if (why == guard_refusal::no_workspace) return forbidden_resource();
  return permission_denied_error();
}

std::optional<std::string> workspace_with_flag(const resolve_info& info, const reply& out,
                                               std::string_view flag) {
  auto who = caller_of(info);
  if (auto why = check_flag(who, flag)) {
    out.error(guard_error(*why));
    return std::nullopt;
  }
  return who.workspace_id;
}

std::optional<std::string_view> missing_workspace_update_flag(const actors::caller& who,
                                                              const json::object& data) {
  struct guarded_field {
    std::string_view field;
    std::string_view flag;
  };
  static constexpr guarded_field fields[] = {
      {"displayName", "WORKSPACE"},
      {"subdomain", "WORKSPACE"},
      {"logo", "WORKSPACE"},
      {"customDomain", "WORKSPACE"},
      {"trashRetentionDays", "WORKSPACE"},
      {"inviteHash", "WORKSPACE_MEMBERS"},
      {"isGoogleAuthEnabled", "SECURITY"},
      {"isMicrosoftAuthEnabled", "SECURITY"},
      {"isPasswordAuthEnabled", "SECURITY"},
      {"allowImpersonation", "SECURITY"},
      {"isTwoFactorAuthenticationEnforced", "SECURITY"},
      {"isPublicInviteLinkEnabled", "SECURITY"},
      {"editableProfileFields", "SECURITY"},
      {"defaultRoleId", "ROLES"},
  };
  for (const auto& f : fields) {
    if (data.contains(f.field) && !holds_flag(who, f.flag)) return f.flag;
  }
  return std::nullopt;
}

}  // namespace cohort::api::platform
