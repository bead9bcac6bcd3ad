// The "workspaceMember" rows of a workspace schema that the platform API reads and writes: the
// creator's member when a workspace is activated, and the caller's member for currentUser.
// `schema` is a workspace schema name (storage::ddl::schema_name_for); it is quoted, never spliced.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "storage/core/core_rows.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::storage::core {

struct workspace_member_row {
  std::string id;
  std::string first_name;
  std::string last_name;
  std::string user_email;
  std::string user_id;
  std::string color_scheme;
  std::string avatar_url;
  std::string locale;
  int calendar_start_day = 7;
  std::string time_zone;
  std::string date_format;
  std::string time_format;
  std::string number_format;
};

struct new_workspace_member {
  std::string user_id;
  std::string email;
  std::string first_name;
  std::string last_name;
  std::string locale = "en";
  // The role the membership gets (a role label of the workspace, e.g. "Admin" for its creator);
  // absent: the workspace's defaultRoleId. Every new member gets a role this way.
  std::optional<std::string> role_label = std::nullopt;
};

// INSERT ... RETURNING id, for use inside a transaction (pool::transaction); nullopt when the
// schema name is not a valid identifier. The same statement gives the user's membership of the
// workspace whose database_schema is `schema` its role (member.role_label, else the workspace's
// default role) unless it holds one already; the membership (core.user_workspace) and the
// workspace's schema name must be in place before it runs.
std::optional<std::string> insert_workspace_member_sql(std::string_view schema);
pg::params insert_workspace_member_params(const new_workspace_member& member);

// The live member of the user in that schema.
void find_workspace_member(pg::pool& pool, std::string_view schema, std::string user_id,
                           std::function<void(db_result<workspace_member_row>)> done);

}  // namespace cohort::storage::core
