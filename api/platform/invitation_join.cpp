#include "api/platform/invitation_join.hpp"

#include "api/auth/password.hpp"
#include "api/platform/email_verification_mail.hpp"
#include "api/platform/workspace_urls.hpp"
#include "storage/core/approved_access_domain_repository.hpp"
#include "storage/core/invitation_repository.hpp"
#include "storage/core/user_repository.hpp"
#include "storage/core/workspace_repository.hpp"

namespace cohort::api::platform {

namespace core = storage::core;

namespace {

field_error forbidden(std::string message) {
  return auth_exception(std::move(message), "FORBIDDEN_EXCEPTION");
}

// One signUpInWorkspace call, step by step (Twenty's order: the workspace, the invitation, the
// user, the access rule, the password, the invitation's validity, then the membership).
struct joining : std::enable_shared_from_this<joining> {
  state_ptr state;
  reply out;
  std::string email, password, locale;
  std::optional<std::string> invite_hash, personal_token, workspace_id;
  core::workspace_row workspace;
  std::optional<core::invitation_row> invitation;
  std::optional<core::user_row> user;  // an existing account
  std::string user_id;

  joining(state_ptr s, reply o) : state(std::move(s)), out(std::move(o)) {}

  void find_workspace() {
    auto self = shared_from_this();
    auto found = [self](core::db_result<core::workspace_row> w) {
      if (self->out.failed(w)) return;
      if (!w.value)
        return self->out.error(auth_exception("Workspace not found", "WORKSPACE_NOT_FOUND"));
      self->workspace = std::move(*w.value);
      self->find_invitation();
    };
    if (invite_hash) return core::find_workspace_by_invite_hash(*state->pool, *invite_hash, found);
    if (workspace_id) return core::find_workspace_by_id(*state->pool, *workspace_id, found);
    found({});
  }

  void find_invitation() {
    if (!personal_token) return find_user();
    auto self = shared_from_this();
    core::find_invitation_by_token(*state->pool, workspace.id, *personal_token,
                                   [self](core::db_result<core::invitation_row> r) {
                                     if (self->out.failed(r)) return;
                                     self->invitation = std::move(r.value);
                                     self->find_user();
                                   });
  }

  void find_user() {
    auto self = shared_from_this();
    core::find_user_by_email(*state->pool, email, [self](core::db_result<core::user_row> u) {
      if (self->out.failed(u)) return;
      self->user = std::move(u.value);
      self->check_access();
    });
  }

  // Twenty's checkAccessForSignIn: an address of a validated approved access domain of the
  // workspace may join it, with or without an invitation (even when the public link is off).
  void check_access() {
    auto self = shared_from_this();
    std::string domain = email.substr(email.find('@') + 1);
    core::has_validated_domain(*state->pool, workspace.id, domain,
                               [self](core::db_result<bool> approved) {
                                 if (self->out.failed(approved)) return;
                                 if (*approved.value) return self->check_password();
                                 self->check_invitation_access();
                               });
  }

  void check_invitation_access() {
    if (invite_hash && !invitation && !workspace.is_public_invite_link_enabled)
      return out.error(forbidden("Public invite link is disabled for this workspace"));
    if (invitation || invite_hash) return check_password();
    if (!user) return out.error(forbidden("User does not have access to this workspace"));
    auto self = shared_from_this();
    core::find_user_workspace(
        *state->pool, user->id, workspace.id, [self](core::db_result<core::user_workspace_row> m) {
          if (self->out.failed(m)) return;
          if (!m.value)
            return self->out.error(forbidden("User does not have access to this workspace"));
          self->check_password();
        });
  }

  // Hashing and verifying cost ~40 ms of CPU: off the caller's thread.
  void check_password() {
    auto self = shared_from_this();
    state->run_blocking([self] {
      if (self->user) {
        if (!self->user->password_hash)
          return self->out.error(auth_exception("Incorrect login method", "INVALID_INPUT"));
        if (auth::verify_password(self->password, *self->user->password_hash) !=
            auth::password_check::match)
          return self->out.error(from_auth_error(auth::wrong_password_error()));
        self->user_id = self->user->id;
        return self->check_invitation();
      }
      auto hash = auth::hash_password(self->password);
      if (!hash) return self->out.error(from_auth_error(hash.error()));
      self->check_invitation(std::move(hash).value());
    });
  }

  // Twenty's validatePersonalInvitation, then its rule that only an active workspace takes
  // members.
  void check_invitation(std::string new_password_hash = {}) {
    if (invitation && invitation->email != email)
      return out.error(forbidden("Email does not match the invitation"));
    if (invitation && invitation->expired) return out.error(forbidden("Invitation expired"));
    if (workspace.activation_status != "ACTIVE" || workspace.database_schema.empty())
      return out.error(forbidden("Workspace is not ready to welcome new members"));
    if (user) return join();
    auto self = shared_from_this();
    core::new_user account{email, std::move(new_password_hash), "", "", locale};
    core::create_user(*state->pool, std::move(account), [self](core::db_result<core::user_row> u) {
      if (self->out.failed(u)) return;
      self->user = std::move(u.value);
      self->user_id = self->user->id;
      self->join();
    });
  }

  void join() {
    auto self = shared_from_this();
    join_workspace_as_member(state, workspace, *user, locale,
                             invitation ? std::optional<std::string>(invitation->id) : std::nullopt,
                             [self](std::optional<field_error> e) {
                               if (e) return self->out.error(std::move(*e));
                               self->send_verification();
                             });
  }

  // As Twenty's signUpInWorkspace, after signInUp: with IS_EMAIL_VERIFICATION_REQUIRED the
  // joined user gets the sign-up verification mail (a link on the workspace's URL); a mail that
  // could not be queued does not fail the join.
  void send_verification() {
    auto self = shared_from_this();
    send_verification_email(state, user->id, user->email, workspace.subdomain,
                            [self](std::optional<std::string>) { self->answer(); });
  }

  void answer() {
    auth::login_token_claims claims;
    claims.email = email;
    claims.workspace_id = workspace.id;
    claims.jti = new_uuid();  // single use, as every login token of this server
    json::object result;
    result["loginToken"] = auth_token_json(state->tokens->mint_login(claims));
    result["workspace"] = json::object{
        {"id", workspace.id}, {"workspaceUrls", workspace_urls_json(state->settings, workspace)}};
    out.value(std::move(result));
  }
};

}  // namespace

void join_workspace_as_member(const state_ptr& state, const core::workspace_row& workspace,
                              const core::user_row& user, std::string locale,
                              std::optional<std::string> invitation_id,
                              std::function<void(std::optional<field_error>)> done) {
  core::workspace_join request;
  request.workspace_id = workspace.id;
  request.schema = workspace.database_schema;
  request.member = {user.id,
                    user.email,
                    user.first_name,
                    user.last_name,
                    user.locale.empty() ? std::move(locale) : user.locale,
                    std::nullopt};
  request.invitation_id = std::move(invitation_id);
  core::join_workspace(*state->pool, std::move(request),
                       [done = std::move(done)](core::db_result<core::join_result> r) {
                         if (!r.ok()) return done(database_error(*r.error));
                         if (r.value->outcome == core::join_outcome::invitation_used)
                           return done(forbidden("Invalid invitation token"));
                         done(std::nullopt);
                       });
}

void sign_up_in_workspace(const state_ptr& state, resolve_info& info, completion done) {
  auto job = std::make_shared<joining>(state, reply(std::move(done)));
  const auto& args = info.args();
  job->email = normalize_email(string_arg(args, "email").value_or(""));
  job->password = string_arg(args, "password").value_or("");
  job->locale = string_arg(args, "locale").value_or("en");
  job->invite_hash = string_arg(args, "workspaceInviteHash");
  job->personal_token = string_arg(args, "workspacePersonalInviteToken");
  job->workspace_id = string_arg(args, "workspaceId");
  if (job->email.find('@') == std::string::npos)
    return job->out.error(auth_exception("Email is not valid", "INVALID_INPUT"));
  job->find_workspace();
}

}  // namespace cohort::api::platform
