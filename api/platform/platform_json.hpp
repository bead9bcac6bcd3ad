// Core rows as the platform GraphQL types Workspace, User, UserWorkspace and WorkspaceMember give
// them out: every field of the type present (relations this server does not keep are null or
// empty lists), so any selection of the contract resolves.
#pragma once

#include <boost/json/object.hpp>
#include <optional>

#include "config/settings.hpp"
#include "storage/core/core_rows.hpp"
#include "storage/core/workspace_member_repository.hpp"

namespace cohort::api::platform {

boost::json::object workspace_json(const config::settings& settings,
                                   const storage::core::workspace_row& workspace);

// User without its relations (currentWorkspace, workspaceMember, ...): the caller adds them.
boost::json::object user_json(const storage::core::user_row& user);

boost::json::object user_workspace_json(const storage::core::user_workspace_row& membership,
                                        const storage::core::user_row& user,
                                        const boost::json::value& workspace);

boost::json::object workspace_member_json(const storage::core::workspace_member_row& member,
                                          const std::optional<std::string>& user_workspace_id);

}  // namespace cohort::api::platform
