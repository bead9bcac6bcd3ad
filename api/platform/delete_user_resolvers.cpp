// deleteUser: the caller deletes its own account with Twenty's rules (UserService.deleteUser). A
// workspace the user is alone in is deleted with it; in a workspace with other members the user
// must not be its only Admin (FORBIDDEN, CANNOT_DELETE_LAST_ADMIN_USER), checked for every
// workspace before anything changes and again, under lock, inside the deleting transaction (two
// Admins deleting themselves at once cannot both pass). That one transaction removes the
// memberships, workspace members and tokens and soft-deletes the user, so that the refresh tokens
// stop renewing at once; the emptied workspaces are hard-deleted after it, as
// deleteCurrentWorkspace does.
#include <spdlog/spdlog.h>

#include "api/platform/platform_json.hpp"
#include "api/platform/platform_resolvers.hpp"
#include "storage/core/user_repository.hpp"
#include "storage/core/workspace_deletion.hpp"

namespace cohort::api::platform {

namespace core = storage::core;

namespace {

field_error last_admin_error() {
  json::object ext;
  ext["subCode"] = "CANNOT_DELETE_LAST_ADMIN_USER";
  ext["userFriendlyMessage"] =
      "Cannot delete account: you are the only admin. Assign another admin or delete the "
      "workspace(s) first.";
  ext["code"] = "FORBIDDEN";
  return field_error("Cannot delete account: user is the unique admin of a workspace",
                     std::move(ext));
}

void hard_delete_emptied(const state_ptr& state, const std::vector<core::membership_standing>& ms) {
  for (const auto& m : ms) {
    if (!m.only_member()) continue;
    core::hard_delete_workspace(
        *state->pool, m.workspace_id, [id = m.workspace_id](core::hard_deletion_result r) {
          if (r.error) spdlog::warn("deleteUser: workspace {} not hard-deleted: {}", id, *r.error);
        });
  }
}

void delete_user(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  auto who = caller_of(info);
  if (who.anonymous() || !who.user_id || who.token_type == "API_KEY")
    return out.error(forbidden_resource());
  std::string user_id = *who.user_id;
  core::list_membership_standings(
      *state->pool, user_id,
      [state, out, user_id](core::db_result<std::vector<core::membership_standing>> ms) {
        if (out.failed(ms)) return;
        for (const auto& m : *ms.value) {
          if (!m.only_member() && m.only_admin()) return out.error(last_admin_error());
        }
        auto memberships = std::move(*ms.value);
        core::delete_user_account(
            *state->pool, user_id, memberships,
            [state, out, memberships](core::db_result<core::user_deletion> d) {
              if (out.failed(d)) return;
              // Checked again under lock: another Admin's deletion won the race.
              if (d.value->last_admin) return out.error(last_admin_error());
              const auto& user = d.value->user;
              if (!user) return out.error(auth_exception("User not found", "USER_NOT_FOUND"));
              spdlog::info("deleteUser: user {} deleted ({} memberships)", user->id,
                           memberships.size());
              hard_delete_emptied(state, memberships);
              out.value(user_json(*user));
            });
      });
}

}  // namespace

void add_delete_user_resolvers(resolver_list& out, const state_ptr& state) {
  out.push_back({"Mutation", "deleteUser", [state](resolve_info& info, completion done) {
                   delete_user(state, info, std::move(done));
                 }});
}

}  // namespace cohort::api::platform
