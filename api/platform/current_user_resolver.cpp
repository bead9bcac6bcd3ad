// currentUser: the caller's user with, inside a workspace, its workspace, membership and
// workspaceMember, and the workspaces it can enter.
#include <memory>

#include "api/platform/platform_json.hpp"
#include "api/platform/platform_resolvers.hpp"
#include "storage/core/user_repository.hpp"
#include "storage/core/workspace_member_repository.hpp"
#include "storage/core/workspace_repository.hpp"

namespace cohort::api::platform {

namespace core = storage::core;

namespace {

// What currentUser gathers, one query after another, before it answers.
struct user_view : std::enable_shared_from_this<user_view> {
  state_ptr state;
  reply out;
  actors::caller who;
  core::user_row user;
  std::optional<core::workspace_row> workspace;
  std::optional<core::user_workspace_row> membership;
  std::optional<core::workspace_member_row> member;

  user_view(state_ptr s, reply r, actors::caller c)
      : state(std::move(s)), out(std::move(r)), who(std::move(c)) {}

  void load_user() {
    auto self = shared_from_this();
    core::find_user_by_id(*state->pool, *who.user_id, [self](core::db_result<core::user_row> u) {
      if (self->out.failed(u)) return;
      if (!u.value) return self->out.error(auth_exception("User not found", "USER_NOT_FOUND"));
      self->user = std::move(*u.value);
      if (!self->who.workspace_id) return self->load_available();
      self->load_workspace();
    });
  }

  void load_workspace() {
    auto self = shared_from_this();
    core::find_workspace_by_id(*state->pool, *who.workspace_id,
                               [self](core::db_result<core::workspace_row> w) {
                                 if (self->out.failed(w)) return;
                                 self->workspace = std::move(w.value);
                                 self->load_membership();
                               });
  }

  void load_membership() {
    auto self = shared_from_this();
    core::find_user_workspace(*state->pool, user.id, *who.workspace_id,
                              [self](core::db_result<core::user_workspace_row> m) {
                                if (self->out.failed(m)) return;
                                self->membership = std::move(m.value);
                                self->load_member();
                              });
  }

  void load_member() {
    bool active = workspace && (workspace->activation_status == "ACTIVE" ||
                                workspace->activation_status == "SUSPENDED");
    if (!active || workspace->database_schema.empty()) return load_available();
    auto self = shared_from_this();
    core::find_workspace_member(*state->pool, workspace->database_schema, user.id,
                                [self](core::db_result<core::workspace_member_row> m) {
                                  if (self->out.failed(m)) return;
                                  self->member = std::move(m.value);
                                  self->load_available();
                                });
  }

  void load_available() {
    auto self = shared_from_this();
    available_workspaces(state, user.id, user.email,
                         [self](std::optional<field_error> e, json::object available) {
                           if (e) return self->out.error(std::move(*e));
                           self->answer(std::move(available));
                         });
  }

  // Twenty derives the onboarding step from the workspace and the profile.
  std::string onboarding_status() const {
    if (workspace && workspace->activation_status != "ACTIVE") return "WORKSPACE_ACTIVATION";
    if (member && member->first_name.empty() && member->last_name.empty()) {
      return "PROFILE_CREATION";
    }
    return "COMPLETED";
  }

  void answer(json::object available) {
    json::object o = user_json(user);
    json::value workspace_value =
        workspace ? json::value(workspace_json(state->settings, *workspace)) : json::value(nullptr);
    std::optional<std::string> membership_id;
    json::array memberships;
    if (membership) {
      membership_id = membership->id;
      memberships.push_back(user_workspace_json(*membership, user, workspace_value));
    }
    json::value member_value =
        member ? json::value(workspace_member_json(*member, membership_id)) : json::value(nullptr);
    o["workspaceMember"] = member_value;
    o["userWorkspaces"] = memberships;
    o["onboardingStatus"] =
        who.workspace_id ? json::value(onboarding_status()) : json::value(nullptr);
    o["currentWorkspace"] = workspace_value;
    o["currentUserWorkspace"] = memberships.empty() ? json::value(nullptr) : memberships.front();
    o["workspaceMembers"] = member ? json::array{member_value} : json::array();
    o["workspaces"] = std::move(memberships);
    o["availableWorkspaces"] = std::move(available);
    out.value(std::move(o));
  }
};

void current_user(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  auto who = caller_of(info);
  if (!who.user_id) return out.error(forbidden_resource());
  std::make_shared<user_view>(state, out, std::move(who))->load_user();
}

}  // namespace

void add_current_user_resolvers(resolver_list& out, const state_ptr& state) {
  out.push_back({"Query", "currentUser", [state](resolve_info& info, completion done) {
                   current_user(state, info, std::move(done));
                 }});
}

}  // namespace cohort::api::platform
