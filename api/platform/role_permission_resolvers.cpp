// upsertObjectPermissions, upsertFieldPermissions and upsertPermissionFlags, with Twenty's rules:
// the role exists and is editable; objects and fields exist in the caller's model and are not
// system ones; writing needs reading; a field permission only restricts, and only on an object
// the role can read (update restrictions: on an object it can update).
#include "api/platform/metadata_resolvers.hpp"
#include "api/platform/permission_guard.hpp"
#include "api/platform/role_errors.hpp"
#include "api/platform/role_json.hpp"
#include "api/platform/role_resolvers.hpp"
#include "model/workspace_model.hpp"
#include "storage/core/role_permission_cache.hpp"
#include "storage/core/role_permission_repository.hpp"
#include "storage/query/filter_operators.hpp"

namespace cohort::api::platform {

namespace {

namespace core = storage::core;

std::string text_member(const json::object& o, std::string_view key) {
  auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

json::array array_member(const json::object& o, std::string_view key) {
  auto* v = o.if_contains(key);
  return v && v->is_array() ? v->as_array() : json::array();
}

// The object of the caller's model with that id; the refusal's sub-code otherwise.
std::variant<const model::object_metadata*, std::string_view> find_object(
    const std::shared_ptr<const model::workspace_model>& m, const std::string& id,
    std::string_view system_refusal) {
  const model::object_metadata* object = m ? m->find_object_by_id(id) : nullptr;
  if (!object) return std::string_view("OBJECT_METADATA_NOT_FOUND");
  if (object->is_system) return system_refusal;
  return object;
}

// The role's right on an object after the change: the object's row (given or stored) else the
// role's can*All.
model::object_rights rights_on(const core::role_details& role, const std::string& object_id) {
  return core::permissions_of(role).object(object_id);
}

void upsert_objects(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  auto ws = workspace_with_flag(info, out, "ROLES");
  if (!ws) return;
  auto input = object_arg(info.args(), "upsertObjectPermissionsInput");
  auto model = workspace_model_of(info);
  std::vector<core::object_permission_input> rows;
  for (const auto& v : array_member(input, "objectPermissions")) {
    if (!v.is_object()) continue;
    const auto& o = v.as_object();
    rows.push_back({text_member(o, "objectMetadataId"), bool_input(o, "canReadObjectRecords"),
                    bool_input(o, "canUpdateObjectRecords"),
                    bool_input(o, "canSoftDeleteObjectRecords"),
                    bool_input(o, "canDestroyObjectRecords")});
  }
  with_role(state, out, *ws, text_member(input, "roleId"), true,
            [state, out, ws = *ws, model, rows = std::move(rows)](core::role_details role) mutable {
              for (const auto& row : rows) {
                auto found = find_object(model, row.object_metadata_id,
                                         "CANNOT_ADD_OBJECT_PERMISSION_ON_SYSTEM_OBJECT");
                if (auto* why = std::get_if<std::string_view>(&found))
                  return out.error(permissions_error(*why));
                auto now = rights_on(role, row.object_metadata_id);
                const bool read = row.can_read.value_or(now.read);
                const bool writes = row.can_update.value_or(now.update) ||
                                    row.can_soft_delete.value_or(now.soft_delete) ||
                                    row.can_destroy.value_or(now.destroy);
                if (!read && writes)
                  return out.error(permissions_error(
                      "CANNOT_GIVE_WRITING_PERMISSION_WITHOUT_READING_PERMISSION"));
              }
              core::upsert_object_permissions(
                  *state->pool, ws, role.role.id, std::move(rows),
                  [out, fields = role.field_permissions](
                      core::db_result<std::vector<core::object_permission_row>> r) {
                    if (out.failed(r)) return;
                    json::array items;
                    for (const auto& p : *r.value)
                      items.push_back(object_permission_json(p, fields));
                    out.value(std::move(items));
                  });
            });
}

void upsert_fields(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  auto ws = workspace_with_flag(info, out, "ROLES");
  if (!ws) return;
  auto input = object_arg(info.args(), "upsertFieldPermissionsInput");
  auto model = workspace_model_of(info);
  std::vector<core::field_permission_input> rows;
  for (const auto& v : array_member(input, "fieldPermissions")) {
    if (!v.is_object()) continue;
    const auto& o = v.as_object();
    rows.push_back({text_member(o, "objectMetadataId"), text_member(o, "fieldMetadataId"),
                    bool_input(o, "canReadFieldValue"), bool_input(o, "canUpdateFieldValue")});
  }
  with_role(state, out, *ws, text_member(input, "roleId"), true,
            [state, out, ws = *ws, model, rows = std::move(rows)](core::role_details role) mutable {
              for (const auto& row : rows) {
                auto found = find_object(model, row.object_metadata_id,
                                         "CANNOT_ADD_FIELD_PERMISSION_ON_SYSTEM_OBJECT");
                if (auto* why = std::get_if<std::string_view>(&found))
                  return out.error(permissions_error(*why));
                if (!std::get<0>(found)->find_field_by_id(row.field_metadata_id))
                  return out.error(permissions_error("FIELD_METADATA_NOT_FOUND"));
                if (row.can_read.value_or(false) || row.can_update.value_or(false))
                  return out.error(permissions_error("ONLY_FIELD_RESTRICTION_ALLOWED"));
                auto rights = rights_on(role, row.object_metadata_id);
                if (!rights.read)
                  return out.error(
                      permissions_error("FIELD_RESTRICTION_ONLY_ALLOWED_ON_READABLE_OBJECT"));
                if (row.can_update && !*row.can_update && !rights.update)
                  return out.error(permissions_error(
                      "FIELD_RESTRICTION_ON_UPDATE_ONLY_ALLOWED_ON_UPDATABLE_OBJECT"));
              }
              core::upsert_field_permissions(
                  *state->pool, ws, role.role.id, std::move(rows),
                  [out](core::db_result<std::vector<core::field_permission_row>> r) {
                    if (out.failed(r)) return;
                    json::array items;
                    for (const auto& p : *r.value) items.push_back(field_permission_json(p));
                    out.value(std::move(items));
                  });
            });
}

void upsert_flags(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  auto ws = workspace_with_flag(info, out, "ROLES");
  if (!ws) return;
  auto input = object_arg(info.args(), "upsertPermissionFlagsInput");
  std::vector<std::string> flags;
  for (const auto& v : array_member(input, "permissionFlagKeys")) {
    if (!v.is_string() || !core::is_permission_flag(std::string_view(v.as_string())))
      return out.error(permissions_error("INVALID_SETTING"));
    flags.emplace_back(v.as_string());
  }
  with_role(state, out, *ws, text_member(input, "roleId"), true,
            [state, out, ws = *ws, flags = std::move(flags)](core::role_details role) mutable {
              core::replace_permission_flags(
                  *state->pool, ws, role.role.id, std::move(flags),
                  [out](core::db_result<std::vector<core::permission_flag_row>> r) {
                    if (out.failed(r)) return;
                    json::array items;
                    for (const auto& f : *r.value) items.push_back(permission_flag_json(f));
                    out.value(std::move(items));
                  });
            });
}

}  // namespace

void add_role_permission_resolvers(resolver_list& out, const state_ptr& state) {
  auto bind = [&](std::string_view field, void (*fn)(const state_ptr&, resolve_info&, completion)) {
    out.push_back({"Mutation", field, [state, fn](resolve_info& info, completion done) {
                     fn(state, info, std::move(done));
                   }});
  };
  bind("upsertObjectPermissions", upsert_objects);
  bind("upsertFieldPermissions", upsert_fields);
  bind("upsertPermissionFlags", upsert_flags);
}

}  // namespace cohort::api::platform
