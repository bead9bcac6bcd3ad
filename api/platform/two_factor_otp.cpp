#include "api/platform/two_factor_otp.hpp"

#include "api/auth/totp.hpp"
#include "api/platform/two_factor_secret.hpp"
#include "api/rate_limit/shared_limiters.hpp"
#include "storage/core/two_factor_method_repository.hpp"
#include "storage/core/two_factor_recovery_code_repository.hpp"
#include "storage/core/workspace_repository.hpp"

namespace cohort::api::platform {

namespace core = storage::core;

namespace {

std::string_view friendly_text(std::string_view code) {
  if (code == "INVALID_OTP") return "Invalid verification code. Please try again.";
  if (code == "INVALID_CONFIGURATION") return "Invalid two-factor authentication configuration.";
  if (code == "TWO_FACTOR_AUTHENTICATION_METHOD_NOT_FOUND") {
    return "Two-factor authentication method not found.";
  }
  if (code == "TWO_FACTOR_AUTHENTICATION_METHOD_ALREADY_PROVISIONED") {
    return "Two-factor authentication is already set up.";
  }
  return "An error occurred with two-factor authentication data.";  // MALFORMED_DATABASE_OBJECT
}

// The throttle's buckets: in Redis with REDIS_URL (every node counts the same attempts), else in
// this process.
std::shared_ptr<rate_limit::rate_limiter> otp_attempts(const state_ptr& state) {
  return rate_limit::shared_limiter(
      state->settings.redis_url, "cohort:rate:otp:",
      {static_cast<double>(otp_attempts_per_window),
       std::chrono::duration_cast<std::chrono::milliseconds>(otp_attempt_window), 100'000});
}

}  // namespace

// ThrottlerException LIMIT_REACHED through Twenty's throttler filter (a UserInputError).
field_error limit_reached_error(int max_tokens, std::chrono::milliseconds window) {
  std::string message = "Limit reached (" + std::to_string(max_tokens) + " tokens per " +
                        std::to_string(window.count()) + " ms)";
  json::object ext;
  ext["subCode"] = "LIMIT_REACHED";
  ext["userFriendlyMessage"] = "An error occurred.";
  ext["code"] = "BAD_USER_INPUT";
  return field_error(std::move(message), std::move(ext));
}

void take_otp_attempt(const state_ptr& state, const reply& out, const std::string& user_id,
                      const std::string& workspace_id, std::function<void()> next) {
  otp_attempts(state)->apply(
      "2fa-otp:" + user_id + ":" + workspace_id, rate_limit::bucket_op::take,
      [out, next = std::move(next)](rate_limit::decision d) {
        if (!d.allowed) {
          return out.error(limit_reached_error(otp_attempts_per_window, otp_attempt_window));
        }
        next();
      });
}

field_error two_factor_error(std::string message, std::string_view code) {
  json::object ext;
  ext["subCode"] = code;
  ext["userFriendlyMessage"] = friendly_text(code);
  ext["code"] = code == "INVALID_OTP" ? "BAD_USER_INPUT" : "FORBIDDEN";
  return field_error(std::move(message), std::move(ext));
}

void provision_totp(const state_ptr& state, const reply& out, const otp_account& account,
                    std::function<void(std::string uri)> next) {
  std::string issuer = auth::totp_issuer(account.workspace_display_name);
  std::string workspace_id = account.workspace_id;
  core::find_user_workspace(
      *state->pool, account.user_id, workspace_id,
      [state, out, account, issuer, workspace_id,
       next = std::move(next)](core::db_result<core::user_workspace_row> m) {
        if (out.failed(m)) return;
        if (!m.value) {
          return out.error(auth_exception("User workspace not found", "USER_WORKSPACE_NOT_FOUND"));
        }
        std::string membership = m.value->id;
        core::find_totp_method(
            *state->pool, account.user_id, workspace_id,
            [state, out, account, issuer, workspace_id, membership,
             next](core::db_result<core::two_factor_method_row> existing) {
              if (out.failed(existing)) return;
              if (existing.value && existing.value->status != "PENDING") {
                return out.error(two_factor_error(
                    "A two factor authentication method has already been set. Please delete it "
                    "and try again.",
                    "TWO_FACTOR_AUTHENTICATION_METHOD_ALREADY_PROVISIONED"));
              }
              with_app_secret(state, out, [=](std::string app_secret) {
                otp_secret_owner owner{account.user_id, workspace_id};
                if (existing.value && existing.value->reusable) {
                  auto secret = decrypt_otp_secret(app_secret, owner, existing.value->secret);
                  if (secret) {
                    return next(auth::totp_provisioning_uri(account.email, issuer, *secret));
                  }
                }
                auto secret = auth::generate_totp_secret();
                auto sealed =
                    secret ? encrypt_otp_secret(app_secret, owner, *secret) : std::nullopt;
                if (!sealed) return out.error(internal_error("OTP Auth URL missing"));
                core::save_pending_totp_method(
                    *state->pool, membership, *sealed,
                    [out, account, issuer, secret = *secret,
                     next](core::db_result<core::two_factor_method_row> saved) {
                      if (out.failed(saved)) return;
                      if (!saved.value) {  // verified meanwhile
                        return out.error(two_factor_error(
                            "A two factor authentication method has already been set. Please "
                            "delete it and try again.",
                            "TWO_FACTOR_AUTHENTICATION_METHOD_ALREADY_PROVISIONED"));
                      }
                      next(auth::totp_provisioning_uri(account.email, issuer, secret));
                    });
              });
            });
      });
}

void validate_otp(const state_ptr& state, const reply& out, const std::string& user_id,
                  const std::string& workspace_id, const std::string& otp,
                  std::function<void()> next) {
  take_otp_attempt(state, out, user_id, workspace_id, [=] {
    core::find_totp_method(
        *state->pool, user_id, workspace_id,
        [state, out, user_id, workspace_id, otp,
         next = std::move(next)](core::db_result<core::two_factor_method_row> m) {
          if (out.failed(m)) return;
          if (!m.value) {
            return out.error(two_factor_error("Two Factor Authentication Method not found.",
                                              "INVALID_CONFIGURATION"));
          }
          with_app_secret(state, out, [=, method = std::move(*m.value)](std::string app_secret) {
            auto secret = decrypt_otp_secret(app_secret, {user_id, workspace_id}, method.secret);
            if (!secret) {
              return out.error(two_factor_error("Malformed Two Factor Authentication Method object",
                                                "MALFORMED_DATABASE_OBJECT"));
            }
            if (!auth::verify_totp(*secret, otp, std::chrono::system_clock::now())) {
              return out.error(two_factor_error("Invalid OTP", "INVALID_OTP"));
            }
            auto accepted = [state, out, user_id, workspace_id, next] {
              core::revoke_member_recovery_codes(*state->pool, user_id, workspace_id,
                                                 [out, next](core::db_result<long> revoked) {
                                                   if (out.failed(revoked)) return;
                                                   next();
                                                 });
            };
            if (method.status == "VERIFIED") return accepted();
            core::mark_method_verified(*state->pool, method.id,
                                       [out, accepted](core::db_result<bool> done) {
                                         if (out.failed(done)) return;
                                         accepted();
                                       });
          });
        });
  });
}

}  // namespace cohort::api::platform
