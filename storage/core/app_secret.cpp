#include "storage/core/app_secret.hpp"

namespace cohort::storage::core {

namespace {

constexpr const char* select_secret =
    "SELECT text_value FROM core.key_value_pair WHERE key = $1 AND user_id IS NULL AND "
    "workspace_id IS NULL AND type = 'CONFIG_VARIABLE'";

}  // namespace

db_result<std::string> load_or_create_app_secret(pg::pool& pool) {
  // 64 hex digits from two v4 UUIDs: 244 bits of pg_strong_random.
  auto inserted = pool.query_sync(
      "INSERT INTO core.key_value_pair (key, text_value, type) VALUES ($1, "
      "replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', ''), "
      "'CONFIG_VARIABLE') ON CONFLICT ON CONSTRAINT key_value_pair_scope_key DO NOTHING",
      {app_secret_key});
  if (!inserted.ok()) return db_result<std::string>::failure(inserted.error());
  // Read after the insert's commit: a node that lost the race sees the winner's row here.
  auto r = pool.query_sync(select_secret, {app_secret_key});
  if (!r.ok()) return db_result<std::string>::failure(r.error());
  if (r.rows() == 0 || r.get(0, 0).empty()) {
    return db_result<std::string>::failure(
        {pg::error_kind::server, "P0002", "APP_SECRET row missing after insert", "", "", ""});
  }
  return {std::string(r.get(0, 0)), std::nullopt};
}

}  // namespace cohort::storage::core
