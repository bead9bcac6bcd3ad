// sendInvitations, resendWorkspaceInvitation, deleteWorkspaceInvitation and
// findWorkspaceInvitations (permission flag WORKSPACE_MEMBERS; sending also needs a user, as
// Twenty's UserAuthGuard does), and the public checkWorkspaceInviteHashIsValid and
// findWorkspaceFromInviteHash. Invitations are core.app_token rows scoped by the caller's
// workspace; each one's e-mail leaves through the durable email.send job. Sending is throttled as
// Twenty throttles it, per workspace and per invited address (INVITATION_SENDING_BY_*).
#include <openssl/rand.h>

#include <atomic>

#include "api/mail/mail_sender.hpp"
#include "api/platform/invitation_join.hpp"
#include "api/platform/invitation_mail.hpp"
#include "api/platform/permission_guard.hpp"
#include "api/platform/platform_json.hpp"
#include "api/platform/platform_resolvers.hpp"
#include "api/rate_limit/shared_limiters.hpp"
#include "storage/core/invitation_repository.hpp"
#include "storage/core/workspace_repository.hpp"

namespace cohort::api::platform {

namespace core = storage::core;

namespace {

constexpr std::string_view members_flag = "WORKSPACE_MEMBERS";

// Twenty's personal invite token: 32 random bytes as hex.
std::string new_invite_token() {
  unsigned char bytes[32];
  RAND_bytes(bytes, sizeof bytes);
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned char b : bytes) {
    out += hex[b >> 4];
    out += hex[b & 15];
  }
  return out;
}

// class-validator's IsEmail, closely enough: one @, a dotted domain, no blanks.
bool looks_like_email(std::string_view e) {
  auto at = e.find('@');
  if (at == 0 || at == std::string_view::npos || e.find('@', at + 1) != std::string_view::npos)
    return false;
  auto domain = e.substr(at + 1);
  auto dot = domain.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 2 > domain.size()) return false;
  for (char c : e) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ';') return false;
  }
  return true;
}

json::object invitation_json(const core::invitation_row& row) {
  return {{"id", row.id}, {"email", row.email}, {"expiresAt", row.expires_at}};
}

// WorkspaceInvitationException's user-friendly texts, which sendInvitations lists in `errors`.
std::string refusal_text(core::invitation_outcome outcome) {
  if (outcome == core::invitation_outcome::already_member)
    return "This user is already a member of the workspace.";
  return "An invitation has already been sent to this email.";
}

field_error invalid_invitation_error(
    std::string message,
    std::string_view friendly = "There is an issue with your invitation. Please try again.") {
  json::object ext;
  ext["code"] = "INTERNAL_SERVER_ERROR";
  ext["userFriendlyMessage"] = friendly;
  return field_error(std::move(message), std::move(ext));
}

// Twenty's invitation quotas: a token per invited address (whatever the workspace) and one per
// invitation from the workspace, refilled over their windows (INVITATION_SENDING_BY_*).
std::shared_ptr<rate_limit::rate_limiter> invitations_by_email(const state_ptr& state) {
  const auto& s = state->settings;
  return rate_limit::shared_limiter(
      s.redis_url, "cohort:rate:invitation-email:",
      {.capacity = static_cast<double>(s.invitation_sending_by_email_throttle_limit),
       .period = std::chrono::milliseconds(s.invitation_sending_by_email_throttle_ttl_in_ms)});
}
std::shared_ptr<rate_limit::rate_limiter> invitations_by_workspace(const state_ptr& state) {
  const auto& s = state->settings;
  return rate_limit::shared_limiter(
      s.redis_url, "cohort:rate:invitation-workspace:",
      {.capacity = static_cast<double>(s.invitation_sending_by_workspace_throttle_limit),
       .period = std::chrono::milliseconds(s.invitation_sending_by_workspace_throttle_ttl_in_ms)});
}

// One sendInvitations call: the e-mails one after the other, so that the same address twice is
// "already invited" the second time.
struct sending : std::enable_shared_from_this<sending> {
  state_ptr state;
  reply out;
  core::workspace_row workspace;
  core::workspace_member_row sender;
  std::vector<std::string> emails;
  std::optional<std::string> role_id;
  std::size_t next = 0;
  json::array errors, result;

  sending(state_ptr s, reply o) : state(std::move(s)), out(std::move(o)) {}

  void step() {
    if (next == emails.size()) return finish();
    std::string email = emails[next++];
    core::new_invitation inv{workspace.id, email, new_invite_token(),
                             state->settings.invitation_token_expires_in, role_id};
    std::string token = inv.token;
    auto self = shared_from_this();
    core::create_invitation(
        *state->pool, std::move(inv),
        [self, email, token](core::db_result<core::created_invitation> r) {
          if (!r.ok()) {
            self->errors.emplace_back(r.error->message);
            return self->step();
          }
          if (!r.value->row) {
            self->errors.emplace_back(refusal_text(r.value->outcome));
            return self->step();
          }
          auto row = *r.value->row;
          auto message =
              invitation_email(self->state->settings, self->workspace, self->sender, email, token);
          mail::enqueue_email(
              *self->state->pool, message, [self, row](std::optional<std::string> error) {
                if (error) self->errors.emplace_back("Invitation e-mail not queued: " + *error);
                self->result.push_back(invitation_json(row));
                self->step();
              });
        });
  }

  // Twenty's throttleInvitationSending, before anything is stored or sent: every address takes a
  // token of its own bucket (each is charged even when another is refused), then, if all had
  // one, the workspace's bucket gives one per address at once or none. Any refusal refuses the
  // whole call.
  void throttle() {
    auto self = shared_from_this();
    auto pending = std::make_shared<std::atomic<std::size_t>>(emails.size());
    auto refused = std::make_shared<std::atomic<bool>>(false);
    auto by_email = invitations_by_email(state);
    if (emails.empty()) return step();
    for (const auto& email : emails) {
      by_email->apply(email, rate_limit::bucket_op::take,
                      [self, pending, refused](rate_limit::decision d) {
                        if (!d.allowed) refused->store(true);
                        if (pending->fetch_sub(1) != 1) return;
                        if (*refused) return self->out.error(quota_exceeded());
                        self->charge_workspace();
                      });
    }
  }

  void charge_workspace() {
    auto self = shared_from_this();
    invitations_by_workspace(state)->take_many(workspace.id, static_cast<double>(emails.size()),
                                               [self](rate_limit::decision d) {
                                                 if (!d.allowed)
                                                   return self->out.error(quota_exceeded());
                                                 self->step();
                                               });
  }

  static field_error quota_exceeded() {
    return invalid_invitation_error("Workspace invitation sending rate limit exceeded.",
                                    "Too many workspace invitations sent. Please try again later.");
  }

  void finish() {
    bool success = errors.empty();
    out.value(json::object{
        {"success", success}, {"errors", std::move(errors)}, {"result", std::move(result)}});
  }
};

// The workspace and the sending member, then the invitations.
void send_invitations_to(const state_ptr& state, const reply& out, std::string workspace_id,
                         std::string user_id, std::vector<std::string> emails,
                         std::optional<std::string> role_id) {
  auto job = std::make_shared<sending>(state, out);
  job->emails = std::move(emails);
  job->role_id = std::move(role_id);
  core::find_workspace_by_id(
      *state->pool, std::move(workspace_id),
      [job, user_id = std::move(user_id)](core::db_result<core::workspace_row> w) {
        if (job->out.failed(w)) return;
        if (!w.value) return job->out.error(forbidden_resource());
        job->workspace = std::move(*w.value);
        if (!job->workspace.invite_hash || job->workspace.invite_hash->empty()) {
          return job->out.value(
              json::object{{"success", false},
                           {"errors", json::array{"Workspace invite hash not found"}},
                           {"result", json::array()}});
        }
        core::find_workspace_member(
            *job->state->pool, job->workspace.database_schema, user_id,
            [job](core::db_result<core::workspace_member_row> m) {
              if (job->out.failed(m)) return;
              if (!m.value) {
                return job->out.error(
                    internal_error("Could not find any entity of type \"workspaceMember\""));
              }
              job->sender = std::move(*m.value);
              job->throttle();
            });
      });
}

// The caller's workspace and user when it may manage members; otherwise the refusal is answered.
std::optional<std::pair<std::string, std::string>> member_manager(const resolve_info& info,
                                                                  const reply& out) {
  auto workspace_id = workspace_with_flag(info, out, members_flag);
  if (!workspace_id) return std::nullopt;
  auto who = caller_of(info);
  if (!who.user_id) {
    out.error(forbidden_resource());
    return std::nullopt;
  }
  return std::pair{*workspace_id, *who.user_id};
}

void send_invitations(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  auto caller = member_manager(info, out);
  if (!caller) return;
  std::vector<std::string> raw, emails;
  if (auto* list = info.args().if_contains("emails"); list && list->is_array()) {
    for (const auto& e : list->as_array())
      if (e.is_string()) raw.emplace_back(e.as_string());
  }
  // Twenty's SendInvitationsInput: @IsEmail({each: true}) and @ArrayUnique().
  std::vector<std::string> problems;
  bool bad_email = false, repeated = false;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (!looks_like_email(raw[i])) bad_email = true;
    for (std::size_t j = 0; j < i; ++j) repeated = repeated || raw[i] == raw[j];
  }
  if (bad_email) problems.push_back("each value in emails must be an email");
  if (repeated) problems.push_back("All emails's elements must be unique");
  if (!problems.empty()) {
    std::string message;
    for (const auto& p : problems) message += (message.empty() ? "" : ", ") + p;
    return out.error(user_input_error(std::move(message)));
  }
  for (const auto& e : raw) emails.push_back(normalize_email(e));
  send_invitations_to(state, out, caller->first, caller->second, std::move(emails),
                      string_arg(info.args(), "roleId"));
}

void resend_invitation(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  auto caller = member_manager(info, out);
  if (!caller) return;
  std::string id = string_arg(info.args(), "appTokenId").value_or("");
  auto [workspace_id, user_id] = *caller;
  core::find_invitation(
      *state->pool, workspace_id, id,
      [state, out, workspace_id, user_id, id](core::db_result<core::invitation_row> r) {
        if (out.failed(r)) return;
        if (!r.value) return out.error(invalid_invitation_error("Invalid appToken"));
        auto invitation = std::move(*r.value);
        // The old token stops working; a new one goes out.
        core::delete_invitation(
            *state->pool, workspace_id, id,
            [state, out, workspace_id, user_id, invitation](core::db_result<bool> d) {
              if (out.failed(d)) return;
              send_invitations_to(state, out, workspace_id, user_id, {invitation.email},
                                  invitation.role_id);
            });
      });
}

void delete_invitation(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  auto workspace_id = workspace_with_flag(info, out, members_flag);
  if (!workspace_id) return;
  core::delete_invitation(*state->pool, *workspace_id,
                          string_arg(info.args(), "appTokenId").value_or(""),
                          [out](core::db_result<bool> r) {
                            // Twenty answers the strings "success" and "error".
                            if (!r.ok()) return out.value("error");
                            out.value(*r.value ? "success" : "error");
                          });
}

void find_invitations(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  auto workspace_id = workspace_with_flag(info, out, members_flag);
  if (!workspace_id) return;
  core::list_invitations(*state->pool, *workspace_id,
                         [out](core::db_result<std::vector<core::invitation_row>> r) {
                           if (out.failed(r)) return;
                           json::array list;
                           for (const auto& row : *r.value) list.push_back(invitation_json(row));
                           out.value(std::move(list));
                         });
}

void check_invite_hash(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  core::find_workspace_by_invite_hash(*state->pool,
                                      string_arg(info.args(), "inviteHash").value_or(""),
                                      [out](core::db_result<core::workspace_row> w) {
                                        if (out.failed(w)) return;
                                        out.value(json::object{{"isValid", w.value.has_value()}});
                                      });
}

void workspace_from_invite_hash(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  core::find_workspace_by_invite_hash(
      *state->pool, string_arg(info.args(), "inviteHash").value_or(""),
      [state, out](core::db_result<core::workspace_row> w) {
        if (out.failed(w)) return;
        if (!w.value) return out.error(auth_exception("Workspace does not exist", "INVALID_INPUT"));
        out.value(workspace_json(state->settings, *w.value));
      });
}

}  // namespace

void add_invitation_resolvers(resolver_list& out, const state_ptr& state) {
  auto add = [&](std::string_view root, std::string_view field,
                 void (*fn)(const state_ptr&, resolve_info&, completion)) {
    out.push_back({root, field, [state, fn](resolve_info& info, completion done) {
                     fn(state, info, std::move(done));
                   }});
  };
  add("Mutation", "sendInvitations", send_invitations);
  add("Mutation", "resendWorkspaceInvitation", resend_invitation);
  add("Mutation", "deleteWorkspaceInvitation", delete_invitation);
  add("Query", "findWorkspaceInvitations", find_invitations);
  add("Query", "checkWorkspaceInviteHashIsValid", check_invite_hash);
  add("Query", "findWorkspaceFromInviteHash", workspace_from_invite_hash);
  add("Mutation", "signUpInWorkspace", sign_up_in_workspace);
}

}  // namespace cohort::api::platform
