// getAuthTokensFromLoginToken (a login token, used once, becomes a workspace session) and
// renewToken (a refresh token, used once, becomes a new pair; a replay after the cool-down is
// treated as theft and ends every session of the user, as Twenty does).
#include "api/platform/platform_resolvers.hpp"
#include "api/platform/session_tokens.hpp"
#include "api/platform/workspace_urls.hpp"
#include "storage/core/app_token_repository.hpp"
#include "storage/core/user_repository.hpp"
#include "storage/core/workspace_repository.hpp"

namespace cohort::api::platform {

namespace core = storage::core;

namespace {

std::string provider_of(const auth::verified_token& token) {
  auto provider = token.string_claim("authProvider");
  return provider.empty() ? "password" : std::string(provider);
}

// The user's membership of the workspace, then the session.
void open_workspace_session(const state_ptr& state, reply out, const login_grant& login) {
  core::find_user_by_email(
      *state->pool, login.email, [state, out, login](core::db_result<core::user_row> u) {
        if (out.failed(u)) return;
        if (!u.value) return out.error(auth_exception("User not found", "USER_NOT_FOUND"));
        // Twenty's checkIsEmailVerified: a login token does not open a session before that.
        if (state->settings.is_email_verification_required && !u.value->is_email_verified)
          return out.error(email_not_verified_error());
        std::string user_id = u.value->id;
        core::find_user_workspace(
            *state->pool, user_id, login.workspace.id,
            [state, out, login, user_id](core::db_result<core::user_workspace_row> m) {
              if (out.failed(m)) return;
              if (!m.value) {
                return out.error(
                    auth_exception("User workspace not found", "USER_WORKSPACE_NOT_FOUND"));
              }
              session_spec spec{user_id, login.workspace.id, m.value->id, login.auth_provider,
                                std::nullopt};
              if (login.impersonator_user_workspace_id) {
                spec.impersonation =
                    auth::impersonation_claims{*login.impersonator_user_workspace_id, m.value->id};
              }
              issue_token_pair(state, spec, [out](std::optional<field_error> e, json::object pair) {
                if (e) return out.error(std::move(*e));
                out.value(json::object{{"tokens", std::move(pair)}});
              });
            });
      });
}

void get_auth_tokens_from_login_token(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  verify_login_grant(
      state, out, string_arg(info.args(), "loginToken").value_or(""),
      string_arg(info.args(), "origin").value_or(""), [state, out](login_grant login) {
        // Twenty asks no second factor of an impersonation: the impersonator was checked.
        if (login.impersonator_user_workspace_id) return complete_login(state, out, login);
        require_two_factor_if_set(state, out, login,
                                  [state, out, login] { complete_login(state, out, login); });
      });
}

void renew_token(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  std::string token = string_arg(info.args(), "appToken").value_or("");
  if (token.empty()) return out.error(auth_exception("Refresh token not found", "INVALID_INPUT"));
  auto verified = state->tokens->verify(token, auth::token_type::refresh);
  if (!verified) return out.error(from_auth_error(verified.error()));
  std::string jti(verified->jti());
  std::string user_id(verified->subject());
  if (jti.empty() || user_id.empty()) {
    return out.error(auth_exception("This refresh token is malformed", "INVALID_INPUT"));
  }
  std::string provider = provider_of(*verified);
  std::optional<auth::impersonation_claims> impersonation;
  if (auto by = verified->string_claim("impersonatorUserWorkspaceId"); !by.empty()) {
    impersonation = auth::impersonation_claims{
        std::string(by), std::string(verified->string_claim("impersonatedUserWorkspaceId"))};
  }
  core::rotate_refresh_token(
      *state->pool, jti, state->settings.refresh_token_cool_down,
      [state, out, user_id, provider, impersonation](core::db_result<core::rotation> r) {
        if (out.failed(r)) return;
        switch (r.value->status) {
          case core::rotation_status::unknown:
            return out.error(auth_exception("This refresh token doesn't exist", "INVALID_INPUT"));
          case core::rotation_status::reused:
            return out.error(auth_exception(
                "Suspicious activity detected, this refresh token has been revoked. All tokens "
                "have been revoked.",
                "FORBIDDEN_EXCEPTION"));
          default:
            break;
        }
        if (r.value->user_id != user_id) {
          return out.error(auth_exception("This refresh token is malformed", "INVALID_INPUT"));
        }
        core::rotation rotation = std::move(*r.value);
        core::find_user_by_id(
            *state->pool, user_id,
            [state, out, rotation, provider, impersonation](core::db_result<core::user_row> u) {
              if (out.failed(u)) return;
              if (!u.value) return out.error(auth_exception("User not found", "INVALID_INPUT"));
              session_spec spec{u.value->id, rotation.workspace_id, std::nullopt, provider,
                                rotation.family_id};
              spec.impersonation = impersonation;
              auto issue = [state, out](session_spec spec) {
                issue_token_pair(state, std::move(spec),
                                 [out](std::optional<field_error> e, json::object pair) {
                                   if (e) return out.error(std::move(*e));
                                   out.value(json::object{{"tokens", std::move(pair)}});
                                 });
              };
              if (!spec.workspace_id) return issue(std::move(spec));
              core::find_user_workspace(
                  *state->pool, spec.user_id, *spec.workspace_id,
                  [out, spec, issue](core::db_result<core::user_workspace_row> m) mutable {
                    if (out.failed(m)) return;
                    if (!m.value) {
                      return out.error(
                          auth_exception("User workspace not found", "USER_WORKSPACE_NOT_FOUND"));
                    }
                    spec.user_workspace_id = m.value->id;
                    issue(std::move(spec));
                  });
            });
      });
}

}  // namespace

void verify_login_grant(const state_ptr& state, const reply& out, const std::string& token,
                        const std::string& origin, std::function<void(login_grant)> next) {
  auto target = parse_origin(state->settings, origin);
  if (!target) return out.error(auth_exception("Workspace not found", "WORKSPACE_NOT_FOUND"));
  core::find_workspace_by_host(
      *state->pool, target->subdomain, target->host,
      [state, out, token, next = std::move(next)](core::db_result<core::workspace_row> w) {
        if (out.failed(w)) return;
        if (!w.value)
          return out.error(auth_exception("Workspace not found", "WORKSPACE_NOT_FOUND"));
        auto verified = state->tokens->verify(token, auth::token_type::login);
        if (!verified) return out.error(from_auth_error(verified.error()));
        if (verified->workspace_id() != w.value->id) {
          return out.error(
              auth_exception("Token is not valid for this workspace", "FORBIDDEN_EXCEPTION"));
        }
        const auto* exp = verified->claims.if_contains("exp");
        std::int64_t exp_s = exp && exp->is_number() ? exp->to_number<std::int64_t>() : 0;
        login_grant grant{
            std::string(verified->subject()), provider_of(*verified), std::string(verified->jti()),
            iso_time(auth::time_point(std::chrono::seconds(exp_s))), std::move(*w.value)};
        if (auto by = verified->string_claim("impersonatorUserWorkspaceId"); !by.empty())
          grant.impersonator_user_workspace_id = std::string(by);
        next(std::move(grant));
      });
}

void complete_login(const state_ptr& state, const reply& out, const login_grant& login) {
  if (login.jti.empty()) return open_workspace_session(state, out, login);
  auto consume = [state, out, login] {
    core::consume_login_token(*state->pool, login.jti, login.expires_at,
                              [state, out, login](core::db_result<bool> first_use) {
                                if (out.failed(first_use)) return;
                                if (!*first_use.value) {
                                  return out.error(unauthenticated("Token has already been used."));
                                }
                                open_workspace_session(state, out, login);
                              });
  };
  if (!state->settings.is_email_verification_required) return consume();
  // A token refused for an unverified address is not used up: it still opens the session once
  // the link is followed, until it expires.
  core::find_user_by_email(*state->pool, login.email,
                           [out, consume](core::db_result<core::user_row> u) {
                             if (out.failed(u)) return;
                             if (u.value && !u.value->is_email_verified)
                               return out.error(email_not_verified_error());
                             consume();
                           });
}

void add_token_resolvers(resolver_list& out, const state_ptr& state) {
  out.push_back(
      {"Mutation", "getAuthTokensFromLoginToken", [state](resolve_info& info, completion done) {
         get_auth_tokens_from_login_token(state, info, std::move(done));
       }});
  out.push_back({"Mutation", "renewToken", [state](resolve_info& info, completion done) {
                   renew_token(state, info, std::move(done));
                 }});
}

}  // namespace cohort::api::platform
