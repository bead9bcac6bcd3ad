#include "storage/core/two_factor_recovery_code_repository.hpp"

namespace cohort::storage::core {

namespace {

constexpr const char* kPending = "used_at IS NULL AND revoked_at IS NULL";

void answer_count(pg::result r, const std::function<void(db_result<long>)>& done) {
  if (!r.ok()) return done(db_result<long>::failure(r.error()));
  done({r.rows() == 0 ? 0L : std::stol(std::string(r.get(0, 0))), std::nullopt});
}

}  // namespace

void save_recovery_code(pg::pool& pool, new_recovery_code code,
                        std::function<void(db_result<std::string>)> done) {
  // ON CONFLICT on the partial unique index: two concurrent issuances both succeed and the later
  // one's code is the pending one; neither leaves two live codes.
  pool.query(
      std::string("INSERT INTO core.two_factor_authentication_recovery_code (workspace_id, "
                  "user_workspace_id, code_hash, issued_by_user_id, expires_at) VALUES ($1::uuid, "
                  "$2::uuid, $3, $4::uuid, now() + make_interval(secs => $5::bigint)) "
                  "ON CONFLICT (user_workspace_id) WHERE ") +
          kPending +
          " DO UPDATE SET code_hash = EXCLUDED.code_hash, issued_by_user_id = "
          "EXCLUDED.issued_by_user_id, expires_at = EXCLUDED.expires_at, created_at = now() "
          "RETURNING " +
          iso_timestamp_sql("expires_at"),
      {std::move(code.workspace_id), std::move(code.user_workspace_id), std::move(code.code_hash),
       std::move(code.issued_by_user_id), std::to_string(code.lifetime.count())},
      [done = std::move(done)](pg::result r) {
        if (!r.ok()) return done(db_result<std::string>::failure(r.error()));
        if (r.rows() == 0) return done({std::nullopt, std::nullopt});
        done({std::string(r.get(0, 0)), std::nullopt});
      });
}

void find_pending_recovery_code(pg::pool& pool, std::string user_workspace_id,
                                std::function<void(db_result<pending_recovery_code_row>)> done) {
  pool.query(std::string("SELECT id, code_hash, ") + iso_timestamp_sql("expires_at") +
                 " FROM core.two_factor_authentication_recovery_code WHERE user_workspace_id = "
                 "$1::uuid AND " +
                 kPending + " AND expires_at > now()",
             {std::move(user_workspace_id)}, [done = std::move(done)](pg::result r) {
               using out_t = db_result<pending_recovery_code_row>;
               if (!r.ok()) return done(out_t::failure(r.error()));
               if (r.rows() == 0) return done({std::nullopt, std::nullopt});
               done({pending_recovery_code_row{std::string(r.get(0, 0)), std::string(r.get(0, 1)),
                                               std::string(r.get(0, 2))},
                     std::nullopt});
             });
}

void redeem_recovery_code(pg::pool& pool, std::string id, std::string code_hash,
                          std::function<void(db_result<bool>)> done) {
  pool.query(
      std::string("WITH used AS (UPDATE core.two_factor_authentication_recovery_code SET used_at "
                  "= now() WHERE id = $1::uuid AND code_hash = $2 AND ") +
          kPending +
          " AND expires_at > now() RETURNING user_workspace_id, workspace_id), "
          "reset AS (DELETE FROM core.two_factor_authentication_method m USING used "
          "WHERE m.user_workspace_id = used.user_workspace_id), "
          "ended AS (DELETE FROM core.app_token a USING used JOIN core.user_workspace uw ON "
          "uw.id = used.user_workspace_id WHERE a.user_id = uw.user_id AND a.workspace_id = "
          "used.workspace_id AND a.type = 'REFRESH_TOKEN') "
          "SELECT count(*) FROM used",
      {std::move(id), std::move(code_hash)}, [done = std::move(done)](pg::result r) {
        if (!r.ok()) return done(db_result<bool>::failure(r.error()));
        done({r.rows() == 1 && r.get(0, 0) == "1", std::nullopt});
      });
}

void revoke_pending_recovery_codes(pg::pool& pool, std::string user_workspace_id,
                                   std::function<void(db_result<long>)> done) {
  pool.query(std::string("WITH revoked AS (UPDATE core.two_factor_authentication_recovery_code "
                         "SET revoked_at = now() WHERE user_workspace_id = $1::uuid AND ") +
                 kPending + " RETURNING id) SELECT count(*) FROM revoked",
             {std::move(user_workspace_id)},
             [done = std::move(done)](pg::result r) { answer_count(std::move(r), done); });
}

void revoke_member_recovery_codes(pg::pool& pool, std::string user_id, std::string workspace_id,
                                  std::function<void(db_result<long>)> done) {
  pool.query(std::string("WITH revoked AS (UPDATE core.two_factor_authentication_recovery_code c "
                         "SET revoked_at = now() FROM core.user_workspace uw WHERE uw.id = "
                         "c.user_workspace_id AND uw.user_id = $1::uuid AND uw.workspace_id = "
                         "$2::uuid AND c.used_at IS NULL AND c.revoked_at IS NULL RETURNING c.id) "
                         "SELECT count(*) FROM revoked"),
             {std::move(user_id), std::move(workspace_id)},
             [done = std::move(done)](pg::result r) { answer_count(std::move(r), done); });
}

void read_recovery_status(pg::pool& pool, std::string user_workspace_id,
                          std::function<void(db_result<recovery_status_row>)> done) {
  pool.query(
      std::string("SELECT EXISTS (SELECT 1 FROM core.two_factor_authentication_method WHERE "
                  "user_workspace_id = $1::uuid AND status = 'VERIFIED' AND deleted_at IS NULL), "
                  "(SELECT ") +
          iso_timestamp_sql("expires_at") +
          " FROM core.two_factor_authentication_recovery_code WHERE user_workspace_id = $1::uuid "
          "AND " +
          kPending + " AND expires_at > now())",
      {std::move(user_workspace_id)}, [done = std::move(done)](pg::result r) {
        using out_t = db_result<recovery_status_row>;
        if (!r.ok()) return done(out_t::failure(r.error()));
        recovery_status_row status;
        status.has_verified_method = r.rows() == 1 && r.get(0, 0) == "t";
        if (r.rows() == 1 && !r.is_null(0, 1)) status.pending_expires_at = std::string(r.get(0, 1));
        done({std::move(status), std::nullopt});
      });
}

}  // namespace cohort::storage::core
