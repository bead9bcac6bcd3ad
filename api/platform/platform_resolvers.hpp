// The implemented platform root fields, one group per file: sign-up, sign-in and tokens, the
// current user, the current workspace. Each adds its resolvers to a list platform_schema attaches.
#pragma once

#include "api/platform/resolver_support.hpp"
#include "graphql/type/schema_builder.hpp"

namespace cohort::api::platform {

void add_sign_up_resolvers(resolver_list& out, const state_ptr& state);
void add_sign_in_resolvers(resolver_list& out, const state_ptr& state);
void add_token_resolvers(resolver_list& out, const state_ptr& state);
void add_current_user_resolvers(resolver_list& out, const state_ptr& state);
void add_workspace_resolvers(resolver_list& out, const state_ptr& state);
void add_search_resolvers(resolver_list& out, const state_ptr& state);
// sendInvitations & co., the invite-hash queries and signUpInWorkspace (invitation_resolvers.cpp).
void add_invitation_resolvers(resolver_list& out, const state_ptr& state);
void add_two_factor_resolvers(resolver_list& out, const state_ptr& state);
// Two-factor recovery codes (two_factor_recovery_resolvers.cpp).
void add_two_factor_recovery_resolvers(resolver_list& out, const state_ptr& state);
void add_password_reset_resolvers(resolver_list& out, const state_ptr& state);
void add_sign_out_resolvers(resolver_list& out, const state_ptr& state);
// impersonate (impersonation_resolvers.cpp).
void add_impersonation_resolvers(resolver_list& out, const state_ptr& state);
// The e-mail verification mutations (email_verification_resolvers.cpp).
void add_email_verification_resolvers(resolver_list& out, const state_ptr& state);
// deleteUser (delete_user_resolvers.cpp).
void add_delete_user_resolvers(resolver_list& out, const state_ptr& state);
// The approved access domains of the caller's workspace (approved_access_domain_resolvers.cpp).
void add_approved_access_domain_resolvers(resolver_list& out, const state_ptr& state);
// UserWorkspace.twoFactorAuthenticationMethodSummary, read from the database
// (two_factor_summary.cpp).
void attach_two_factor_summary(graphql::type::schema_builder& builder, const state_ptr& state);

// A LOGIN token verified for the workspace of the request's origin (token_resolvers.cpp).
struct login_grant {
  std::string email;  // the token's subject
  std::string auth_provider;
  std::string jti;         // empty for tokens minted without one
  std::string expires_at;  // ISO, from `exp`
  storage::core::workspace_row workspace;
  // Set on an impersonation login token (impersonation_resolvers.cpp): the impersonator's
  // membership, carried into the session's tokens.
  std::optional<std::string> impersonator_user_workspace_id = std::nullopt;
};
// Twenty's checks of a login token and origin (workspace found, token valid and for that
// workspace); a failure is answered on `out` and `next` is not called.
void verify_login_grant(const state_ptr& state, const reply& out, const std::string& token,
                        const std::string& origin, std::function<void(login_grant)> next);
// Uses the login token (once) and answers AuthTokens for the session in its workspace.
void complete_login(const state_ptr& state, const reply& out, const login_grant& login);
// Twenty's two-factor rule of a sign-in (two_factor_login.cpp): FORBIDDEN with subCode
// TWO_FACTOR_AUTHENTICATION_VERIFICATION_REQUIRED when the member has a verified method,
// ..._PROVISION_REQUIRED when the workspace enforces 2FA and it has none; else `next`.
void require_two_factor_if_set(const state_ptr& state, const reply& out, const login_grant& login,
                               std::function<void()> next);

// Shared by sign-up and sign-in: the AvailableWorkspaces of a user, each live workspace listed
// for sign-in with a fresh login token (Twenty's availableWorkspacesForSignIn).
void available_workspaces(const state_ptr& state, const std::string& user_id,
                          const std::string& email,
                          std::function<void(std::optional<field_error>, json::object)> done);

// Answers {tokens, availableWorkspaces} for a user who proved who they are without naming a
// workspace: a workspace-agnostic session and the workspaces to pick from (signIn, and the
// redeemed e-mail verification link).
void answer_agnostic_session(const state_ptr& state, const reply& out,
                             const storage::core::user_row& user);

}  // namespace cohort::api::platform
