// The caller's workspace: activateWorkspace (schema, standard objects and the creator's member,
// then ACTIVE), currentWorkspace, updateWorkspace and deleteCurrentWorkspace (soft).
#include "api/platform/permission_guard.hpp"
#include "api/platform/platform_json.hpp"
#include "api/platform/platform_resolvers.hpp"
#include "api/platform/role_errors.hpp"
#include "api/platform/role_resolvers.hpp"
#include "api/platform/subdomain_generator.hpp"
#include "storage/core/user_repository.hpp"
#include "storage/core/workspace_activation.hpp"
#include "storage/core/workspace_repository.hpp"

namespace cohort::api::platform {

namespace core = storage::core;

namespace {

// Answers the workspace row, or the error for a missing one.
core::workspace_callback answer_workspace(const state_ptr& state, reply out) {
  return [state, out](core::db_result<core::workspace_row> w) {
    if (out.failed(w)) return;
    if (!w.value) return out.error(auth_exception("Workspace not found", "WORKSPACE_NOT_FOUND"));
    out.value(workspace_json(state->settings, *w.value));
  };
}

void activate(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  auto who = caller_of(info);
  if (!who.user_id || !who.workspace_id) return out.error(forbidden_resource());
  auto display_name = string_arg(object_arg(info.args(), "data"), "displayName");
  if (!display_name || display_name->empty()) {
    return out.error(user_input_error("'displayName' not provided"));
  }
  core::find_user_by_id(
      *state->pool, *who.user_id,
      [state, out, who, display_name](core::db_result<core::user_row> u) {
        if (out.failed(u)) return;
        if (!u.value) return out.error(auth_exception("User not found", "USER_NOT_FOUND"));
        core::activation_request request;
        request.workspace_id = *who.workspace_id;
        request.display_name = display_name;
        request.version = std::string(twenty_version);
        request.creator = {u.value->id, u.value->email, u.value->first_name, u.value->last_name,
                           u.value->locale};
        core::activate_workspace(
            *state->pool, std::move(request), state->provision,
            [state, out](core::activation_result r) {
              switch (r.failure) {
                case core::activation_failure::none:
                  return out.value(workspace_json(state->settings, *r.workspace));
                case core::activation_failure::not_found:
                  return out.error(auth_exception("Workspace not found", "WORKSPACE_NOT_FOUND"));
                case core::activation_failure::not_pending:
                  return out.error(internal_error("Workspace is not pending creation"));
                default:
                  return out.error(internal_error("Workspace activation failed: " + r.message));
              }
            });
      });
}

void current_workspace(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  auto who = caller_of(info);
  if (!who.workspace_id) return out.error(forbidden_resource());
  core::find_workspace_by_id(*state->pool, *who.workspace_id, answer_workspace(state, out));
}

// An UpdateWorkspaceInput field: absent, null or a string.
std::optional<std::optional<std::string>> nullable_string(const json::object& data,
                                                          std::string_view name) {
  const json::value* v = data.if_contains(name);
  if (!v) return std::nullopt;
  if (v->is_string()) return std::optional<std::string>(std::string(v->get_string()));
  return std::optional<std::string>();
}
std::optional<bool> optional_bool(const json::object& data, std::string_view name) {
  const json::value* v = data.if_contains(name);
  if (!v || !v->is_bool()) return std::nullopt;
  return v->get_bool();
}

void apply_update(const state_ptr& state, const reply& out, const actors::caller& who,
                  const json::object& data, bool role_checked = false);

void update(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  auto who = caller_of(info);
  if (!who.workspace_id || !who.user_id) return out.error(forbidden_resource());
  json::object data = object_arg(info.args(), "data");
  if (!missing_workspace_update_flag(who, data)) return apply_update(state, out, who, data);
  // Onboarding (PENDING_CREATION: no role yet) sets its workspace up without any flag.
  core::find_workspace_by_id(*state->pool, *who.workspace_id,
                             [state, out, who, data](core::db_result<core::workspace_row> w) {
                               if (out.failed(w)) return;
                               if (!w.value || w.value->activation_status != "PENDING_CREATION")
                                 return out.error(permission_denied_error());
                               apply_update(state, out, who, data);
                             });
}

void apply_update(const state_ptr& state, const reply& out, const actors::caller& who,
                  const json::object& data, bool role_checked) {
  // The default role must be a role of this workspace that members may hold.
  if (auto role = nullable_string(data, "defaultRoleId"); !role_checked && role && *role) {
    return with_role(state, out, *who.workspace_id, **role, false,
                     [state, out, who, data](storage::core::role_details r) {
                       if (!r.role.can_be_assigned_to_users)
                         return out.error(permissions_error("ROLE_CANNOT_BE_ASSIGNED_TO_USERS"));
                       apply_update(state, out, who, data, true);
                     });
  }
  core::workspace_update u;
  if (auto subdomain = nullable_string(data, "subdomain"); subdomain && *subdomain) {
    if (!is_valid_subdomain(**subdomain))
      return out.error(user_input_error("Subdomain is not valid"));
    u.subdomain = **subdomain;
  }
  u.custom_domain = nullable_string(data, "customDomain");
  u.display_name = nullable_string(data, "displayName");
  u.logo = nullable_string(data, "logo");
  u.invite_hash = nullable_string(data, "inviteHash");
  u.is_public_invite_link_enabled = optional_bool(data, "isPublicInviteLinkEnabled");
  u.allow_impersonation = optional_bool(data, "allowImpersonation");
  u.is_google_auth_enabled = optional_bool(data, "isGoogleAuthEnabled");
  u.is_microsoft_auth_enabled = optional_bool(data, "isMicrosoftAuthEnabled");
  u.is_password_auth_enabled = optional_bool(data, "isPasswordAuthEnabled");
  u.default_role_id = nullable_string(data, "defaultRoleId");
  u.is_two_factor_authentication_enforced =
      optional_bool(data, "isTwoFactorAuthenticationEnforced");
  core::update_workspace(
      *state->pool, *who.workspace_id, std::move(u),
      [state, out](core::db_result<core::workspace_row> w) {
        if (!w.ok() && w.error->sqlstate == storage::pg::sqlstate::unique_violation) {
          bool subdomain = w.error->constraint == "workspace_subdomain_key";
          return out.error(
              conflict_error(subdomain ? "Subdomain already taken" : "Domain already taken"));
        }
        answer_workspace(state, out)(std::move(w));
      });
}

void delete_current(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  auto who = caller_of(info);
  if (!who.workspace_id || !who.user_id) return out.error(forbidden_resource());
  if (!holds_flag(who, "WORKSPACE")) return out.error(permission_denied_error());
  core::soft_delete_workspace(*state->pool, *who.workspace_id, answer_workspace(state, out));
}

}  // namespace

void add_workspace_resolvers(resolver_list& out, const state_ptr& state) {
  out.push_back({"Mutation", "activateWorkspace", [state](resolve_info& info, completion done) {
                   activate(state, info, std::move(done));
                 }});
  out.push_back({"Query", "currentWorkspace", [state](resolve_info& info, completion done) {
                   current_workspace(state, info, std::move(done));
                 }});
  out.push_back({"Mutation", "updateWorkspace", [state](resolve_info& info, completion done) {
                   update(state, info, std::move(done));
                 }});
  out.push_back(
      {"Mutation", "deleteCurrentWorkspace", [state](resolve_info& info, completion done) {
         delete_current(state, info, std::move(done));
       }});
}

}  // namespace cohort::api::platform
