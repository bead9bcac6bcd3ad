// core.api_key rows of one workspace (Twenty's ApiKeyService): list, find, create, update and
// revoke, every statement scoped by workspace id, so an id of another workspace is "no such row";
// and the per-request check of an API_KEY token (is the key still live in a live workspace?).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "storage/core/core_rows.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::storage::core {

struct api_key_row {
  std::string id;
  std::string name;
  std::string expires_at;  // ISO 8601 UTC with milliseconds
  std::optional<std::string> revoked_at;
  std::string workspace_id;
  std::optional<std::string> role_id;
  std::string created_at;
  std::string updated_at;
};

struct new_api_key {
  std::string workspace_id;
  std::string name;
  std::string expires_at;  // any timestamptz input PostgreSQL reads (ISO 8601)
  std::optional<std::string> revoked_at;
  std::optional<std::string> role_id;
};

// Absent members are left as they are; revoked_at may be set back to null.
struct api_key_update {
  std::optional<std::string> name;
  std::optional<std::string> expires_at;
  std::optional<std::optional<std::string>> revoked_at;
};

using api_key_callback = std::function<void(db_result<api_key_row>)>;
using api_key_list_callback = std::function<void(db_result<std::vector<api_key_row>>)>;

// The workspace's keys that are not revoked, oldest first (Twenty's `apiKeys`).
void list_live_api_keys(pg::pool& pool, std::string workspace_id, api_key_list_callback done);
// A key of the workspace, revoked or not; no value when there is none (or `id` is not a UUID).
void find_api_key(pg::pool& pool, std::string workspace_id, std::string id, api_key_callback done);
// A bad timestamp fails with SQLSTATE 22007/22008 (invalid datetime).
void insert_api_key(pg::pool& pool, new_api_key key, api_key_callback done);
// The updated row; no value when the workspace has no such key.
void update_api_key(pg::pool& pool, std::string workspace_id, std::string id, api_key_update update,
                    api_key_callback done);
// Sets revoked_at = now() (kept when already revoked); the row, or no value.
void revoke_api_key(pg::pool& pool, std::string workspace_id, std::string id,
                    api_key_callback done);

// What one request with a workspace token finds in the database.
struct token_standing {
  bool workspace_live = false;  // the workspace exists and is not deleted
  // API_KEY tokens only: the key exists in that workspace, its state and name.
  bool key_found = false;
  bool key_revoked = false;
  bool key_expired = false;
  std::string key_name;
  // The role the caller holds (the key's, or the membership's when user_workspace_id is given)
  // and the workspace's roles_version, for the permissions cache (role_permission_cache.hpp).
  std::optional<std::string> role_id;
  long roles_version = 0;
  // What the gate's guard compares when it remembers this standing (storage/core/standing_guard):
  // the workspace's standing_version (migration 0047) and the key's expiry as PostgreSQL wrote it.
  long standing_version = 0;
  std::optional<std::string> key_expires_at;
  // ACCESS tokens naming a membership (user_workspace_id): whether it and its user still exist,
  // so that a deleted user's or removed member's tokens stop at the next request.
  enum class member_state { not_asked, live, user_gone, membership_gone };
  member_state member = member_state::not_asked;
};
// One statement: the workspace's liveness and, when `api_key_id` is given, the key's state.
// Malformed ids answer "not found" without a query.
void check_token_standing(pg::pool& pool, std::string workspace_id,
                          std::optional<std::string> api_key_id,
                          std::function<void(db_result<token_standing>)> done);
// The same statement also reading the role of the key or of that membership.
void check_token_standing(pg::pool& pool, std::string workspace_id,
                          std::optional<std::string> api_key_id,
                          std::optional<std::string> user_workspace_id,
                          std::function<void(db_result<token_standing>)> done);

}  // namespace cohort::storage::core
