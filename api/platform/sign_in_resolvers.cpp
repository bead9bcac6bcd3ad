// signIn (a workspace-agnostic session and the workspaces to enter, each with a login token) and
// getLoginTokenFromCredentials (a login token for the workspace of the request's origin; a user
// that workspace invited becomes its member there, as in Twenty).
#include <algorithm>

#include "api/auth/password.hpp"
#include "api/platform/invitation_join.hpp"
#include "api/platform/platform_resolvers.hpp"
#include "api/platform/session_tokens.hpp"
#include "api/platform/workspace_urls.hpp"
#include "storage/core/approved_access_domain_repository.hpp"
#include "storage/core/invitation_repository.hpp"
#include "storage/core/user_repository.hpp"
#include "storage/core/workspace_repository.hpp"

namespace cohort::api::platform {

namespace core = storage::core;

namespace {

using user_outcome = std::function<void(std::optional<field_error>, core::user_row)>;

// The password check of Twenty's validateLoginWithPassword: a password hash, the right password.
void check_password(const state_ptr& state, core::user_row user, std::string password,
                    user_outcome done) {
  if (!user.password_hash) {
    return done(auth_exception("Incorrect login method", "INVALID_INPUT"), {});
  }
  // Verifying costs as much as hashing: off the caller's thread.
  const bool must_be_verified = state->settings.is_email_verification_required;
  state->run_blocking(
      [user = std::move(user), password = std::move(password), done, must_be_verified]() mutable {
        if (auth::verify_password(password, *user.password_hash) != auth::password_check::match) {
          return done(from_auth_error(auth::wrong_password_error()), {});
        }
        // Twenty's checkIsEmailVerified, after the password.
        if (must_be_verified && !user.is_email_verified)
          return done(email_not_verified_error(), {});
        done(std::nullopt, std::move(user));
      });
}

// Twenty's validateLoginWithPassword without a workspace: the user, then the password.
void check_credentials(const state_ptr& state, std::string email, std::string password,
                       user_outcome done) {
  core::find_user_by_email(
      *state->pool, std::move(email),
      [state, password = std::move(password), done](core::db_result<core::user_row> u) mutable {
        if (!u.ok()) return done(database_error(*u.error), {});
        if (!u.value) return done(auth_exception("User not found", "USER_NOT_FOUND"), {});
        check_password(state, std::move(*u.value), std::move(password), std::move(done));
      });
}

json::object login_token_for(const state_ptr& state, const std::string& email,
                             const std::string& workspace_id) {
  auth::login_token_claims claims;
  claims.email = email;
  claims.workspace_id = workspace_id;
  claims.jti = new_uuid();  // single use: getAuthTokensFromLoginToken records it
  return auth_token_json(state->tokens->mint_login(claims));
}

void sign_in(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  std::string email = normalize_email(string_arg(info.args(), "email").value_or(""));
  std::string password = string_arg(info.args(), "password").value_or("");
  check_credentials(state, email, password,
                    [state, out](std::optional<field_error> e, core::user_row user) {
                      if (e) return out.error(std::move(*e));
                      answer_agnostic_session(state, out, user);
                    });
}

// The membership checks of Twenty's validateLoginWithPassword with a target workspace, in its
// order: the user, their access (a member, or a pending personal invitation that is still valid),
// the password, then — only once the password is right — the invitation used to join.
void sign_in_to_workspace(const state_ptr& state, const reply& out, core::workspace_row workspace,
                          std::string email, std::string password) {
  auto finish = [state, out, workspace](std::optional<core::invitation_row> invitation,
                                        core::user_row user, std::string password) {
    check_password(
        state, std::move(user), std::move(password),
        [state, out, workspace, invitation](std::optional<field_error> e, core::user_row user) {
          if (e) return out.error(std::move(*e));
          auto token = [state, out, email = user.email, id = workspace.id] {
            out.value(json::object{{"loginToken", login_token_for(state, email, id)}});
          };
          if (!invitation) return token();
          join_workspace_as_member(state, workspace, user, user.locale, invitation->id,
                                   [out, token](std::optional<field_error> e) {
                                     if (e) return out.error(std::move(*e));
                                     token();
                                   });
        });
  };
  core::find_user_by_email(
      *state->pool, std::move(email),
      [state, out, workspace, password, finish](core::db_result<core::user_row> u) {
        if (out.failed(u)) return;
        if (!u.value) return out.error(auth_exception("User not found", "USER_NOT_FOUND"));
        core::find_user_workspace(
            *state->pool, u.value->id, workspace.id,
            [state, out, workspace, password, finish,
             user = *u.value](core::db_result<core::user_workspace_row> m) {
              if (out.failed(m)) return;
              if (m.value) return finish(std::nullopt, user, password);
              // Twenty's getOneWorkspaceInvitation: the workspace's invitation for this address.
              core::list_invitations(
                  *state->pool, workspace.id,
                  [out, workspace, password, finish,
                   user](core::db_result<std::vector<core::invitation_row>> list) {
                    if (out.failed(list)) return;
                    for (const auto& invitation : *list.value) {
                      if (invitation.email != user.email) continue;
                      // Twenty's validatePersonalInvitation (the address matches by lookup).
                      if (invitation.expired)
                        return out.error(
                            auth_exception("Invitation expired", "FORBIDDEN_EXCEPTION"));
                      if (workspace.activation_status != "ACTIVE" ||
                          workspace.database_schema.empty()) {
                        return out.error(
                            auth_exception("Workspace is not ready to welcome new members",
                                           "FORBIDDEN_EXCEPTION"));
                      }
                      return finish(invitation, user, password);
                    }
                    out.error(auth_exception("User is not a member of the workspace.",
                                             "FORBIDDEN_EXCEPTION"));
                  });
            });
      });
}

void get_login_token_from_credentials(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  std::string email = normalize_email(string_arg(info.args(), "email").value_or(""));
  std::string password = string_arg(info.args(), "password").value_or("");
  auto target = parse_origin(state->settings, string_arg(info.args(), "origin").value_or(""));
  if (!target) return out.error(auth_exception("Workspace not found", "WORKSPACE_NOT_FOUND"));
  core::find_workspace_by_host(
      *state->pool, target->subdomain, target->host,
      [state, out, email, password](core::db_result<core::workspace_row> w) {
        if (out.failed(w)) return;
        if (!w.value)
          return out.error(auth_exception("Workspace not found", "WORKSPACE_NOT_FOUND"));
        if (!w.value->is_password_auth_enabled) {
          return out.error(auth_exception("Email/Password auth is not enabled for this workspace",
                                          "FORBIDDEN_EXCEPTION"));
        }
        sign_in_to_workspace(state, out, std::move(*w.value), email, password);
      });
}

// Twenty's castWorkspaceToAvailableWorkspace: what every listed workspace shows.
json::object available_workspace_json(const state_ptr& state, const core::workspace_row& w) {
  json::object entry;
  entry["id"] = w.id;
  entry["displayName"] = optional_json(w.display_name);
  entry["loginToken"] = nullptr;
  entry["personalInviteToken"] = nullptr;
  entry["inviteHash"] = nullptr;
  entry["workspaceUrls"] = workspace_urls_json(state->settings, w);
  entry["logo"] = optional_json(w.logo);
  entry["sso"] = json::array();
  return entry;
}

}  // namespace

namespace {

// The workspaces the address may join (availableWorkspacesForSignUp), after the user's own:
// Twenty's workspacesFromApprovedAccessDomain (a validated domain of the address, no token to
// join by), then its workspacesFromInvitations (each with the personal invite token; none of a
// workspace already listed).
void workspaces_to_join(const state_ptr& state, const std::string& user_id,
                        const std::string& email,
                        std::function<void(std::optional<field_error>, json::array)> done) {
  auto at = email.find('@');
  std::string domain = at == std::string::npos ? "" : email.substr(at + 1);
  core::list_workspaces_joinable_by_domain(
      *state->pool, domain, user_id,
      [state, user_id, email, done](core::db_result<std::vector<core::workspace_row>> by_domain) {
        if (!by_domain.ok()) return done(database_error(*by_domain.error), {});
        json::array for_sign_up;
        std::vector<std::string> listed;
        for (const auto& w : *by_domain.value) {
          for_sign_up.push_back(available_workspace_json(state, w));
          listed.push_back(w.id);
        }
        core::list_pending_invitations_for_email(
            *state->pool, email, user_id,
            [state, done, listed, for_sign_up = std::move(for_sign_up)](
                core::db_result<std::vector<core::pending_invitation>> invited) mutable {
              if (!invited.ok()) return done(database_error(*invited.error), {});
              for (const auto& i : *invited.value) {
                if (std::find(listed.begin(), listed.end(), i.workspace.id) != listed.end())
                  continue;
                json::object entry = available_workspace_json(state, i.workspace);
                entry["personalInviteToken"] = i.token;
                for_sign_up.push_back(std::move(entry));
              }
              done(std::nullopt, std::move(for_sign_up));
            });
      });
}

}  // namespace

void available_workspaces(const state_ptr& state, const std::string& user_id,
                          const std::string& email,
                          std::function<void(std::optional<field_error>, json::object)> done) {
  auto with_sign_in = [state, user_id, email, done](json::array for_sign_in) {
    workspaces_to_join(
        state, user_id, email,
        [done, for_sign_in = std::move(for_sign_in)](std::optional<field_error> e,
                                                     json::array for_sign_up) mutable {
          if (e) return done(std::move(e), {});
          done(std::nullopt,
               json::object{{"availableWorkspacesForSignIn", std::move(for_sign_in)},
                            {"availableWorkspacesForSignUp", std::move(for_sign_up)}});
        });
  };
  // An address without an account is a member of nothing.
  if (user_id.empty()) return with_sign_in({});
  core::list_user_workspaces(
      *state->pool, user_id,
      [state, email, done, with_sign_in](core::db_result<std::vector<core::workspace_row>> ws) {
        if (!ws.ok()) return done(database_error(*ws.error), {});
        json::array for_sign_in;
        for (const auto& w : *ws.value) {
          json::object entry = available_workspace_json(state, w);
          entry["loginToken"] = login_token_for(state, email, w.id)["token"];
          entry["inviteHash"] = optional_json(w.invite_hash);
          for_sign_in.push_back(std::move(entry));
        }
        with_sign_in(std::move(for_sign_in));
      });
}

void add_sign_in_resolvers(resolver_list& out, const state_ptr& state) {
  out.push_back({"Mutation", "signIn", [state](resolve_info& info, completion done) {
                   sign_in(state, info, std::move(done));
                 }});
  out.push_back(
      {"Mutation", "getLoginTokenFromCredentials", [state](resolve_info& info, completion done) {
         get_login_token_from_credentials(state, info, std::move(done));
       }});
}

void answer_agnostic_session(const state_ptr& state, const reply& out, const core::user_row& user) {
  session_spec spec{user.id, std::nullopt, std::nullopt, "password", std::nullopt};
  issue_token_pair(
      state, spec, [state, out, user](std::optional<field_error> e, json::object pair) {
        if (e) return out.error(std::move(*e));
        available_workspaces(
            state, user.id, user.email,
            [out, pair](std::optional<field_error> e, json::object available) {
              if (e) return out.error(std::move(*e));
              out.value(
                  json::object{{"tokens", pair}, {"availableWorkspaces", std::move(available)}});
            });
      });
}

}  // namespace cohort::api::platform
