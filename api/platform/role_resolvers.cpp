// getRoles, createOneRole, updateOneRole and deleteOneRole.
#include "api/platform/role_resolvers.hpp"

#include "api/platform/permission_guard.hpp"
#include "api/platform/role_errors.hpp"
#include "api/platform/role_json.hpp"
#include "storage/core/role_repository.hpp"
#include "storage/core/workspace_repository.hpp"
#include "storage/query/filter_operators.hpp"

namespace cohort::api::platform {

namespace {

namespace core = storage::core;

std::optional<std::optional<std::string>> nullable_member(const json::object& o,
                                                          std::string_view key) {
  auto* v = o.if_contains(key);
  if (!v) return std::nullopt;
  if (v->is_string()) return std::optional<std::string>(std::string(v->as_string()));
  return std::optional<std::string>();
}

core::role_fields read_fields(const json::object& in) {
  core::role_fields f;
  if (auto* v = in.if_contains("label"); v && v->is_string()) f.label = std::string(v->as_string());
  f.description = nullable_member(in, "description");
  f.icon = nullable_member(in, "icon");
  f.can_update_all_settings = bool_input(in, "canUpdateAllSettings");
  f.can_access_all_tools = bool_input(in, "canAccessAllTools");
  f.can_read_all_object_records = bool_input(in, "canReadAllObjectRecords");
  f.can_update_all_object_records = bool_input(in, "canUpdateAllObjectRecords");
  f.can_soft_delete_all_object_records = bool_input(in, "canSoftDeleteAllObjectRecords");
  f.can_destroy_all_object_records = bool_input(in, "canDestroyAllObjectRecords");
  f.can_be_assigned_to_users = bool_input(in, "canBeAssignedToUsers");
  f.can_be_assigned_to_agents = bool_input(in, "canBeAssignedToAgents");
  f.can_be_assigned_to_api_keys = bool_input(in, "canBeAssignedToApiKeys");
  return f;
}

// Twenty's checks of a role's settings as they will be after the change (`base`: the role now,
// or the defaults of a new one); the PermissionsExceptionCode, or nothing.
std::optional<std::string_view> invalid_settings(const core::role_fields& f,
                                                 const core::role_row& base) {
  if (f.label && f.label->find_first_not_of(" \t\r\n") == std::string::npos) return "INVALID_ARG";
  const bool read = f.can_read_all_object_records.value_or(base.can_read_all_object_records);
  const bool writes =
      f.can_update_all_object_records.value_or(base.can_update_all_object_records) ||
      f.can_soft_delete_all_object_records.value_or(base.can_soft_delete_all_object_records) ||
      f.can_destroy_all_object_records.value_or(base.can_destroy_all_object_records);
  if (!read && writes) return "CANNOT_GIVE_WRITING_PERMISSION_WITHOUT_READING_PERMISSION";
  const bool targets = f.can_be_assigned_to_users.value_or(base.can_be_assigned_to_users) ||
                       f.can_be_assigned_to_agents.value_or(base.can_be_assigned_to_agents) ||
                       f.can_be_assigned_to_api_keys.value_or(base.can_be_assigned_to_api_keys);
  if (!targets) return "ROLE_MUST_HAVE_AT_LEAST_ONE_TARGET";
  return std::nullopt;
}

// A write's failure: a taken label is Twenty's ROLE_LABEL_ALREADY_EXISTS.
field_error write_error(const storage::pg::error_info& e) {
  if (e.sqlstate == "23505") return permissions_error("ROLE_LABEL_ALREADY_EXISTS");
  if (e.sqlstate.rfind("22", 0) == 0) return permissions_error("INVALID_ARG");
  return database_error(e);
}

void get_roles(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  auto ws = workspace_with_flag(info, out, "ROLES");
  if (!ws) return;
  core::list_roles(*state->pool, *ws,
                   [state, out, ws = *ws](core::db_result<std::vector<core::role_details>> r) {
                     if (out.failed(r)) return;
                     roles_json(state, ws, std::move(*r.value),
                                [out](std::optional<field_error> e, json::array roles) {
                                  if (e) return out.error(std::move(*e));
                                  out.value(std::move(roles));
                                });
                   });
}

void create_role(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  auto ws = workspace_with_flag(info, out, "ROLES");
  if (!ws) return;
  auto input = object_arg(info.args(), "createRoleInput");
  auto fields = read_fields(input);
  if (auto why = invalid_settings(fields, core::role_row{}))
    return out.error(permissions_error(*why));
  auto id = string_arg(input, "id");
  if (id && !storage::query::is_uuid(*id)) return out.error(permissions_error("INVALID_ARG"));
  core::insert_role(*state->pool, *ws, std::move(id), std::move(fields),
                    [state, out, ws = *ws](core::db_result<core::role_row> r) {
                      if (!r.ok()) return out.error(write_error(*r.error));
                      answer_role(state, out, ws, r.value->id);
                    });
}

void update_role(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  auto ws = workspace_with_flag(info, out, "ROLES");
  if (!ws) return;
  auto input = object_arg(info.args(), "updateRoleInput");
  auto id = string_arg(input, "id").value_or("");
  auto fields = read_fields(object_arg(input, "update"));
  with_role(state, out, *ws, id, true,
            [state, out, ws = *ws, fields = std::move(fields)](core::role_details role) mutable {
              if (auto why = invalid_settings(fields, role.role))
                return out.error(permissions_error(*why));
              core::update_role(*state->pool, ws, role.role.id, std::move(fields),
                                [state, out, ws](core::db_result<core::role_row> r) {
                                  if (!r.ok()) return out.error(write_error(*r.error));
                                  if (!r.value)
                                    return out.error(permissions_error("ROLE_NOT_FOUND"));
                                  answer_role(state, out, ws, r.value->id);
                                });
            });
}

void delete_role(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  auto ws = workspace_with_flag(info, out, "ROLES");
  if (!ws) return;
  auto id = string_arg(info.args(), "roleId").value_or("");
  with_role(state, out, *ws, id, false, [state, out, ws = *ws](core::role_details role) {
    core::find_workspace_by_id(
        *state->pool, ws, [state, out, ws, role](core::db_result<core::workspace_row> w) {
          if (out.failed(w)) return;
          if (!w.value || !w.value->default_role_id)
            return out.error(permissions_error("DEFAULT_ROLE_NOT_FOUND"));
          const auto& fallback = *w.value->default_role_id;
          if (fallback == role.role.id)
            return out.error(permissions_error("DEFAULT_ROLE_CANNOT_BE_DELETED"));
          if (!role.role.is_editable) return out.error(permissions_error("ROLE_NOT_EDITABLE"));
          core::delete_role(*state->pool, ws, role.role.id, fallback,
                            [out, id = role.role.id](core::db_result<bool> r) {
                              if (out.failed(r)) return;
                              if (!*r.value) return out.error(permissions_error("ROLE_NOT_FOUND"));
                              out.value(json::string(id));
                            });
        });
  });
}

}  // namespace

std::optional<bool> bool_input(const json::object& input, std::string_view key) {
  auto* v = input.if_contains(key);
  if (!v || !v->is_bool()) return std::nullopt;
  return v->as_bool();
}

void with_role(const state_ptr& state, const reply& out, std::string workspace_id,
               std::string role_id, bool editable_only,
               std::function<void(core::role_details)> next) {
  core::find_role(
      *state->pool, std::move(workspace_id), std::move(role_id),
      [out, editable_only, next = std::move(next)](core::db_result<core::role_details> r) {
        if (out.failed(r)) return;
        if (!r.value) return out.error(permissions_error("ROLE_NOT_FOUND"));
        if (editable_only && !r.value->role.is_editable)
          return out.error(permissions_error("ROLE_NOT_EDITABLE"));
        next(std::move(*r.value));
      });
}

void answer_role(const state_ptr& state, const reply& out, std::string workspace_id,
                 std::string role_id) {
  core::find_role(*state->pool, workspace_id, std::move(role_id),
                  [state, out, workspace_id](core::db_result<core::role_details> r) {
                    if (out.failed(r)) return;
                    if (!r.value) return out.error(permissions_error("ROLE_NOT_FOUND"));
                    std::vector<core::role_details> one;
                    one.push_back(std::move(*r.value));
                    roles_json(state, workspace_id, std::move(one),
                               [out](std::optional<field_error> e, json::array roles) {
                                 if (e) return out.error(std::move(*e));
                                 out.value(std::move(roles.at(0)));
                               });
                  });
}

void add_role_resolvers(resolver_list& out, const state_ptr& state) {
  auto bind = [&](std::string_view root, std::string_view field,
                  void (*fn)(const state_ptr&, resolve_info&, completion)) {
    out.push_back({root, field, [state, fn](resolve_info& info, completion done) {
                     fn(state, info, std::move(done));
                   }});
  };
  bind("Query", "getRoles", get_roles);
  bind("Mutation", "createOneRole", create_role);
  bind("Mutation", "updateOneRole", update_role);
  bind("Mutation", "deleteOneRole", delete_role);
  add_role_assignment_resolvers(out, state);
  add_role_permission_resolvers(out, state);
}

}  // namespace cohort::api::platform
