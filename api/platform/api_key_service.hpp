// Twenty's ApiKeyService over core.api_key, shared by the /metadata (and /graphql) resolvers and
// REST /rest/metadata/apiKeys: input checks, the workspace-scoped repository calls, token minting
// (generateApiKeyToken) and the errors each step answers, as values.
#pragma once

#include <boost/json/object.hpp>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "api/auth/token_service.hpp"
#include "storage/core/api_key_repository.hpp"

namespace cohort::api::platform {

struct api_key_error {
  enum class kind { not_found, revoked, expired, bad_input, database } what;
  std::string message;       // Twenty's text, e.g. "This API Key is revoked"
  std::string user_message;  // its userFriendlyMessage
};

using api_key_row = storage::core::api_key_row;
// No value: no such key in the workspace (resolvers answer null, REST 404).
using api_key_outcome = std::variant<std::optional<api_key_row>, api_key_error>;
using api_key_done = std::function<void(api_key_outcome)>;
using api_key_list_done =
    std::function<void(std::variant<std::vector<api_key_row>, api_key_error>)>;

void list_api_keys(storage::pg::pool& pool, std::string workspace_id, api_key_list_done done);
void get_api_key(storage::pg::pool& pool, std::string workspace_id, std::string id,
                 api_key_done done);
// CreateApiKeyDTO {name!, expiresAt!, revokedAt?, roleId!}.
void create_api_key(storage::pg::pool& pool, std::string workspace_id,
                    const boost::json::object& input, api_key_done done);
// UpdateApiKeyDTO {name?, expiresAt?, revokedAt?} of key `id`.
void update_api_key(storage::pg::pool& pool, std::string workspace_id, std::string id,
                    const boost::json::object& input, api_key_done done);
void revoke_api_key(storage::pg::pool& pool, std::string workspace_id, std::string id,
                    api_key_done done);

// assignRoleToApiKey: the key must exist in the workspace (API_KEY_NOT_FOUND), the role too and
// be canBeAssignedToApiKeys (ROLE_CANNOT_BE_ASSIGNED_TO_API_KEYS); true once assigned.
void assign_role_to_api_key(storage::pg::pool& pool, std::string workspace_id,
                            std::string api_key_id, std::string role_id,
                            std::function<void(std::variant<bool, api_key_error>)> done);

// generateApiKeyToken: the key must exist in the workspace, not be revoked nor expired; the
// token lives until `expires_at` (whole seconds from now) or 100 years without one.
void generate_api_key_token(storage::pg::pool& pool,
                            std::shared_ptr<const auth::token_service> tokens,
                            std::string workspace_id, std::string api_key_id,
                            std::optional<std::string> expires_at,
                            std::function<void(std::variant<std::string, api_key_error>)> done);

}  // namespace cohort::api::platform
