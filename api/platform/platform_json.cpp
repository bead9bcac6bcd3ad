#include "api/platform/platform_json.hpp"

#include "api/platform/resolver_support.hpp"
#include "api/platform/workspace_urls.hpp"

namespace cohort::api::platform {

boost::json::object workspace_json(const config::settings& settings,
                                   const storage::core::workspace_row& w) {
  json::object o;
  o["id"] = w.id;
  o["displayName"] = optional_json(w.display_name);
  o["logo"] = optional_json(w.logo);
  o["inviteHash"] = optional_json(w.invite_hash);
  o["deletedAt"] = optional_json(w.deleted_at);
  o["createdAt"] = w.created_at;
  o["updatedAt"] = w.updated_at;
  o["allowImpersonation"] = w.allow_impersonation;
  o["isPublicInviteLinkEnabled"] = w.is_public_invite_link_enabled;
  o["workspaceMembersCount"] = nullptr;
  o["activationStatus"] = w.activation_status;
  for (const char* views :
       {"views", "viewFields", "viewFilters", "viewFilterGroups", "viewGroups", "viewSorts"}) {
    o[views] = nullptr;
  }
  o["metadataVersion"] = w.metadata_version;
  o["databaseUrl"] = "";
  o["databaseSchema"] = w.database_schema;
  o["subdomain"] = w.subdomain;
  o["customDomain"] = optional_json(w.custom_domain);
  o["isGoogleAuthEnabled"] = w.is_google_auth_enabled;
  o["isTwoFactorAuthenticationEnforced"] = w.is_two_factor_authentication_enforced;
  o["isPasswordAuthEnabled"] = w.is_password_auth_enabled;
  o["isMicrosoftAuthEnabled"] = w.is_microsoft_auth_enabled;
  o["isCustomDomainEnabled"] = w.is_custom_domain_enabled;
  o["defaultRole"] = nullptr;
  o["defaultAgent"] = nullptr;
  o["version"] = optional_json(w.version);
  o["featureFlags"] = json::array();
  o["billingSubscriptions"] = json::array();
  o["currentBillingSubscription"] = nullptr;
  o["hasValidEnterpriseKey"] = false;
  o["workspaceUrls"] = workspace_urls_json(settings, w);
  return o;
}

boost::json::object user_json(const storage::core::user_row& u) {
  json::object o;
  o["id"] = u.id;
  o["firstName"] = u.first_name;
  o["lastName"] = u.last_name;
  o["email"] = u.email;
  o["defaultAvatarUrl"] = optional_json(u.default_avatar_url);
  o["isEmailVerified"] = u.is_email_verified;
  o["disabled"] = u.disabled;
  o["passwordHash"] = nullptr;  // listed by the contract, never given out
  o["canImpersonate"] = u.can_impersonate;
  o["canAccessFullAdminPanel"] = u.can_access_full_admin_panel;
  o["createdAt"] = u.created_at;
  o["updatedAt"] = u.updated_at;
  o["deletedAt"] = optional_json(u.deleted_at);
  o["locale"] = u.locale;
  o["userVars"] = json::object();
  o["supportUserHash"] = nullptr;
  o["deletedWorkspaceMembers"] = json::array();
  return o;
}

boost::json::object user_workspace_json(const storage::core::user_workspace_row& m,
                                        const storage::core::user_row& user,
                                        const boost::json::value& workspace) {
  json::object o;
  o["id"] = m.id;
  o["user"] = user_json(user);
  o["userId"] = user.id;
  o["workspace"] = workspace;
  o["workspaceId"] = m.workspace_id;
  o["locale"] = m.locale.value_or(user.locale);
  o["createdAt"] = m.created_at;
  o["updatedAt"] = m.updated_at;
  o["deletedAt"] = optional_json(m.deleted_at);
  o["permissionFlags"] = json::array();
  o["objectPermissions"] = json::array();
  o["objectsPermissions"] = json::array();
  o["twoFactorAuthenticationMethodSummary"] = json::array();
  return o;
}

boost::json::object workspace_member_json(const storage::core::workspace_member_row& m,
                                          const std::optional<std::string>& user_workspace_id) {
  json::object o;
  o["id"] = m.id;
  o["name"] = json::object{{"firstName", m.first_name}, {"lastName", m.last_name}};
  o["userEmail"] = m.user_email;
  o["colorScheme"] = m.color_scheme;
  o["avatarUrl"] = m.avatar_url;
  o["locale"] = m.locale;
  o["calendarStartDay"] = m.calendar_start_day;
  o["timeZone"] = m.time_zone;
  o["dateFormat"] = m.date_format;
  o["timeFormat"] = m.time_format;
  o["roles"] = json::array();
  o["userWorkspaceId"] = optional_json(user_workspace_id);
  o["numberFormat"] = m.number_format;
  return o;
}

}  // namespace cohort::api::platform
