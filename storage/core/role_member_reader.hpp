// The workspaceMember rows the role API shows or changes: the members holding a role (by their
// users), and one member by id with its membership (core.user_workspace id) and current role.
// `schema` is a workspace schema name; it is validated and quoted, never spliced.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "storage/core/core_rows.hpp"
#include "storage/core/workspace_member_repository.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::storage::core {

// The live members of those users, in no particular order.
void list_members_of_users(pg::pool& pool, std::string_view schema,
                           std::vector<std::string> user_ids,
                           std::function<void(db_result<std::vector<workspace_member_row>>)> done);

struct member_membership {
  workspace_member_row member;
  std::optional<std::string> user_workspace_id;  // none when the user left the workspace
  std::optional<std::string> role_id;            // the membership's role, if any
};

// A live member by id with its membership in `workspace_id`; no value when there is none.
void find_member_membership(pg::pool& pool, std::string_view schema, std::string workspace_id,
                            std::string member_id,
                            std::function<void(db_result<member_membership>)> done);

}  // namespace cohort::storage::core
