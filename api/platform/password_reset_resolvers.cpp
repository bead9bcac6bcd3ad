// Password reset by e-mailed link (Twenty's ResetPasswordService): emailPasswordResetLink always
// answers success, so it tells nobody whether an address has an account; for a known user it
// replaces any earlier reset token with a new one (only its SHA-256 is stored) and mails the link
// <workspace URL>/reset-password/<token> (api/mail's email.send job). validatePasswordResetToken
// names the token's user; updatePasswordViaResetToken sets the password once per token and ends
// the user's sessions.
#include <spdlog/spdlog.h>

#include "api/auth/crypto.hpp"
#include "api/auth/password.hpp"
#include "api/mail/mail_sender.hpp"
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

// ms's long form of a lifetime, as the mail says it: "5 minutes", "1 hour".
std::string lifetime_text(std::chrono::milliseconds lifetime) {
  auto minutes = std::chrono::duration_cast<std::chrono::minutes>(lifetime).count();
  auto plural = [](long long n, const char* unit) {
    return std::to_string(n) + " " + unit + (n == 1 ? "" : "s");
  };
  if (minutes >= 60 * 24) return plural(minutes / (60 * 24), "day");
  if (minutes >= 60) return plural(minutes / 60, "hour");
  if (minutes >= 1) return plural(minutes, "minute");
  return plural(std::chrono::duration_cast<std::chrono::seconds>(lifetime).count(), "second");
}

// The mail Twenty sends (its subject; our own words), through the email.send job.
mail::email_message reset_mail(const core::user_row& user, const std::string& link,
                               const std::string& valid_for) {
  bool has_password = user.password_hash.has_value();
  mail::email_message m;
  m.to = user.email;
  m.subject = has_password ? "Action Needed to Reset Password" : "Action Needed to Set Password";
  std::string action = has_password ? "reset your password" : "set a password";
  m.text = "Open this link to " + action + ":\n" + link +
           "\n\nThe link works once, within the next " + valid_for +
           ". If you did not ask for it, you can ignore this e-mail.\n";
  m.html = "<p>Open this link to " + action + ":</p><p><a href=\"" + link + "\">" + link +
           "</a></p><p>The link works once, within the next " + valid_for +
           ". If you did not ask for it, you can ignore this e-mail.</p>";
  return m;
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
    core::user_row user = std::move(*u.value);
    std::string user_id = user.id;
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
                auto message = reset_mail(
                    user, link, lifetime_text(state->settings.password_reset_token_expires_in));
                mail::enqueue_email(*state->pool, message, [=](std::optional<std::string> error) {
                  if (error) return ignored("mail not queued:", *error);
                  success();
                });
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
