// The 2FA root fields of Twenty 1.6: provisioning a TOTP method with a login token (a sign-in that
// must set one up) or as a signed-in member, verifying it, signing in with an OTP, and deleting
// one's own method.
#include "api/platform/platform_resolvers.hpp"
#include "api/platform/two_factor_otp.hpp"
#include "storage/core/two_factor_method_repository.hpp"
#include "storage/core/user_repository.hpp"
#include "storage/core/workspace_repository.hpp"

namespace cohort::api::platform {

namespace core = storage::core;

namespace {

// A member signed in to a workspace with a user session (no API key, no agnostic token).
bool is_workspace_member_session(const actors::caller& who) {
  return who.token_type == "ACCESS" && who.user_id && who.workspace_id;
}

// The user a login token names, then `next`.
void with_login_user(const state_ptr& state, const reply& out, const login_grant& login,
                     std::function<void(core::user_row)> next) {
  core::find_user_by_email(*state->pool, login.email,
                           [out, next = std::move(next)](core::db_result<core::user_row> u) {
                             if (out.failed(u)) return;
                             if (!u.value) {
                               return out.error(auth_exception("User not found", "USER_NOT_FOUND"));
                             }
                             next(std::move(*u.value));
                           });
}

void answer_uri(const reply& out, std::string uri) {
  out.value(json::object{{"uri", std::move(uri)}});
}

void initiate_otp_provisioning(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  verify_login_grant(
      state, out, string_arg(info.args(), "loginToken").value_or(""),
      string_arg(info.args(), "origin").value_or(""), [state, out](login_grant login) {
        with_login_user(state, out, login, [state, out, login](core::user_row user) {
          otp_account account{user.id, user.email, login.workspace.id,
                              login.workspace.display_name.value_or("")};
          provision_totp(state, out, account, [out](std::string uri) { answer_uri(out, uri); });
        });
      });
}

void initiate_otp_provisioning_for_authenticated_user(const state_ptr& state, resolve_info& info,
                                                      completion done) {
  reply out(std::move(done));
  auto who = caller_of(info);
  if (!is_workspace_member_session(who)) return out.error(forbidden_resource());
  std::string user_id = *who.user_id;
  core::find_user_by_id(
      *state->pool, user_id,
      [state, out, workspace_id = *who.workspace_id](core::db_result<core::user_row> u) {
        if (out.failed(u)) return;
        if (!u.value) return out.error(auth_exception("User not found", "USER_NOT_FOUND"));
        core::find_workspace_by_id(
            *state->pool, workspace_id,
            [state, out, user = std::move(*u.value)](core::db_result<core::workspace_row> w) {
              if (out.failed(w)) return;
              if (!w.value) {
                return out.error(auth_exception("Workspace not found", "WORKSPACE_NOT_FOUND"));
              }
              otp_account account{user.id, user.email, w.value->id,
                                  w.value->display_name.value_or("")};
              provision_totp(state, out, account, [out](std::string uri) { answer_uri(out, uri); });
            });
      });
}

void get_auth_tokens_from_otp(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  std::string otp = string_arg(info.args(), "otp").value_or("");
  verify_login_grant(
      state, out, string_arg(info.args(), "loginToken").value_or(""),
      string_arg(info.args(), "origin").value_or(""), [state, out, otp](login_grant login) {
        with_login_user(state, out, login, [state, out, otp, login](core::user_row user) {
          validate_otp(state, out, user.id, login.workspace.id, otp,
                       [state, out, login] { complete_login(state, out, login); });
        });
      });
}

void verify_method_for_authenticated_user(const state_ptr& state, resolve_info& info,
                                          completion done) {
  reply out(std::move(done));
  auto who = caller_of(info);
  if (!is_workspace_member_session(who)) return out.error(forbidden_resource());
  validate_otp(state, out, *who.user_id, *who.workspace_id,
               string_arg(info.args(), "otp").value_or(""), [out] {
                 out.value(json::object{{"success", true}});
               });
}

void delete_own_method(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  auto who = caller_of(info);
  if (!is_workspace_member_session(who)) return out.error(forbidden_resource());
  std::string id = string_arg(info.args(), "twoFactorAuthenticationMethodId").value_or("");
  core::find_method_in_workspace(
      *state->pool, id, *who.workspace_id,
      [state, out, user_id = *who.user_id](core::db_result<core::two_factor_method_row> m) {
        if (out.failed(m)) return;
        if (!m.value) {
          return out.error(
              auth_exception("Two-factor authentication method not found", "INVALID_INPUT"));
        }
        if (m.value->user_id != user_id) {
          return out.error(
              auth_exception("You can only delete your own two-factor authentication methods",
                             "FORBIDDEN_EXCEPTION"));
        }
        core::delete_method(*state->pool, m.value->id, [out](core::db_result<bool> deleted) {
          if (out.failed(deleted)) return;
          out.value(json::object{{"success", true}});
        });
      });
}

}  // namespace

void add_two_factor_resolvers(resolver_list& out, const state_ptr& state) {
  out.push_back(
      {"Mutation", "initiateOTPProvisioning", [state](resolve_info& info, completion done) {
         initiate_otp_provisioning(state, info, std::move(done));
       }});
  out.push_back({"Mutation", "initiateOTPProvisioningForAuthenticatedUser",
                 [state](resolve_info& info, completion done) {
                   initiate_otp_provisioning_for_authenticated_user(state, info, std::move(done));
                 }});
  out.push_back({"Mutation", "getAuthTokensFromOTP", [state](resolve_info& info, completion done) {
                   get_auth_tokens_from_otp(state, info, std::move(done));
                 }});
  out.push_back({"Mutation", "verifyTwoFactorAuthenticationMethodForAuthenticatedUser",
                 [state](resolve_info& info, completion done) {
                   verify_method_for_authenticated_user(state, info, std::move(done));
                 }});
  out.push_back({"Mutation", "deleteTwoFactorAuthenticationMethod",
                 [state](resolve_info& info, completion done) {
                   delete_own_method(state, info, std::move(done));
                 }});
}

}  // namespace cohort::api::platform
