#include "storage/core/role_permission_cache.hpp"

#include <algorithm>

#include "storage/core/role_repository.hpp"

namespace cohort::storage::core {

const std::vector<std::string>& settings_permission_flags() {
  static const std::vector<std::string> flags{
      "API_KEYS_AND_WEBHOOKS", "WORKSPACE", "WORKSPACE_MEMBERS", "ROLES", "DATA_MODEL",
      "ADMIN_PANEL",           "SECURITY",  "WORKFLOWS"};
  return flags;
}

const std::vector<std::string>& tool_permission_flags() {
  static const std::vector<std::string> flags{"SEND_EMAIL_TOOL", "IMPORT_CSV", "EXPORT_CSV"};
  return flags;
}

bool is_permission_flag(std::string_view name) {
  auto in = [&](const std::vector<std::string>& list) {
    return std::find(list.begin(), list.end(), name) != list.end();
  };
  return in(settings_permission_flags()) || in(tool_permission_flags());
}

model::effective_permissions permissions_of(const role_details& d) {
  const auto& r = d.role;
  model::effective_permissions p;
  p.role_id = r.id;
  p.role_label = r.label;
  p.all_objects = {r.can_read_all_object_records, r.can_update_all_object_records,
                   r.can_soft_delete_all_object_records, r.can_destroy_all_object_records};
  for (const auto& o : d.object_permissions) {
    p.objects[o.object_metadata_id] = {o.can_read.value_or(p.all_objects.read),
                                       o.can_update.value_or(p.all_objects.update),
                                       o.can_soft_delete.value_or(p.all_objects.soft_delete),
                                       o.can_destroy.value_or(p.all_objects.destroy)};
  }
  for (const auto& f : d.field_permissions) {
    p.fields[f.field_metadata_id] = {f.can_read.value_or(true), f.can_update.value_or(true)};
  }
  if (r.can_update_all_settings) {
    for (const auto& f : settings_permission_flags()) p.flags.insert(f);
  }
  if (r.can_access_all_tools) {
    for (const auto& f : tool_permission_flags()) p.flags.insert(f);
  }
  for (const auto& f : d.flags) p.flags.insert(f.flag);
  p.unrestricted = r.can_update_all_settings && r.can_access_all_tools &&
                   r.can_read_all_object_records && r.can_update_all_object_records &&
                   r.can_soft_delete_all_object_records && r.can_destroy_all_object_records &&
                   d.object_permissions.empty() && d.field_permissions.empty();
  return p;
}

permissions_ptr no_role_permissions() {
  static const permissions_ptr none = [] {
    auto p = std::make_shared<model::effective_permissions>();
    p->all_objects = {false, false, false, false};
    return p;
  }();
  return none;
}

permissions_ptr role_permission_cache::find(const std::string& role_id, long roles_version) const {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(role_id);
  if (it == entries_.end() || it->second.roles_version != roles_version) return nullptr;
  return it->second.permissions;
}

void role_permission_cache::store(const std::string& role_id, long roles_version,
                                  permissions_ptr permissions) {
  std::lock_guard lock(mutex_);
  auto& e = entries_[role_id];
  // A slower load of an older version must not replace a newer entry.
  if (e.permissions && e.roles_version > roles_version) return;
  e = {roles_version, std::move(permissions)};
}

std::size_t role_permission_cache::size() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

role_permission_cache& shared_role_permission_cache() {
  static role_permission_cache cache;
  return cache;
}

void resolve_role_permissions(pg::pool& pool, std::string workspace_id, std::string role_id,
                              long roles_version,
                              std::function<void(db_result<permissions_ptr>)> done) {
  auto& cache = shared_role_permission_cache();
  if (auto hit = cache.find(role_id, roles_version)) return done({hit, std::nullopt});
  find_role(pool, std::move(workspace_id), role_id,
            [&cache, role_id, roles_version, done = std::move(done)](db_result<role_details> r) {
              if (!r.ok()) return done(db_result<permissions_ptr>::failure(*r.error));
              if (!r.value) return done({no_role_permissions(), std::nullopt});
              auto p =
                  std::make_shared<const model::effective_permissions>(permissions_of(*r.value));
              cache.store(role_id, roles_version, p);
              done({std::move(p), std::nullopt});
            });
}

}  // namespace cohort::storage::core
