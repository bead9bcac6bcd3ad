#include "api/platform/role_json.hpp"

#include <memory>

#include "api/platform/platform_json.hpp"
#include "storage/core/role_member_reader.hpp"
#include "storage/core/workspace_repository.hpp"

namespace cohort::api::platform {

namespace {

namespace core = storage::core;

json::value optional_bool(const std::optional<bool>& b) {
  return b ? json::value(*b) : json::value(nullptr);
}

}  // namespace

json::object permission_flag_json(const core::permission_flag_row& f) {
  return {{"id", f.id}, {"roleId", f.role_id}, {"flag", f.flag}};
}

json::object field_permission_json(const core::field_permission_row& p) {
  return {{"id", p.id},
          {"objectMetadataId", p.object_metadata_id},
          {"fieldMetadataId", p.field_metadata_id},
          {"roleId", p.role_id},
          {"canReadFieldValue", optional_bool(p.can_read)},
          {"canUpdateFieldValue", optional_bool(p.can_update)}};
}

json::object object_permission_json(const core::object_permission_row& p,
                                    const std::vector<core::field_permission_row>& fields) {
  json::object restricted;
  for (const auto& f : fields) {
    if (f.object_metadata_id != p.object_metadata_id) continue;
    restricted[f.field_metadata_id] = json::object{{"canRead", optional_bool(f.can_read)},
                                                   {"canUpdate", optional_bool(f.can_update)}};
  }
  return {{"objectMetadataId", p.object_metadata_id},
          {"canReadObjectRecords", optional_bool(p.can_read)},
          {"canUpdateObjectRecords", optional_bool(p.can_update)},
          {"canSoftDeleteObjectRecords", optional_bool(p.can_soft_delete)},
          {"canDestroyObjectRecords", optional_bool(p.can_destroy)},
          {"restrictedFields", std::move(restricted)}};
}

json::object role_json(const core::role_details& d, const member_map& members) {
  const auto& r = d.role;
  json::object o;
  o["id"] = r.id;
  o["standardId"] = optional_json(r.standard_id);
  o["label"] = r.label;
  o["description"] = optional_json(r.description);
  o["icon"] = optional_json(r.icon);
  o["isEditable"] = r.is_editable;
  o["canBeAssignedToUsers"] = r.can_be_assigned_to_users;
  o["canBeAssignedToAgents"] = r.can_be_assigned_to_agents;
  o["canBeAssignedToApiKeys"] = r.can_be_assigned_to_api_keys;
  json::array member_list;
  for (const auto& m : d.members) {
    auto it = members.find(m.user_id);
    if (it != members.end())
      member_list.push_back(workspace_member_json(it->second, m.user_workspace_id));
  }
  o["workspaceMembers"] = std::move(member_list);
  o["agents"] = json::array();
  json::array keys;
  for (const auto& k : d.api_keys) {
    keys.push_back({{"id", k.id},
                    {"name", k.name},
                    {"expiresAt", k.expires_at},
                    {"revokedAt", optional_json(k.revoked_at)}});
  }
  o["apiKeys"] = std::move(keys);
  o["canUpdateAllSettings"] = r.can_update_all_settings;
  o["canAccessAllTools"] = r.can_access_all_tools;
  o["canReadAllObjectRecords"] = r.can_read_all_object_records;
  o["canUpdateAllObjectRecords"] = r.can_update_all_object_records;
  o["canSoftDeleteAllObjectRecords"] = r.can_soft_delete_all_object_records;
  o["canDestroyAllObjectRecords"] = r.can_destroy_all_object_records;
  json::array flags;
  for (const auto& f : d.flags) flags.push_back(permission_flag_json(f));
  o["permissionFlags"] = std::move(flags);
  json::array objects;
  for (const auto& p : d.object_permissions)
    objects.push_back(object_permission_json(p, d.field_permissions));
  o["objectPermissions"] = std::move(objects);
  json::array fields;
  for (const auto& p : d.field_permissions) fields.push_back(field_permission_json(p));
  o["fieldPermissions"] = std::move(fields);
  return o;
}

void roles_json(const state_ptr& state, std::string workspace_id,
                std::vector<core::role_details> roles,
                std::function<void(std::optional<field_error>, json::array)> done) {
  auto shared = std::make_shared<std::vector<core::role_details>>(std::move(roles));
  auto answer = [shared, done](const member_map& members) {
    json::array out;
    for (const auto& r : *shared) out.push_back(role_json(r, members));
    done(std::nullopt, std::move(out));
  };
  std::vector<std::string> user_ids;
  for (const auto& r : *shared)
    for (const auto& m : r.members) user_ids.push_back(m.user_id);
  if (user_ids.empty()) return answer({});
  core::find_workspace_by_id(
      *state->pool, std::move(workspace_id),
      [state, user_ids = std::move(user_ids), answer,
       done](core::db_result<core::workspace_row> w) {
        if (!w.ok()) return done(database_error(*w.error), {});
        if (!w.value || w.value->database_schema.empty()) return answer({});
        core::list_members_of_users(
            *state->pool, w.value->database_schema, user_ids,
            [answer, done](core::db_result<std::vector<core::workspace_member_row>> m) {
              if (!m.ok()) return done(database_error(*m.error), {});
              member_map members;
              for (auto& row : *m.value) members.emplace(row.user_id, std::move(row));
              answer(members);
            });
      });
}

}  // namespace cohort::api::platform
