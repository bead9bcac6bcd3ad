// updateWorkspaceMemberRole: a member's role changes (never one's own, never the last Admin's).
// assignRoleToApiKey is served with the other API-key operations (api_key_resolvers.cpp).
#include "api/platform/permission_guard.hpp"
#include "api/platform/platform_json.hpp"
#include "api/platform/role_errors.hpp"
#include "api/platform/role_json.hpp"
#include "api/platform/role_resolvers.hpp"
#include "storage/core/role_member_reader.hpp"
#include "storage/core/role_repository.hpp"
#include "storage/core/workspace_repository.hpp"

namespace cohort::api::platform {

namespace {

namespace core = storage::core;

struct member_role_change {
  state_ptr state;
  reply out;
  std::string workspace_id;
  std::string schema;
  core::member_membership membership;
  core::role_details role;
};
using change_ptr = std::shared_ptr<member_role_change>;

void answer_member(const change_ptr& c) {
  core::find_role(*c->state->pool, c->workspace_id, c->role.role.id,
                  [c](core::db_result<core::role_details> r) {
                    if (c->out.failed(r)) return;
                    if (!r.value) return c->out.error(permissions_error("ROLE_NOT_FOUND"));
                    member_map members;
                    members.emplace(c->membership.member.user_id, c->membership.member);
                    auto member = workspace_member_json(c->membership.member,
                                                        c->membership.user_workspace_id);
                    member["roles"] = json::array{role_json(*r.value, members)};
                    c->out.value(std::move(member));
                  });
}

void assign(const change_ptr& c) {
  core::assign_member_role(*c->state->pool, c->workspace_id, *c->membership.user_workspace_id,
                           c->role.role.id, [c](core::db_result<bool> r) {
                             if (c->out.failed(r)) return;
                             if (!*r.value)
                               return c->out.error(permissions_error("USER_WORKSPACE_NOT_FOUND"));
                             answer_member(c);
                           });
}

// The last member holding the Admin role keeps it (Twenty's CANNOT_UNASSIGN_LAST_ADMIN).
void check_last_admin(const change_ptr& c) {
  const auto& current = c->membership.role_id;
  if (!current || *current == c->role.role.id) return assign(c);
  core::find_role(*c->state->pool, c->workspace_id, *current,
                  [c](core::db_result<core::role_details> r) {
                    if (c->out.failed(r)) return;
                    const bool admin = r.value && r.value->role.standard_id &&
                                       *r.value->role.standard_id == core::admin_role_standard_id;
                    if (!admin) return assign(c);
                    if (r.value->members.size() <= 1)
                      return c->out.error(permissions_error("CANNOT_UNASSIGN_LAST_ADMIN"));
                    assign(c);
                  });
}

void update_member_role(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  auto ws = workspace_with_flag(info, out, "ROLES");
  if (!ws) return;
  auto who = caller_of(info);
  auto member_id = string_arg(info.args(), "workspaceMemberId").value_or("");
  auto role_id = string_arg(info.args(), "roleId").value_or("");
  if (who.workspace_member_id && *who.workspace_member_id == member_id)
    return out.error(permissions_error("CANNOT_UPDATE_SELF_ROLE"));
  auto c = std::make_shared<member_role_change>(member_role_change{state, out, *ws, "", {}, {}});
  core::find_workspace_by_id(
      *state->pool, *ws, [c, member_id, role_id](core::db_result<core::workspace_row> w) {
        if (c->out.failed(w)) return;
        if (!w.value || w.value->database_schema.empty())
          return c->out.error(permissions_error("WORKSPACE_MEMBER_NOT_FOUND"));
        c->schema = w.value->database_schema;
        core::find_member_membership(
            *c->state->pool, c->schema, c->workspace_id, member_id,
            [c, role_id](core::db_result<core::member_membership> m) {
              if (c->out.failed(m)) return;
              if (!m.value) return c->out.error(permissions_error("WORKSPACE_MEMBER_NOT_FOUND"));
              if (!m.value->user_workspace_id)
                return c->out.error(permissions_error("USER_WORKSPACE_NOT_FOUND"));
              c->membership = std::move(*m.value);
              with_role(
                  c->state, c->out, c->workspace_id, role_id, false, [c](core::role_details role) {
                    if (!role.role.can_be_assigned_to_users)
                      return c->out.error(permissions_error("ROLE_CANNOT_BE_ASSIGNED_TO_USERS"));
                    c->role = std::move(role);
                    check_last_admin(c);
                  });
            });
      });
}

}  // namespace

void add_role_assignment_resolvers(resolver_list& out, const state_ptr& state) {
  out.push_back(
      {"Mutation", "updateWorkspaceMemberRole", [state](resolve_info& info, completion done) {
         update_member_role(state, info, std::move(done));
       }});
}

}  // namespace cohort::api::platform
