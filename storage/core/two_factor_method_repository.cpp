#include "storage/core/two_factor_method_repository.hpp"

#include "storage/core/app_secret.hpp"

namespace cohort::storage::core {

namespace {

// The columns read_method() expects, `m` being the method and `uw` its membership.
std::string method_columns() {
  return "m.id, m.user_workspace_id, uw.user_id, uw.workspace_id, m.secret, m.status, "
         "m.strategy, " +
         iso_timestamp_sql("m.created_at") +
         ", (m.status = 'PENDING' AND m.created_at > now() - interval '1 hour')";
}

two_factor_method_row read_method(const pg::result& r, int row) {
  two_factor_method_row m;
  m.id = std::string(r.get(row, 0));
  m.user_workspace_id = std::string(r.get(row, 1));
  m.user_id = std::string(r.get(row, 2));
  m.workspace_id = std::string(r.get(row, 3));
  m.secret = std::string(r.get(row, 4));
  m.status = std::string(r.get(row, 5));
  m.strategy = std::string(r.get(row, 6));
  m.created_at = std::string(r.get(row, 7));
  m.reusable = r.get(row, 8) == "t";
  return m;
}

// Answers the first row, or no value when there is none.
void one_method(pg::pool& pool, std::string sql, pg::params args, two_factor_method_callback done) {
  pool.query(std::move(sql), std::move(args), [done = std::move(done)](pg::result r) {
    if (!r.ok()) return done(db_result<two_factor_method_row>::failure(r.error()));
    if (r.rows() == 0) return done({std::nullopt, std::nullopt});
    done({read_method(r, 0), std::nullopt});
  });
}

std::string methods_of_member() {
  return "SELECT " + method_columns() +
         " FROM core.two_factor_authentication_method m JOIN core.user_workspace uw ON "
         "uw.id = m.user_workspace_id WHERE uw.user_id = $1::uuid AND uw.workspace_id = $2::uuid "
         "AND uw.deleted_at IS NULL AND m.deleted_at IS NULL";
}

}  // namespace

void find_totp_method(pg::pool& pool, std::string user_id, std::string workspace_id,
                      two_factor_method_callback done) {
  one_method(pool, methods_of_member() + " AND m.strategy = 'TOTP'",
             {std::move(user_id), std::move(workspace_id)}, std::move(done));
}

void find_method_in_workspace(pg::pool& pool, std::string id, std::string workspace_id,
                              two_factor_method_callback done) {
  // A malformed id matches nothing rather than failing the cast.
  one_method(pool,
             "SELECT " + method_columns() +
                 " FROM core.two_factor_authentication_method m JOIN core.user_workspace uw ON "
                 "uw.id = m.user_workspace_id WHERE m.id::text = $1 AND uw.workspace_id = $2::uuid "
                 "AND m.deleted_at IS NULL",
             {std::move(id), std::move(workspace_id)}, std::move(done));
}

void list_methods(pg::pool& pool, std::string user_id, std::string workspace_id,
                  std::function<void(db_result<std::vector<two_factor_method_row>>)> done) {
  pool.query(methods_of_member() + " ORDER BY m.created_at, m.id",
             {std::move(user_id), std::move(workspace_id)}, [done = std::move(done)](pg::result r) {
               using out_t = db_result<std::vector<two_factor_method_row>>;
               if (!r.ok()) return done(out_t::failure(r.error()));
               std::vector<two_factor_method_row> rows;
               for (int i = 0; i < r.rows(); ++i) rows.push_back(read_method(r, i));
               done({std::move(rows), std::nullopt});
             });
}

void save_pending_totp_method(pg::pool& pool, std::string user_workspace_id, std::string secret,
                              two_factor_method_callback done) {
  // The WHERE of the upsert keeps a method verified in the meantime (a concurrent verification).
  one_method(pool,
             "WITH m AS (INSERT INTO core.two_factor_authentication_method "
             "(user_workspace_id, secret, status, strategy) VALUES ($1::uuid, $2, 'PENDING', "
             "'TOTP') ON CONFLICT ON CONSTRAINT "
             "two_factor_authentication_method_user_workspace_strategy_key DO UPDATE SET "
             "secret = EXCLUDED.secret, status = 'PENDING', created_at = now(), deleted_at = NULL "
             "WHERE core.two_factor_authentication_method.status = 'PENDING' RETURNING *) "
             "SELECT " +
                 method_columns() +
                 " FROM m JOIN core.user_workspace uw ON uw.id = m.user_workspace_id",
             {std::move(user_workspace_id), std::move(secret)}, std::move(done));
}

void mark_method_verified(pg::pool& pool, std::string id,
                          std::function<void(db_result<bool>)> done) {
  pool.query(
      "UPDATE core.two_factor_authentication_method SET status = 'VERIFIED' WHERE id = $1::uuid "
      "AND status = 'PENDING'",
      {std::move(id)}, [done = std::move(done)](pg::result r) {
        if (!r.ok()) return done(db_result<bool>::failure(r.error()));
        done({r.affected_rows() == 1, std::nullopt});
      });
}

void delete_method(pg::pool& pool, std::string id, std::function<void(db_result<bool>)> done) {
  // The membership's pending recovery code goes with it: there is no 2FA left to recover.
  pool.query(
      "WITH deleted AS (DELETE FROM core.two_factor_authentication_method WHERE id = $1::uuid "
      "RETURNING user_workspace_id), revoked AS (UPDATE "
      "core.two_factor_authentication_recovery_code c SET revoked_at = now() FROM deleted WHERE "
      "c.user_workspace_id = deleted.user_workspace_id AND c.used_at IS NULL AND c.revoked_at IS "
      "NULL) SELECT count(*) FROM deleted",
      {std::move(id)}, [done = std::move(done)](pg::result r) {
        if (!r.ok()) return done(db_result<bool>::failure(r.error()));
        done({r.rows() == 1 && r.get(0, 0) == "1", std::nullopt});
      });
}

void read_stored_app_secret(pg::pool& pool, std::function<void(db_result<std::string>)> done) {
  pool.query(
      "SELECT text_value FROM core.key_value_pair WHERE key = $1 AND user_id IS NULL AND "
      "workspace_id IS NULL AND type = 'CONFIG_VARIABLE'",
      {app_secret_key}, [done = std::move(done)](pg::result r) {
        if (!r.ok()) return done(db_result<std::string>::failure(r.error()));
        if (r.rows() == 0 || r.is_null(0, 0)) return done({std::nullopt, std::nullopt});
        done({std::string(r.get(0, 0)), std::nullopt});
      });
}

}  // namespace cohort::storage::core
