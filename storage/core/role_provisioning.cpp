#include "storage/core/role_provisioning.hpp"

#include "storage/core/role_repository.hpp"
#include "storage/core/role_rows.hpp"

namespace cohort::storage::core {

std::vector<pg::statement> default_role_statements(const std::string& workspace_id) {
  std::vector<pg::statement> out;
  out.push_back(
      {"INSERT INTO core.role (workspace_id, label, description, icon, standard_id, "
       "is_editable, can_update_all_settings, can_access_all_tools, "
       "can_read_all_object_records, can_update_all_object_records, "
       "can_soft_delete_all_object_records, can_destroy_all_object_records, "
       "can_be_assigned_to_users, can_be_assigned_to_agents, can_be_assigned_to_api_keys) "
       "VALUES ($1::uuid, $2, 'Admin role', 'IconUserCog', $3::uuid, false, true, true, true, "
       "true, true, true, true, false, true) ON CONFLICT (label, workspace_id) DO NOTHING",
       {workspace_id, std::string(admin_role_label), std::string(admin_role_standard_id)}});
  out.push_back(
      {"INSERT INTO core.role (workspace_id, label, description, icon, is_editable, "
       "can_update_all_settings, can_access_all_tools, can_read_all_object_records, "
       "can_update_all_object_records, can_soft_delete_all_object_records, "
       "can_destroy_all_object_records, can_be_assigned_to_users, can_be_assigned_to_agents, "
       "can_be_assigned_to_api_keys) VALUES ($1::uuid, $2, 'Member role', 'IconUser', true, "
       "false, false, true, true, true, true, true, true, true) ON CONFLICT (label, "
       "workspace_id) DO NOTHING",
       {workspace_id, std::string(member_role_label)}});
  out.push_back(
      {"UPDATE core.workspace w SET default_role_id = r.id FROM core.role r WHERE w.id = "
       "$1::uuid AND w.default_role_id IS NULL AND r.workspace_id = w.id AND r.label = $2",
       {workspace_id, std::string(member_role_label)}});
  out.push_back(bump_roles_version(workspace_id));
  return out;
}

pg::statement guest_role_statement(const std::string& workspace_id) {
  return {
      "INSERT INTO core.role (workspace_id, label, description, icon, is_editable, "
      "can_update_all_settings, can_access_all_tools, can_read_all_object_records, "
      "can_update_all_object_records, can_soft_delete_all_object_records, "
      "can_destroy_all_object_records, can_be_assigned_to_users, can_be_assigned_to_agents, "
      "can_be_assigned_to_api_keys) VALUES ($1::uuid, $2, 'Guest role', 'IconUser', true, "
      "false, false, true, false, false, false, true, false, false) ON CONFLICT (label, "
      "workspace_id) DO NOTHING",
      {workspace_id, std::string(guest_role_label)}};
}

pg::statement assign_role_by_label_statement(const std::string& workspace_id,
                                             const std::string& user_workspace_id,
                                             const std::string& label) {
  return {
      "INSERT INTO core.role_target (workspace_id, role_id, user_workspace_id) SELECT "
      "$1::uuid, r.id, $2::uuid FROM core.role r WHERE r.workspace_id = $1::uuid AND "
      "r.label = $3 ON CONFLICT (user_workspace_id) WHERE user_workspace_id IS NOT NULL DO "
      "UPDATE SET role_id = EXCLUDED.role_id",
      {workspace_id, user_workspace_id, label}};
}

}  // namespace cohort::storage::core
