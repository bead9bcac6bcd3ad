#include "storage/core/role_row_readers.hpp"

namespace cohort::storage::core::detail {

const std::string& role_columns() {
  static const std::string columns =
      "r.id, r.label, r.description, r.icon, r.standard_id, r.is_editable, "
      "r.can_update_all_settings, r.can_access_all_tools, r.can_read_all_object_records, "
      "r.can_update_all_object_records, r.can_soft_delete_all_object_records, "
      "r.can_destroy_all_object_records, r.can_be_assigned_to_users, r.can_be_assigned_to_agents, "
      "r.can_be_assigned_to_api_keys, r.workspace_id";
  return columns;
}

role_row read_role(const pg::result& r, int row) {
  auto text = [&](int col) { return std::string(r.get(row, col)); };
  auto optional = [&](int col) -> std::optional<std::string> {
    if (r.is_null(row, col)) return std::nullopt;
    return text(col);
  };
  auto flag = [&](int col) { return r.get(row, col) == "t"; };
  role_row out;
  out.id = text(0);
  out.label = text(1);
  out.description = optional(2);
  out.icon = optional(3);
  out.standard_id = optional(4);
  out.is_editable = flag(5);
  out.can_update_all_settings = flag(6);
  out.can_access_all_tools = flag(7);
  out.can_read_all_object_records = flag(8);
  out.can_update_all_object_records = flag(9);
  out.can_soft_delete_all_object_records = flag(10);
  out.can_destroy_all_object_records = flag(11);
  out.can_be_assigned_to_users = flag(12);
  out.can_be_assigned_to_agents = flag(13);
  out.can_be_assigned_to_api_keys = flag(14);
  out.workspace_id = text(15);
  return out;
}

}  // namespace cohort::storage::core::detail
