#include "storage/core/standing_guard.hpp"

namespace cohort::storage::core {

// The conditions of the standing statement (api_key_repository.cpp: check_token_standing), as one
// EXISTS: the workspace live at the remembered roles_version; the API key live, unexpired and of
// the remembered name; the membership and its user live; the remembered role. Otherwise
// core.token_standing_changed() (migration 0019) raises CHST1.
pg::statement standing_guard::statement() const {
  return {
      "SELECT CASE WHEN EXISTS (SELECT 1 FROM core.workspace w WHERE w.id = $1::uuid AND "
      "w.deleted_at IS NULL AND w.roles_version = $5::bigint AND ($2::uuid IS NULL OR EXISTS "
      "(SELECT 1 FROM core.api_key k WHERE k.id = $2::uuid AND k.workspace_id = w.id AND "
      "k.revoked_at IS NULL AND k.expires_at > now() AND k.name IS NOT DISTINCT FROM $6::text)) "
      "AND ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM core.user_workspace uw JOIN core.\"user\" "
      "u ON u.id = uw.user_id WHERE uw.id = $3::uuid AND uw.workspace_id = w.id AND "
      "uw.deleted_at IS NULL AND u.deleted_at IS NULL)) AND (SELECT t.role_id FROM "
      "core.role_target t WHERE t.workspace_id = w.id AND (t.api_key_id = $2::uuid OR "
      "t.user_workspace_id = $3::uuid) LIMIT 1) IS NOT DISTINCT FROM $4::uuid) THEN true ELSE "
      "core.token_standing_changed() END",
      {workspace_id, api_key_id, user_workspace_id, role_id, std::to_string(roles_version),
       api_key_id ? std::optional<std::string>(key_name) : std::nullopt}};
}

}  // namespace cohort::storage::core
