// E-mail verification (Twenty's EmailVerificationService and EmailVerificationTokenService): the
// mailed token, used once, marks the user's e-mail verified and opens a session —
// getLoginTokenFromEmailVerificationToken (a login token for the origin's workspace, else the
// user's first) or getWorkspaceAgnosticTokenFromEmailVerificationToken (like signIn);
// resendEmailVerificationToken replaces the token, at most once a minute. Errors are Twenty's
// EmailVerificationException as its filter answers them.
#include <spdlog/spdlog.h>

#include "api/auth/crypto.hpp"
#include "api/auth/url_encoding.hpp"
#include "api/mail/mail_sender.hpp"
#include "api/platform/email_verification_mail.hpp"
#include "api/platform/platform_resolvers.hpp"
#include "api/platform/session_tokens.hpp"
#include "api/platform/workspace_urls.hpp"
#include "storage/core/app_token_repository.hpp"
#include "storage/core/user_repository.hpp"
#include "storage/core/workspace_repository.hpp"

namespace cohort::api::platform {

namespace core = storage::core;

namespace {

// EmailVerificationException through EmailVerificationExceptionFilter.
field_error verification_error(std::string message, std::string_view sub_code) {
  struct mapping {
    std::string_view sub_code, code, friendly;
  };
  static constexpr mapping table[] = {
      {"EMAIL_VERIFICATION_NOT_REQUIRED", "BAD_USER_INPUT", "Email verification not required."},
      {"INVALID_TOKEN", "FORBIDDEN", "There is an issue with your token. Please try again."},
      {"TOKEN_EXPIRED", "FORBIDDEN", "Request has expired, please try again."},
      {"EMAIL_MISSING", "BAD_USER_INPUT", "Email is required."},
      {"EMAIL_ALREADY_VERIFIED", "BAD_USER_INPUT", "Email already verified."},
      {"INVALID_EMAIL", "BAD_USER_INPUT", "Invalid email address."},
      {"RATE_LIMIT_EXCEEDED", "FORBIDDEN", "Too many requests. Please try again later."},
  };
  json::object ext;
  for (const auto& m : table) {
    if (m.sub_code != sub_code) continue;
    ext["subCode"] = sub_code;
    ext["userFriendlyMessage"] = m.friendly;
    ext["code"] = m.code;
  }
  return field_error(std::move(message), std::move(ext));
}

std::string hash_token(std::string_view token) {
  return auth::to_hex(auth::sha256(token));
}

std::string front_base(const config::settings& settings, const std::string& subdomain) {
  if (!subdomain.empty()) return subdomain_url(settings, subdomain);
  std::string base = settings.frontend_url.empty() ? settings.server_url : settings.frontend_url;
  if (base.empty() || base.back() != '/') base += '/';
  return base;
}

mail::email_message verification_mail(const std::string& email, const std::string& link) {
  mail::email_message m;
  m.to = email;
  m.subject = "Welcome to Twenty: Please Confirm Your Email";
  m.text = "Thanks for registering. Confirm your e-mail address by opening this link:\n" + link +
           "\n\nIf you did not sign up, you can ignore this e-mail.\n";
  m.html =
      "<p>Thanks for registering. Confirm your e-mail address by opening this link:</p><p>"
      "<a href=\"" +
      link + "\">" + link + "</a></p><p>If you did not sign up, you can ignore this e-mail.</p>";
  return m;
}

// ms(n, {long: true}) of the wait left, as Twenty words its cool-down message.
std::string long_duration(long long ms) {
  auto plural = [ms](long long unit, const char* name) {
    long long n = (ms + unit / 2) / unit;
    return std::to_string(n) + " " + name + (ms >= unit * 3 / 2 ? "s" : "");
  };
  if (ms >= 60'000) return plural(60'000, "minute");
  if (ms >= 1'000) return plural(1'000, "second");
  return std::to_string(ms) + " ms";
}

// Twenty's validateEmailVerificationTokenOrThrow, then the token is used up and the e-mail marked
// verified; `next` gets the user.
void redeem(const state_ptr& state, const reply& out, const std::string& token,
            const std::string& email, std::function<void(core::user_row)> next) {
  core::find_user_by_email(
      *state->pool, email,
      [state, out, token, email, next = std::move(next)](core::db_result<core::user_row> u) {
        if (out.failed(u)) return;
        if (u.value && u.value->is_email_verified)
          return out.error(verification_error("Email already verified", "EMAIL_ALREADY_VERIFIED"));
        core::find_email_verification_token(
            *state->pool, hash_token(token),
            [state, out, email, next](core::db_result<core::email_verification_token_row> t) {
              if (out.failed(t)) return;
              if (!t.value) {
                return out.error(
                    verification_error("Invalid email verification token", "INVALID_TOKEN"));
              }
              if (t.value->expired) {
                return out.error(
                    verification_error("Email verification token expired", "TOKEN_EXPIRED"));
              }
              if (!t.value->email) {
                return out.error(verification_error(
                    "Email missing in email verification token context", "EMAIL_MISSING"));
              }
              if (*t.value->email != email)
                return out.error(verification_error("Email does not match token", "INVALID_EMAIL"));
              core::redeem_email_verification_token(
                  *state->pool, t.value->id,
                  [state, out, next](core::db_result<std::string> user_id) {
                    if (out.failed(user_id)) return;
                    if (!user_id.value) {
                      return out.error(
                          verification_error("Invalid email verification token", "INVALID_TOKEN"));
                    }
                    core::find_user_by_id(
                        *state->pool, *user_id.value,
                        [out, next](core::db_result<core::user_row> user) {
                          if (out.failed(user)) return;
                          if (!user.value) {
                            return out.error(auth_exception("User not found", "USER_NOT_FOUND"));
                          }
                          next(std::move(*user.value));
                        });
                  });
            });
      });
}

json::object login_token_json(const state_ptr& state, const std::string& email,
                              const std::string& workspace_id) {
  auth::login_token_claims claims;
  claims.email = email;
  claims.workspace_id = workspace_id;
  claims.jti = new_uuid();
  return auth_token_json(state->tokens->mint_login(claims));
}

void login_token_from_verification(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  std::string token = string_arg(info.args(), "emailVerificationToken").value_or("");
  std::string email = normalize_email(string_arg(info.args(), "email").value_or(""));
  std::string origin = string_arg(info.args(), "origin").value_or("");
  redeem(state, out, token, email, [state, out, origin](core::user_row user) {
    auto answer = [state, out, email = user.email](const core::workspace_row& w) {
      out.value(json::object{{"loginToken", login_token_json(state, email, w.id)},
                             {"workspaceUrls", workspace_urls_json(state->settings, w)}});
    };
    // The origin's workspace, else the user's first (Twenty's fallback).
    auto first_of_user = [state, out, answer, user_id = user.id] {
      core::list_user_workspaces(
          *state->pool, user_id,
          [out, answer](core::db_result<std::vector<core::workspace_row>> ws) {
            if (out.failed(ws)) return;
            if (ws.value->empty())
              return out.error(auth_exception("Workspace not found", "WORKSPACE_NOT_FOUND"));
            answer(ws.value->front());
          });
    };
    auto target = parse_origin(state->settings, origin);
    if (!target) return first_of_user();
    core::find_workspace_by_host(
        *state->pool, target->subdomain, target->host,
        [out, answer, first_of_user](core::db_result<core::workspace_row> w) {
          if (out.failed(w)) return;
          if (!w.value) return first_of_user();
          answer(*w.value);
        });
  });
}

void agnostic_token_from_verification(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  std::string token = string_arg(info.args(), "emailVerificationToken").value_or("");
  std::string email = normalize_email(string_arg(info.args(), "email").value_or(""));
  redeem(state, out, token, email,
         [state, out](core::user_row user) { answer_agnostic_session(state, out, user); });
}

void resend_verification(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  std::string email = normalize_email(string_arg(info.args(), "email").value_or(""));
  auto target = parse_origin(state->settings, string_arg(info.args(), "origin").value_or(""));
  std::string subdomain = target ? target->subdomain : "";
  if (!state->settings.is_email_verification_required) {
    return out.error(verification_error(
        "Email verification token cannot be sent because email verification is not required",
        "EMAIL_VERIFICATION_NOT_REQUIRED"));
  }
  core::find_user_by_email(
      *state->pool, email, [state, out, subdomain](core::db_result<core::user_row> u) {
        if (out.failed(u)) return;
        if (!u.value) return out.error(auth_exception("User not found", "USER_NOT_FOUND"));
        if (u.value->is_email_verified)
          return out.error(verification_error("Email already verified", "EMAIL_ALREADY_VERIFIED"));
        core::user_row user = std::move(*u.value);
        core::latest_email_verification_token(
            *state->pool, user.id,
            [state, out, subdomain, user](core::db_result<core::email_verification_token_row> t) {
              if (out.failed(t)) return;
              constexpr long long cool_down_ms = 60'000;
              if (t.value && t.value->age_ms < cool_down_ms) {
                return out.error(verification_error(
                    "Please wait " + long_duration(cool_down_ms - t.value->age_ms) +
                        " before requesting another verification email",
                    "RATE_LIMIT_EXCEEDED"));
              }
              core::delete_email_verification_tokens(
                  *state->pool, user.id, [state, out, subdomain, user](core::db_result<long> d) {
                    if (out.failed(d)) return;
                    send_verification_email(state, user.id, user.email, subdomain,
                                            [out](std::optional<std::string> error) {
                                              if (error) return out.error(internal_error(*error));
                                              out.value(json::object{{"success", true}});
                                            });
                  });
            });
      });
}

}  // namespace

void send_verification_email(const state_ptr& state, const std::string& user_id,
                             const std::string& email, const std::string& subdomain,
                             std::function<void(std::optional<std::string> error)> done) {
  if (!state->settings.is_email_verification_required) return done(std::nullopt);
  auto bytes = auth::random_bytes(32);
  if (!bytes) return done("no random bytes for the verification token");
  std::string token = auth::to_hex(*bytes);
  std::string link = front_base(state->settings, subdomain) +
                     "verify-email?emailVerificationToken=" + token +
                     "&email=" + auth::encode_uri_component(email);
  core::insert_email_verification_token(
      *state->pool,
      {user_id, email, hash_token(token), state->settings.email_verification_token_expires_in},
      [state, email, link, done = std::move(done)](core::db_result<std::string> saved) {
        if (!saved.ok()) return done(saved.error->message);
        mail::enqueue_email(*state->pool, verification_mail(email, link),
                            [done](std::optional<std::string> error) {
                              if (error) spdlog::warn("verification mail not queued: {}", *error);
                              done(std::move(error));
                            });
      });
}

void add_email_verification_resolvers(resolver_list& out, const state_ptr& state) {
  out.push_back({"Mutation", "getLoginTokenFromEmailVerificationToken",
                 [state](resolve_info& info, completion done) {
                   login_token_from_verification(state, info, std::move(done));
                 }});
  out.push_back({"Mutation", "getWorkspaceAgnosticTokenFromEmailVerificationToken",
                 [state](resolve_info& info, completion done) {
                   agnostic_token_from_verification(state, info, std::move(done));
                 }});
  out.push_back(
      {"Mutation", "resendEmailVerificationToken", [state](resolve_info& info, completion done) {
         resend_verification(state, info, std::move(done));
       }});
}

}  // namespace cohort::api::platform
