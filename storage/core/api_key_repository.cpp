#include "storage/core/api_key_repository.hpp"

#include "storage/pg/shared_statement.hpp"

#include "storage/query/filter_operators.hpp"

namespace cohort::storage::core {

namespace {

// Column list every statement returns, in api_key_row order.
std::string returned_columns() {
  return "id, name, " + iso_timestamp_sql("expires_at") + ", " + iso_timestamp_sql("revoked_at") +
         ", workspace_id, role_id, " + iso_timestamp_sql("created_at") + ", " +
         iso_timestamp_sql("updated_at");
}

std::optional<std::string> optional_text(const pg::result& r, int row, int col) {
  auto v = r.get_optional(row, col);
  return v ? std::optional<std::string>(std::string(*v)) : std::nullopt;
}

api_key_row read_row(const pg::result& r, int row) {
  api_key_row k;
  k.id = std::string(r.get(row, 0));
  k.name = std::string(r.get(row, 1));
  k.expires_at = std::string(r.get(row, 2));
  k.revoked_at = optional_text(r, row, 3);
  k.workspace_id = std::string(r.get(row, 4));
  k.role_id = optional_text(r, row, 5);
  k.created_at = std::string(r.get(row, 6));
  k.updated_at = std::string(r.get(row, 7));
  return k;
}

pg::pool::callback single_row(api_key_callback done) {
  return [done = std::move(done)](pg::result r) {
    if (!r.ok()) return done(db_result<api_key_row>::failure(r.error()));
    if (r.rows() == 0) return done({});
    done({read_row(r, 0), std::nullopt});
  };
}

}  // namespace

void list_live_api_keys(pg::pool& pool, std::string workspace_id, api_key_list_callback done) {
  pool.query("SELECT " + returned_columns() +
                 " FROM core.api_key WHERE workspace_id = $1::uuid AND revoked_at IS NULL "
                 "ORDER BY created_at, id",
             {std::move(workspace_id)}, [done = std::move(done)](pg::result r) {
               if (!r.ok()) return done(db_result<std::vector<api_key_row>>::failure(r.error()));
               std::vector<api_key_row> rows;
               for (int i = 0; i < r.rows(); ++i) rows.push_back(read_row(r, i));
               done({std::move(rows), std::nullopt});
             });
}

void find_api_key(pg::pool& pool, std::string workspace_id, std::string id, api_key_callback done) {
  if (!query::is_uuid(id)) return done({});
  pool.query("SELECT " + returned_columns() +
                 " FROM core.api_key WHERE id = $1::uuid AND workspace_id = $2::uuid",
             {std::move(id), std::move(workspace_id)}, single_row(std::move(done)));
}

void insert_api_key(pg::pool& pool, new_api_key key, api_key_callback done) {
  // The key's role is also its role_target row (what role lists and permissions read).
  pool.query(
      "WITH k AS (INSERT INTO core.api_key (workspace_id, name, expires_at, revoked_at, role_id) "
      "VALUES ($1::uuid, $2, $3::timestamptz, $4::timestamptz, $5::uuid) RETURNING *), "
      "t AS (INSERT INTO core.role_target (workspace_id, role_id, api_key_id) SELECT "
      "workspace_id, role_id, id FROM k WHERE role_id IS NOT NULL) SELECT " +
          returned_columns() + " FROM k",
      {std::move(key.workspace_id), std::move(key.name), std::move(key.expires_at),
       std::move(key.revoked_at), std::move(key.role_id)},
      single_row(std::move(done)));
}

void update_api_key(pg::pool& pool, std::string workspace_id, std::string id, api_key_update update,
                    api_key_callback done) {
  if (!query::is_uuid(id)) return done({});
  // A flag per column says whether it changes, so one prepared statement serves every update.
  pg::params args{std::move(id), std::move(workspace_id)};
  auto flag = [&](bool set) { args.push_back(set ? "t" : "f"); };
  flag(update.name.has_value());
  args.push_back(update.name);
  flag(update.expires_at.has_value());
  args.push_back(update.expires_at);
  flag(update.revoked_at.has_value());
  args.push_back(update.revoked_at ? *update.revoked_at : std::nullopt);
  pool.query(
      "UPDATE core.api_key SET "
      "name = CASE WHEN $3::boolean THEN $4 ELSE name END, "
      "expires_at = CASE WHEN $5::boolean THEN $6::timestamptz ELSE expires_at END, "
      "revoked_at = CASE WHEN $7::boolean THEN $8::timestamptz ELSE revoked_at END "
      "WHERE id = $1::uuid AND workspace_id = $2::uuid RETURNING " +
          returned_columns(),
      std::move(args), single_row(std::move(done)));
}

void revoke_api_key(pg::pool& pool, std::string workspace_id, std::string id,
                    api_key_callback done) {
  if (!query::is_uuid(id)) return done({});
  pool.query(
      "UPDATE core.api_key SET revoked_at = coalesce(revoked_at, now()) "
      "WHERE id = $1::uuid AND workspace_id = $2::uuid RETURNING " +
          returned_columns(),
      {std::move(id), std::move(workspace_id)}, single_row(std::move(done)));
}

void check_token_standing(pg::pool& pool, std::string workspace_id,
                          std::optional<std::string> api_key_id,
                          std::function<void(db_result<token_standing>)> done) {
  check_token_standing(pool, std::move(workspace_id), std::move(api_key_id), std::nullopt,
                       std::move(done));
}

void check_token_standing(pg::pool& pool, std::string workspace_id,
                          std::optional<std::string> api_key_id,
                          std::optional<std::string> user_workspace_id,
                          std::function<void(db_result<token_standing>)> done) {
  if (!query::is_uuid(workspace_id)) return done({token_standing{}, std::nullopt});
  if (api_key_id && !query::is_uuid(*api_key_id)) {
    // A key id that is not a UUID names no key; the workspace still decides the message.
    api_key_id = "00000000-0000-0000-0000-000000000000";
  }
  if (user_workspace_id && !query::is_uuid(*user_workspace_id)) user_workspace_id.reset();
  const bool member_asked = user_workspace_id.has_value();
  // Under load, requests with the same token share one statement while it waits for a
  // connection; none reads a standing older than its own arrival (storage/pg/shared_statement).
  static auto& shared = *new pg::shared_statements<db_result<token_standing>>();
  std::string key = workspace_id;
  key.append(1, '|')
      .append(api_key_id.value_or(""))
      .append(1, '|')
      .append(user_workspace_id.value_or(""));
  shared.run(
      pool, std::move(key),
      "SELECT k.id IS NOT NULL, k.revoked_at IS NOT NULL, k.expires_at <= now(), k.name, "
      "w.roles_version, t.role_id, (SELECT CASE WHEN u.deleted_at IS NOT NULL THEN 'user' WHEN "
      "uw.deleted_at IS NOT NULL THEN 'membership' ELSE 'live' END FROM core.user_workspace uw "
      "JOIN core.\"user\" u ON u.id = uw.user_id WHERE uw.id = $3::uuid AND uw.workspace_id = "
      "w.id), w.standing_version, k.expires_at FROM core.workspace w LEFT JOIN core.api_key k ON "
      "k.id = $2::uuid AND k.workspace_id = w.id LEFT JOIN core.role_target t ON "
      "t.workspace_id = w.id AND (t.api_key_id = $2::uuid OR t.user_workspace_id = $3::uuid) "
      "WHERE w.id = $1::uuid AND w.deleted_at IS NULL LIMIT 1",
      {std::move(workspace_id), std::move(api_key_id), std::move(user_workspace_id)},
      [member_asked](pg::result r) -> db_result<token_standing> {
        if (!r.ok()) return db_result<token_standing>::failure(r.error());
        token_standing s;
        if (r.rows() > 0) {
          s.workspace_live = true;
          s.key_found = r.get(0, 0) == "t";
          s.key_revoked = r.get(0, 1) == "t";
          s.key_expired = r.get(0, 2) == "t";
          if (auto name = r.get_optional(0, 3)) s.key_name = std::string(*name);
          s.roles_version = std::stol(std::string(r.get(0, 4)));
          if (auto role = r.get_optional(0, 5)) s.role_id = std::string(*role);
          s.standing_version = std::stol(std::string(r.get(0, 7)));
          if (auto expiry = r.get_optional(0, 8)) s.key_expires_at = std::string(*expiry);
          using member = token_standing::member_state;
          const auto state = r.get_optional(0, 6);
          s.member = !member_asked            ? member::not_asked
                     : !state                 ? member::membership_gone
                     : *state == "user"       ? member::user_gone
                     : *state == "membership" ? member::membership_gone
                                              : member::live;
        }
        return {std::move(s), std::nullopt};
      },
      [done = std::move(done)](const db_result<token_standing>& r) { done(r); });
}

}  // namespace cohort::storage::core
