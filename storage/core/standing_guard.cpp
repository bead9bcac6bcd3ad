#include "storage/core/standing_guard.hpp"

namespace cohort::storage::core {

pg::statement standing_guard::statement() const {
  return {
      "SELECT core.assert_token_standing($1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::bigint, "
      "$6)",
      {workspace_id, api_key_id, user_workspace_id, role_id, std::to_string(roles_version),
       api_key_id ? std::optional<std::string>(key_name) : std::nullopt}};
}

}  // namespace cohort::storage::core
