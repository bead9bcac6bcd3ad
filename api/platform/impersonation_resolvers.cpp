// impersonate(userId, workspaceId): a LOGIN token for another user's membership, marked
// authProvider "impersonation" with the impersonator's membership, that getAuthTokensFromLoginToken
// turns into an impersonation session (isImpersonating, 1-day refresh token, no second factor).
// Twenty's rules: an API key never impersonates; the caller needs the server-level canImpersonate
// or its role's IMPERSONATE flag; inside its own workspace the IMPERSONATE flag decides; another
// workspace needs canImpersonate, that workspace's allowImpersonation and the impersonator's
// verified 2FA. Cohort also refuses impersonating oneself. Every attempt, allowed or refused, is
// logged (Twenty 1.6 writes it to an audit log this server does not keep).
#include <spdlog/spdlog.h>

#include "api/platform/permission_guard.hpp"
#include "api/platform/platform_resolvers.hpp"
#include "api/platform/workspace_urls.hpp"
#include "storage/core/two_factor_method_repository.hpp"
#include "storage/core/user_repository.hpp"
#include "storage/core/workspace_repository.hpp"

namespace cohort::api::platform {

namespace core = storage::core;

namespace {

field_error denied_with(std::string friendly) {
  auto e = permission_denied_error();
  e.extensions["userFriendlyMessage"] = std::move(friendly);
  return e;
}

struct attempt {
  std::string impersonator_user_id;
  std::string impersonator_workspace_id;
  std::string impersonator_user_workspace_id;
  std::string target_user_id;
  std::string target_workspace_id;
};

void refuse(const reply& out, const attempt& a, std::string_view why, field_error error) {
  spdlog::warn(
      "impersonation refused ({}): impersonatorUserId={} impersonatorWorkspaceId={} "
      "targetUserId={} workspaceId={}",
      why, a.impersonator_user_id, a.impersonator_workspace_id, a.target_user_id,
      a.target_workspace_id);
  out.error(std::move(error));
}

void grant(const state_ptr& state, const reply& out, const attempt& a, std::string_view level,
           const core::user_row& target, const core::workspace_row& workspace) {
  auth::login_token_claims claims;
  claims.email = target.email;
  claims.workspace_id = workspace.id;
  claims.auth_provider = "impersonation";
  claims.impersonator_user_workspace_id = a.impersonator_user_workspace_id;
  claims.jti = new_uuid();
  spdlog::info(
      "{}.impersonation.login_token_generated: impersonatorUserId={} targetUserId={} "
      "workspaceId={}",
      level, a.impersonator_user_id, a.target_user_id, a.target_workspace_id);
  out.value(json::object{
      {"loginToken", auth_token_json(state->tokens->mint_login(claims))},
      {"workspace",
       json::object{{"id", workspace.id},
                    {"workspaceUrls", workspace_urls_json(state->settings, workspace)}}}});
}

// Another workspace than the caller's: Twenty's server-level impersonation.
void impersonate_across(const state_ptr& state, const reply& out, const attempt& a,
                        const core::user_row& impersonator, const core::user_row& target,
                        const core::workspace_row& workspace) {
  if (!impersonator.can_impersonate || !workspace.allow_impersonation) {
    return refuse(out, a, "server level not allowed",
                  auth_exception("Impersonation not enabled for the impersonator user or the "
                                 "target workspace",
                                 "FORBIDDEN_EXCEPTION"));
  }
  core::find_totp_method(
      *state->pool, a.impersonator_user_id, a.impersonator_workspace_id,
      [state, out, a, target, workspace](core::db_result<core::two_factor_method_row> m) {
        if (out.failed(m)) return;
        if (!m.value || m.value->status != "VERIFIED") {
          return refuse(
              out, a, "no verified 2FA",
              auth_exception("Two-factor authentication is required for server-level "
                             "impersonation. Please enable 2FA in your workspace settings before "
                             "attempting to impersonate users.",
                             "TWO_FACTOR_AUTHENTICATION_PROVISION_REQUIRED"));
        }
        grant(state, out, a, "server", target, workspace);
      });
}

void impersonate(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  auto who = caller_of(info);
  if (who.anonymous() || !who.workspace_id || who.token_type == "WORKSPACE_AGNOSTIC")
    return out.error(guard_error(guard_refusal::no_workspace));
  attempt a{who.user_id.value_or(""), *who.workspace_id, who.user_workspace_id.value_or(""),
            string_arg(info.args(), "userId").value_or(""),
            string_arg(info.args(), "workspaceId").value_or("")};
  if (who.token_type == "API_KEY" || a.impersonator_user_workspace_id.empty() ||
      a.impersonator_user_id.empty()) {
    return refuse(out, a, "api key", denied_with("Can't impersonate user via api key"));
  }
  spdlog::info("impersonation attempt: targetUserId={} workspaceId={} impersonatorUserId={}",
               a.target_user_id, a.target_workspace_id, a.impersonator_user_id);
  const bool has_flag = holds_flag(who, "IMPERSONATE");
  core::find_user_by_id(
      *state->pool, a.impersonator_user_id,
      [state, out, a, has_flag](core::db_result<core::user_row> me) {
        if (out.failed(me)) return;
        if (!me.value) return out.error(auth_exception("User not found", "USER_NOT_FOUND"));
        core::user_row impersonator = std::move(*me.value);
        if (!impersonator.can_impersonate && !has_flag) {
          return refuse(out, a, "no IMPERSONATE permission",
                        denied_with("You do not have permission to impersonate users. Please "
                                    "contact your workspace administrator for access."));
        }
        if (a.target_user_id == a.impersonator_user_id) {
          return refuse(out, a, "self",
                        auth_exception("Cannot impersonate yourself", "FORBIDDEN_EXCEPTION"));
        }
        auto not_found = [out, a] {
          refuse(out, a, "no such membership",
                 auth_exception("User not found in workspace or impersonation not enabled",
                                "USER_WORKSPACE_NOT_FOUND"));
        };
        core::find_user_workspace(
            *state->pool, a.target_user_id, a.target_workspace_id,
            [state, out, a, has_flag, impersonator,
             not_found](core::db_result<core::user_workspace_row> m) {
              if (out.failed(m)) return;
              if (!m.value) return not_found();
              core::find_user_by_id(
                  *state->pool, a.target_user_id,
                  [state, out, a, has_flag, impersonator,
                   not_found](core::db_result<core::user_row> t) {
                    if (out.failed(t)) return;
                    if (!t.value) return not_found();
                    core::user_row target = std::move(*t.value);
                    core::find_workspace_by_id(
                        *state->pool, a.target_workspace_id,
                        [state, out, a, has_flag, impersonator, target,
                         not_found](core::db_result<core::workspace_row> w) {
                          if (out.failed(w)) return;
                          if (!w.value) return not_found();
                          if (a.target_workspace_id != a.impersonator_workspace_id) {
                            return impersonate_across(state, out, a, impersonator, target,
                                                      *w.value);
                          }
                          if (!has_flag) {
                            return refuse(
                                out, a, "workspace level not allowed",
                                auth_exception("Impersonation not enabled for this workspace",
                                               "FORBIDDEN_EXCEPTION"));
                          }
                          grant(state, out, a, "workspace", target, *w.value);
                        });
                  });
            });
      });
}

}  // namespace

void add_impersonation_resolvers(resolver_list& out, const state_ptr& state) {
  out.push_back({"Mutation", "impersonate", [state](resolve_info& info, completion done) {
                   impersonate(state, info, std::move(done));
                 }});
}

}  // namespace cohort::api::platform
