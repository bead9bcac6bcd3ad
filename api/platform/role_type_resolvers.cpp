// The role fields of currentUser's types, from the caller's own rights (the request gate loaded
// them): UserWorkspace.permissionFlags, objectsPermissions / objectPermissions (every active
// object of the caller's model with its rights and restricted fields), and WorkspaceMember.roles
// (the member's role, read from the database). Rows of other members than the caller's answer
// what their parent value holds.
#include "api/platform/metadata_resolvers.hpp"
#include "api/platform/role_json.hpp"
#include "api/platform/role_resolvers.hpp"
#include "graphql/type/schema_builder.hpp"
#include "model/workspace_model.hpp"
#include "storage/core/role_permission_cache.hpp"
#include "storage/core/role_repository.hpp"

namespace cohort::api::platform {

namespace {

namespace core = storage::core;

// The parent's string member, or empty.
std::string parent_text(const resolve_info& info, std::string_view key) {
  const auto& parent = info.parent();
  if (!parent.is_object()) return "";
  const auto* v = parent.as_object().if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

// The parent's own value of the field (what the type's JSON already carries).
json::value parent_value(const resolve_info& info, std::string_view key) {
  const auto& parent = info.parent();
  if (!parent.is_object()) return nullptr;
  const auto* v = parent.as_object().if_contains(key);
  return v ? *v : json::value(nullptr);
}

// The caller's rights when the parent is the caller's own membership.
std::shared_ptr<const model::effective_permissions> own_permissions(const resolve_info& info,
                                                                    std::string_view id_key) {
  auto who = caller_of(info);
  if (!who.permissions || !who.user_workspace_id) return nullptr;
  if (parent_text(info, id_key) != *who.user_workspace_id) return nullptr;
  return who.permissions;
}

json::array objects_permissions(const model::effective_permissions& p,
                                const model::workspace_model& m) {
  json::array out;
  for (const auto& o : m.objects()) {
    if (!o.is_active) continue;
    auto rights = p.object(o.id);
    json::object restricted;
    for (const auto& f : o.fields) {
      auto it = p.fields.find(f.id);
      if (p.unrestricted || it == p.fields.end()) continue;
      restricted[f.id] =
          json::object{{"canRead", it->second.read ? json::value(nullptr) : false},
                       {"canUpdate", it->second.update ? json::value(nullptr) : false}};
    }
    out.push_back({{"objectMetadataId", o.id},
                   {"canReadObjectRecords", rights.read},
                   {"canUpdateObjectRecords", rights.update},
                   {"canSoftDeleteObjectRecords", rights.soft_delete},
                   {"canDestroyObjectRecords", rights.destroy},
                   {"restrictedFields", std::move(restricted)}});
  }
  return out;
}

void attach(graphql::type::schema_builder& builder, std::string_view type, std::string_view name,
            field_resolver resolve) {
  auto* entry = builder.find_type(type);
  auto* object = entry ? std::get_if<graphql::type::schema_builder::object_entry>(entry) : nullptr;
  if (!object) return;
  for (auto& f : object->config.fields) {
    if (f.name != name) continue;
    f.extend(std::make_shared<graphql::execution::resolver_extension>(std::move(resolve)));
    return;
  }
}

void permission_flags(resolve_info& info, completion done) {
  auto p = own_permissions(info, "id");
  if (!p) return done.resolve(parent_value(info, "permissionFlags"));
  json::array flags;
  for (const auto& f : core::settings_permission_flags())
    if (p->has_flag(f)) flags.push_back(json::string(f));
  for (const auto& f : core::tool_permission_flags())
    if (p->has_flag(f)) flags.push_back(json::string(f));
  done.resolve(std::move(flags));
}

void object_permissions(resolve_info& info, completion done) {
  auto p = own_permissions(info, "id");
  auto model = workspace_model_of(info);
  if (!p || !model) return done.resolve(parent_value(info, info.field_name()));
  done.resolve(objects_permissions(*p, *model));
}

void member_roles(const state_ptr& state, resolve_info& info, completion done) {
  auto who = caller_of(info);
  std::string user_workspace = parent_text(info, "userWorkspaceId");
  if (!who.workspace_id || user_workspace.empty() || !state->pool)
    return done.resolve(parent_value(info, "roles"));
  reply out(std::move(done));
  core::find_member_role(*state->pool, *who.workspace_id, user_workspace,
                         [state, out, ws = *who.workspace_id](core::db_result<core::role_row> r) {
                           if (out.failed(r)) return;
                           if (!r.value) return out.value(json::array());
                           core::find_role(
                               *state->pool, ws, r.value->id,
                               [state, out, ws](core::db_result<core::role_details> d) {
                                 if (out.failed(d)) return;
                                 if (!d.value) return out.value(json::array());
                                 std::vector<core::role_details> one{std::move(*d.value)};
                                 roles_json(state, ws, std::move(one),
                                            [out](std::optional<field_error> e, json::array roles) {
                                              if (e) return out.error(std::move(*e));
                                              out.value(std::move(roles));
                                            });
                               });
                         });
}

}  // namespace

void attach_role_type_resolvers(graphql::type::schema_builder& builder, const state_ptr& state) {
  attach(builder, "UserWorkspace", "permissionFlags", permission_flags);
  attach(builder, "UserWorkspace", "objectsPermissions", object_permissions);
  attach(builder, "UserWorkspace", "objectPermissions", object_permissions);
  attach(builder, "WorkspaceMember", "roles", [state](resolve_info& info, completion done) {
    member_roles(state, info, std::move(done));
  });
}

}  // namespace cohort::api::platform
