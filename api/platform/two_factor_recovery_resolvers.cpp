// Two-factor recovery codes as newer Twenty serves them (root fields beside 1.6's, see
// platform_schema.cpp): a workspace admin (SECURITY flag) who has 2FA and proves it with an OTP
// issues a member who lost their authenticator a single code (generateTwoFactorAuthentication-
// RecoveryCode, shown once), can look at (twoFactorAuthenticationRecoveryStatus) or revoke it; the
// member signs in with it instead of an OTP (getAuthTokensFromTwoFactorAuthenticationRecoveryCode),
// which uses the code up, resets the member's 2FA and ends their other sessions in that workspace.
// Redemption attempts count against the member's OTP throttle as well as Twenty's own limit.
#include <chrono>

#include "api/auth/crypto.hpp"
#include "api/auth/totp.hpp"
#include "api/platform/permission_guard.hpp"
#include "api/platform/platform_resolvers.hpp"
#include "api/platform/two_factor_otp.hpp"
#include "api/platform/two_factor_recovery_mail.hpp"
#include "api/platform/two_factor_secret.hpp"
#include "api/rate_limit/shared_limiters.hpp"
#include "storage/core/two_factor_method_repository.hpp"
#include "storage/core/two_factor_recovery_code_repository.hpp"
#include "storage/core/user_repository.hpp"
#include "storage/core/workspace_repository.hpp"

namespace cohort::api::platform {

namespace core = storage::core;

namespace {

// Twenty's limits: 5 redemptions per 15 minutes per membership, 10 issuances per hour per admin.
constexpr int redemptions_per_window = 5;
constexpr std::chrono::milliseconds redemption_window = std::chrono::minutes(15);
constexpr int issuances_per_window = 10;
constexpr std::chrono::milliseconds issuance_window = std::chrono::hours(1);
// TWO_FACTOR_AUTHENTICATION_RECOVERY_CODE_EXPIRES_IN.
constexpr std::chrono::seconds code_lifetime = std::chrono::hours(1);
// Codes are 23 characters; a longer argument is refused before anything is looked up.
constexpr std::size_t max_code_length = 64;

// Takes one token of a `max` per `window` bucket (Twenty's ThrottlerService; in Redis with
// REDIS_URL, like the OTP throttle), then `next`; LIMIT_REACHED otherwise.
void take_token(const state_ptr& state, const reply& out, const std::string& prefix, int max,
                std::chrono::milliseconds window, std::string key, std::function<void()> next) {
  rate_limit::shared_limiter(state->settings.redis_url, prefix,
                             {static_cast<double>(max), window, 100'000})
      ->apply(std::move(key), rate_limit::bucket_op::take,
              [out, max, window, next = std::move(next)](rate_limit::decision d) {
                if (!d.allowed) return out.error(limit_reached_error(max, window));
                next();
              });
}

// TwoFactorAuthenticationException through its filter: INVALID_RECOVERY_CODE and
// STEP_UP_AUTHENTICATION_REQUIRED are user input errors, the rest FORBIDDEN.
field_error recovery_error(std::string message, std::string_view sub_code,
                           std::string_view friendly) {
  json::object ext;
  ext["subCode"] = sub_code;
  ext["userFriendlyMessage"] = friendly;
  ext["code"] = sub_code == "INVALID_RECOVERY_CODE" || sub_code == "STEP_UP_AUTHENTICATION_REQUIRED"
                    ? "BAD_USER_INPUT"
                    : "FORBIDDEN";
  return field_error(std::move(message), std::move(ext));
}

field_error invalid_recovery_code() {
  return recovery_error("Invalid recovery code", "INVALID_RECOVERY_CODE",
                        "Invalid recovery code. Please try again.");
}

field_error not_a_member() {
  return recovery_error("The user is not a member of this workspace",
                        "RECOVERY_CODE_TARGET_NOT_ALLOWED",
                        "This user is not a member of the workspace.");
}

bool has_admin_privileges(const core::user_row& u) {
  return u.can_impersonate || u.can_access_full_admin_panel;
}

struct admin_call {
  std::string actor_id;
  std::string workspace_id;
};

// A user session in a workspace whose role holds SECURITY; otherwise the refusal is answered.
std::optional<admin_call> security_admin(const resolve_info& info, const reply& out) {
  auto who = caller_of(info);
  if (who.token_type != "ACCESS" || !who.user_id || !who.workspace_id) {
    out.error(forbidden_resource());
    return std::nullopt;
  }
  if (auto why = check_flag(who, "SECURITY")) {
    out.error(guard_error(*why));
    return std::nullopt;
  }
  return admin_call{*who.user_id, *who.workspace_id};
}

// The target's live membership of the admin's workspace and the target user, when the admin may
// manage its recovery: only a server administrator manages a server administrator's.
void with_manageable_target(const state_ptr& state, const reply& out, const admin_call& admin,
                            const std::string& target_id,
                            std::function<void(core::user_workspace_row, core::user_row)> next) {
  core::find_user_workspace(
      *state->pool, target_id, admin.workspace_id,
      [state, out, admin, target_id,
       next = std::move(next)](core::db_result<core::user_workspace_row> m) {
        if (out.failed(m)) return;
        if (!m.value) return out.error(not_a_member());
        core::find_user_by_id(
            *state->pool, target_id,
            [state, out, admin, next, membership = *m.value](core::db_result<core::user_row> t) {
              if (out.failed(t)) return;
              if (!t.value) return out.error(not_a_member());
              if (!has_admin_privileges(*t.value)) return next(membership, *t.value);
              core::find_user_by_id(
                  *state->pool, admin.actor_id,
                  [out, next, membership, target = *t.value](core::db_result<core::user_row> a) {
                    if (out.failed(a)) return;
                    if (!a.value || !has_admin_privileges(*a.value)) {
                      return out.error(recovery_error(
                          "Only a server administrator can manage recovery codes for a server "
                          "administrator",
                          "RECOVERY_CODE_TARGET_NOT_ALLOWED",
                          "Only a server administrator can manage recovery codes for this "
                          "member."));
                    }
                    next(membership, target);
                  });
            });
      });
}

// The admin proves they hold their own second factor (Twenty's fresh step-up): an OTP of their
// verified method, checked like any OTP (same throttle).
void require_step_up(const state_ptr& state, const reply& out, const admin_call& admin,
                     const std::optional<std::string>& otp, std::function<void()> next) {
  if (!otp || otp->empty()) {
    return out.error(
        recovery_error("A two-factor authentication code is required for this action",
                       "STEP_UP_AUTHENTICATION_REQUIRED",
                       "Enter your two-factor authentication code to generate a recovery code."));
  }
  core::find_totp_method(
      *state->pool, admin.actor_id, admin.workspace_id,
      [state, out, admin, otp = *otp,
       next = std::move(next)](core::db_result<core::two_factor_method_row> m) {
        if (out.failed(m)) return;
        if (!m.value || m.value->status != "VERIFIED") {
          return out.error(recovery_error(
              "Two-factor authentication must be enabled in the current workspace for this action",
              "STEP_UP_AUTHENTICATION_REQUIRED",
              "Set up two-factor authentication on your own account before generating a recovery "
              "code."));
        }
        validate_otp(state, out, admin.actor_id, admin.workspace_id, otp, next);
      });
}

// Tells the member (Twenty's issued-code mail), then answers the code.
void answer_issued(const state_ptr& state, const reply& out, const admin_call& admin,
                   const core::user_row& target, json::object issued) {
  core::find_user_by_id(
      *state->pool, admin.actor_id,
      [state, out, admin, target, issued](core::db_result<core::user_row> actor) {
        if (out.failed(actor)) return;
        core::find_workspace_by_id(
            *state->pool, admin.workspace_id,
            [state, out, target, issued,
             actor = actor.value](core::db_result<core::workspace_row> w) {
              if (out.failed(w)) return;
              std::string name;
              if (actor) name = actor->first_name + " " + actor->last_name;
              if (name.find_first_not_of(' ') == std::string::npos) {
                name = actor ? actor->email : std::string("An administrator");
              } else {
                name = name.substr(name.find_first_not_of(' '));
                name = name.substr(0, name.find_last_not_of(' ') + 1);
              }
              recovery_code_issued_mail mail{target.email, name,
                                             w.value ? w.value->display_name.value_or("") : "",
                                             std::string(issued.at("expiresAt").as_string())};
              mail_recovery_code_issued(state, mail, [out, issued] { out.value(issued); });
            });
      });
}

void issue_to_member(const state_ptr& state, const reply& out, const admin_call& admin,
                     const core::user_workspace_row& membership, const core::user_row& target) {
  core::read_recovery_status(
      *state->pool, membership.id,
      [state, out, admin, membership, target](core::db_result<core::recovery_status_row> status) {
        if (out.failed(status)) return;
        if (!status.value->has_verified_method) {
          return out.error(recovery_error(
              "The member has no verified two-factor authentication method",
              "RECOVERY_CODE_TARGET_NOT_ALLOWED",
              "This member hasn't set up two-factor authentication, so there is nothing to "
              "recover."));
        }
        with_app_secret(state, out, [state, out, admin, membership, target](std::string secret) {
          auto code = auth::generate_recovery_code();
          if (!code) return out.error(internal_error("Could not generate a recovery code"));
          core::save_recovery_code(
              *state->pool,
              {admin.workspace_id, membership.id,
               auth::keyed_recovery_code_hash(secret, membership.id, *code), admin.actor_id,
               code_lifetime},
              [state, out, admin, target, code = *code](core::db_result<std::string> expires_at) {
                if (out.failed(expires_at)) return;
                if (!expires_at.value) return out.error(internal_error("Recovery code not saved"));
                answer_issued(
                    state, out, admin, target,
                    json::object{{"recoveryCode", code}, {"expiresAt", *expires_at.value}});
              });
        });
      });
}

void issue_recovery_code(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  auto admin = security_admin(info, out);
  if (!admin) return;
  std::string target_id = string_arg(info.args(), "userId").value_or("");
  auto otp = string_arg(info.args(), "otp");
  take_token(state, out, "cohort:rate:2fa-recovery-issue:", issuances_per_window, issuance_window,
             admin->actor_id, [state, out, admin = *admin, target_id, otp] {
               if (target_id == admin.actor_id) {
                 return out.error(recovery_error(
                     "A recovery code cannot be generated for yourself",
                     "RECOVERY_CODE_TARGET_NOT_ALLOWED",
                     "You can't generate a recovery code for yourself. Reset two-factor "
                     "authentication from your profile instead."));
               }
               require_step_up(state, out, admin, otp, [state, out, admin, target_id] {
                 with_manageable_target(state, out, admin, target_id,
                                        [state, out, admin](core::user_workspace_row membership,
                                                            core::user_row target) {
                                          issue_to_member(state, out, admin, membership, target);
                                        });
               });
             });
}

void revoke_recovery_code(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  auto admin = security_admin(info, out);
  if (!admin) return;
  with_manageable_target(state, out, *admin, string_arg(info.args(), "userId").value_or(""),
                         [state, out](core::user_workspace_row membership, core::user_row) {
                           core::revoke_pending_recovery_codes(
                               *state->pool, membership.id, [out](core::db_result<long> revoked) {
                                 if (out.failed(revoked)) return;
                                 out.value(*revoked.value > 0);
                               });
                         });
}

void recovery_status(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  auto admin = security_admin(info, out);
  if (!admin) return;
  with_manageable_target(
      state, out, *admin, string_arg(info.args(), "userId").value_or(""),
      [state, out](core::user_workspace_row membership, core::user_row) {
        core::read_recovery_status(
            *state->pool, membership.id, [out](core::db_result<core::recovery_status_row> s) {
              if (out.failed(s)) return;
              out.value(json::object{
                  {"hasVerifiedTwoFactorAuthenticationMethod", s.value->has_verified_method},
                  {"pendingRecoveryCodeExpiresAt", optional_json(s.value->pending_expires_at)}});
            });
      });
}

// Uses the member's pending code if `code` is it, then opens the session.
void redeem(const state_ptr& state, const reply& out, const login_grant& login,
            const core::user_workspace_row& membership, const std::string& code) {
  with_app_secret(state, out, [state, out, login, membership, code](std::string app_secret) {
    std::string hash = auth::keyed_recovery_code_hash(app_secret, membership.id, code);
    core::find_pending_recovery_code(
        *state->pool, membership.id,
        [state, out, login, hash](core::db_result<core::pending_recovery_code_row> pending) {
          if (out.failed(pending)) return;
          if (!pending.value || !auth::constant_time_equal(hash, pending.value->code_hash)) {
            return out.error(invalid_recovery_code());
          }
          core::redeem_recovery_code(
              *state->pool, pending.value->id, hash, [state, out, login](core::db_result<bool> r) {
                if (out.failed(r)) return;
                if (!*r.value) return out.error(invalid_recovery_code());
                mail_two_factor_reset(state, login.email, login.workspace.display_name.value_or(""),
                                      [state, out, login] {
                                        // The member's 2FA is gone: a workspace that enforces it
                                        // has them set it up again (initiateOTPProvisioning with
                                        // the same login token).
                                        if (login.workspace.is_two_factor_authentication_enforced) {
                                          return out.error(auth_exception(
                                              "Two factor authentication setup required",
                                              "TWO_FACTOR_AUTHENTICATION_PROVISION_REQUIRED"));
                                        }
                                        complete_login(state, out, login);
                                      });
              });
        });
  });
}

void get_auth_tokens_from_recovery_code(const state_ptr& state, resolve_info& info,
                                        completion done) {
  reply out(std::move(done));
  std::string code = string_arg(info.args(), "recoveryCode").value_or("");
  if (code.find_first_not_of(" \t\r\n") == std::string::npos) {
    return out.error(user_input_error("recoveryCode should not be empty"));
  }
  if (code.size() > max_code_length) {
    return out.error(user_input_error("recoveryCode must be shorter than or equal to " +
                                      std::to_string(max_code_length) + " characters"));
  }
  verify_login_grant(
      state, out, string_arg(info.args(), "loginToken").value_or(""),
      string_arg(info.args(), "origin").value_or(""), [state, out, code](login_grant login) {
        if (login.impersonator_user_workspace_id) {
          return out.error(
              auth_exception("This operation cannot be performed with an impersonation login token",
                             "FORBIDDEN_EXCEPTION"));
        }
        core::find_user_by_email(
            *state->pool, login.email,
            [state, out, code, login](core::db_result<core::user_row> u) {
              if (out.failed(u)) return;
              if (!u.value) return out.error(auth_exception("User not found", "USER_NOT_FOUND"));
              core::find_user_workspace(
                  *state->pool, u.value->id, login.workspace.id,
                  [state, out, code, login](core::db_result<core::user_workspace_row> m) {
                    if (out.failed(m)) return;
                    if (!m.value) return out.error(not_a_member());
                    take_token(
                        state, out, "cohort:rate:2fa-recovery-redeem:", redemptions_per_window,
                        redemption_window, m.value->id,
                        [state, out, login, membership = *m.value, code] {
                          take_otp_attempt(state, out, membership.user_id, login.workspace.id,
                                           [=] { redeem(state, out, login, membership, code); });
                        });
                  });
            });
      });
}

}  // namespace

void add_two_factor_recovery_resolvers(resolver_list& out, const state_ptr& state) {
  out.push_back({"Mutation", "getAuthTokensFromTwoFactorAuthenticationRecoveryCode",
                 [state](resolve_info& info, completion done) {
                   get_auth_tokens_from_recovery_code(state, info, std::move(done));
                 }});
  out.push_back({"Mutation", "generateTwoFactorAuthenticationRecoveryCode",
                 [state](resolve_info& info, completion done) {
                   issue_recovery_code(state, info, std::move(done));
                 }});
  out.push_back({"Mutation", "revokeTwoFactorAuthenticationRecoveryCode",
                 [state](resolve_info& info, completion done) {
                   revoke_recovery_code(state, info, std::move(done));
                 }});
  out.push_back({"Query", "twoFactorAuthenticationRecoveryStatus",
                 [state](resolve_info& info, completion done) {
                   recovery_status(state, info, std::move(done));
                 }});
}

}  // namespace cohort::api::platform
