// Password reset by e-mailed link (Twenty's ResetPasswordService): emailPasswordResetLink always
// answers success, so it tells nobody whether an address has an account; for a known user it
// replaces any earlier reset token with a new one (only its SHA-256 is stored) and sends the link
// <workspace URL>/reset-password/<token>. validatePasswordResetToken names the token's user;
// updatePasswordViaResetToken sets the password once per token and ends the user's sessions.
#include <spdlog/spdlog.h>

#include "api/auth/crypto.hpp"
#include "api/auth/password.hpp"
#include "api/platform/platform_resolvers.hpp"
#include "api/platform/workspace_urls.hpp"
#include "storage/core/app_token_repository.hpp"
#include "storage/core/user_repository.hpp"
#include "storage/core/workspace_repository.hpp"

namespace cohort::api::platform {

namespace core = storage::core;

namespace {

std::string hash_reset_token(std::string_view token) {
  return auth::to_hex(auth::sha256(token));
}

field_error invalid_reset_token() {
  return auth_exception("Token is invalid", "FORBIDDEN_EXCEPTION");
}

// Twenty's resolveTargetWorkspace: the requested workspace when the user is a member and it allows
// passwords, else the user's oldest such workspace.
const core::workspace_row* target_workspace(const std::vector<core::workspace_row>& memberships,
                                            const std::string& requested_id) {
  const core::workspace_row* first = nullptr;
  for (const auto& w : memberships) {
    if (!w.is_password_auth_enabled) continue;
    if (w.id == requested_id) return &w;
    if (!first) first = &w;
  }
  return first;
}

void send_reset_link(const std::string& email, const std::string& link,
                     const std::string& expires_at) {
  // Mail hook: hand {email, link, expires_at} to api/mail's sender once it exists.
  spdlog::info("password reset link for {} (valid until {}): {}", email, expires_at, link);
}

void email_password_reset_link(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  std::string email = normalize_email(string_arg(info.args(), "email").value_or(""));
  std::string requested = string_arg(info.args(), "workspaceId").value_or("");
  auto success = [out] { out.value(json::object{{"success", true}}); };
  auto ignored = [success](std::string_view why, const std::string& detail) {
    spdlog::info("password reset request ignored: {} {}", why, detail);
    success();
  };
  core::find_user_by_email(*state->pool, email, [=](core::db_result<core::user_row> u) {
    if (!u.ok()) return ignored("database error:", u.error->message);
    if (!u.value) return ignored("USER_NOT_FOUND", "");
    std::string user_id = u.value->id;
    core::list_user_workspaces(
        *state->pool, user_id, [=](core::db_result<std::vector<core::workspace_row>> ws) {
          if (!ws.ok()) return ignored("database error:", ws.error->message);
          const auto* target = target_workspace(*ws.value, requested);
          if (!target) return ignored("NO_PASSWORD_AUTH_ENABLED_WORKSPACE_FOUND", "");
          auto bytes = auth::random_bytes(32);
          if (!bytes) return ignored("no random bytes", "");
          std::string token = auth::to_hex(*bytes);
          std::string link =
              subdomain_url(state->settings, target->subdomain) + "reset-password/" + token;
          core::new_password_reset_token row{user_id, target->id, hash_reset_token(token),
                                             state->settings.password_reset_token_expires_in};
          core::replace_password_reset_token(
              *state->pool, std::move(row), [=](core::db_result<std::string> saved) {
                if (!saved.ok()) return ignored("database error:", saved.error->message);
                send_reset_link(email, link, *saved.value);
                success();
              });
        });
  });
}

// The live reset token's user, then `next`.
void with_reset_token_user(const state_ptr& state, const reply& out, const std::string& token,
                           std::function<void(core::user_row)> next) {
  core::find_password_reset_token(
      *state->pool, hash_reset_token(token),
      [state, out, next = std::move(next)](core::db_result<std::string> t) {
        if (out.failed(t)) return;
        if (!t.value) return out.error(invalid_reset_token());
        core::find_user_by_id(
            *state->pool, *t.value, [out, next](core::db_result<core::user_row> u) {
              if (out.failed(u)) return;
              if (!u.value) return out.error(auth_exception("User not found", "INVALID_INPUT"));
              next(std::move(*u.value));
            });
      });
}

void validate_password_reset_token(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  with_reset_token_user(state, out, string_arg(info.args(), "passwordResetToken").value_or(""),
                        [out](core::user_row user) {
                          out.value(json::object{{"id", user.id}, {"email", user.email}});
                        });
}

void update_password_via_reset_token(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  std::string token = string_arg(info.args(), "passwordResetToken").value_or("");
  std::string password = string_arg(info.args(), "newPassword").value_or("");
  with_reset_token_user(state, out, token, [state, out, token, password](core::user_row) {
    if (auto weak = auth::check_password_strength(password)) {
      return out.error(from_auth_error(*weak));
    }
    // Hashing costs ~40 ms: off the caller's thread.
    state->run_blocking([state, out, token, password] {
      auto hashed = auth::hash_password(password);
      if (!hashed) return out.error(from_auth_error(hashed.error()));
      core::redeem_password_reset_token(*state->pool, hash_reset_token(token), *hashed,
                                        [out](core::db_result<std::string> user_id) {
                                          if (out.failed(user_id)) return;
                                          // Redeemed by a concurrent call meanwhile.
                                          if (!user_id.value)
                                            return out.error(invalid_reset_token());
                                          out.value(json::object{{"success", true}});
                                        });
    });
  });
}

}  // namespace

void add_password_reset_resolvers(resolver_list& out, const state_ptr& state) {
  out.push_back(
      {"Mutation", "emailPasswordResetLink", [state](resolve_info& info, completion done) {
         email_password_reset_link(state, info, std::move(done));
       }});
  out.push_back(
      {"Query", "validatePasswordResetToken", [state](resolve_info& info, completion done) {
         validate_password_reset_token(state, info, std::move(done));
       }});
  out.push_back(
      {"Mutation", "updatePasswordViaResetToken", [state](resolve_info& info, completion done) {
         update_password_via_reset_token(state, info, std::move(done));
       }});
}

}  // namespace cohort::api::platform
