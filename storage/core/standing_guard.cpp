#include "storage/core/standing_guard.hpp"

namespace cohort::storage::core {

// The workspace row alone (see the header): its id is the primary key, so this is one index
// lookup; the key's expiry is compared with now() as PostgreSQL sees it.
pg::statement standing_guard::statement() const {
  return {
      "SELECT CASE WHEN EXISTS (SELECT 1 FROM core.workspace w WHERE w.id = $1::uuid AND "
      "w.deleted_at IS NULL AND w.roles_version = $2::bigint AND w.standing_version = $3::bigint) "
      "AND ($4::timestamptz IS NULL OR $4::timestamptz > now()) THEN true ELSE "
      "core.token_standing_changed() END",
      {workspace_id, std::to_string(roles_version), std::to_string(standing_version),
       key_expires_at}};
}

}  // namespace cohort::storage::core
