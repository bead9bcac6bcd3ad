// The roles a workspace starts with, as statements for the transaction that creates the
// workspace's other rows (activation, seeds): Admin (Twenty's standard role: every right, not
// editable, IconUserCog) and Member (every record right, no settings or tools, editable, IconUser,
// the workspace's defaultRoleId). The dev seed adds Guest: read-only on records, nothing else
// (Twenty does not publish its Guest's rights; read-only records is what its seed describes).
// Idempotent: a role already there (same label) is kept.
#pragma once

#include <string>
#include <vector>

#include "storage/pg/pool.hpp"

namespace cohort::storage::core {

inline constexpr const char* guest_role_label = "Guest";

// Admin and Member, and Member as default_role_id when the workspace has none.
std::vector<pg::statement> default_role_statements(const std::string& workspace_id);
// The dev seed's Guest role.
pg::statement guest_role_statement(const std::string& workspace_id);
// Gives a membership the workspace's role of that label (no-op when the label is unknown).
pg::statement assign_role_by_label_statement(const std::string& workspace_id,
                                             const std::string& user_workspace_id,
                                             const std::string& label);

}  // namespace cohort::storage::core
