// The rows of core.role and of what hangs off a role (permission flags, object and field
// permissions, the members and API keys holding it), as the role repositories answer them and the
// Role JSON of the platform API is built from.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace cohort::storage::core {

// Twenty's standard Admin role (its standardId) and the labels of the roles every workspace gets.
inline constexpr const char* admin_role_standard_id = "20202020-0001-0001-0001-000000000001";
inline constexpr const char* admin_role_label = "Admin";
inline constexpr const char* member_role_label = "Member";

struct role_row {
  std::string id;
  std::string label;
  std::optional<std::string> description;
  std::optional<std::string> icon;
  std::optional<std::string> standard_id;
  bool is_editable = true;
  bool can_update_all_settings = false;
  bool can_access_all_tools = false;
  bool can_read_all_object_records = false;
  bool can_update_all_object_records = false;
  bool can_soft_delete_all_object_records = false;
  bool can_destroy_all_object_records = false;
  bool can_be_assigned_to_users = true;
  bool can_be_assigned_to_agents = true;
  bool can_be_assigned_to_api_keys = true;
  std::string workspace_id;
};

struct permission_flag_row {
  std::string id;
  std::string role_id;
  std::string flag;
};

// Null rights are "not set": the role's can*AllObjectRecords decide.
struct object_permission_row {
  std::string id;
  std::string role_id;
  std::string object_metadata_id;
  std::optional<bool> can_read;
  std::optional<bool> can_update;
  std::optional<bool> can_soft_delete;
  std::optional<bool> can_destroy;
};

struct field_permission_row {
  std::string id;
  std::string role_id;
  std::string object_metadata_id;
  std::string field_metadata_id;
  std::optional<bool> can_read;
  std::optional<bool> can_update;
};

struct role_api_key_row {
  std::string id;
  std::string name;
  std::string expires_at;
  std::optional<std::string> revoked_at;
};

// A role with everything the Role type shows.
struct role_details {
  role_row role;
  std::vector<permission_flag_row> flags;
  std::vector<object_permission_row> object_permissions;
  std::vector<field_permission_row> field_permissions;
  struct member {
    std::string user_id;
    std::string user_workspace_id;
  };
  std::vector<member> members;  // the live memberships holding the role
  std::vector<role_api_key_row> api_keys;
};

}  // namespace cohort::storage::core
