#include "storage/core/app_token_repository.hpp"

namespace cohort::storage::core {

namespace {

std::string interval_ms(std::chrono::milliseconds ms) {
  return std::to_string(ms.count()) + " milliseconds";
}

std::optional<std::string> optional_text(const pg::result& r, int col) {
  auto v = r.get_optional(0, col);
  return v ? std::optional<std::string>(std::string(*v)) : std::nullopt;
}

}  // namespace

void insert_refresh_token(pg::pool& pool, new_refresh_token token,
                          std::function<void(db_result<refresh_token_row>)> done) {
  pool.query(
      "INSERT INTO core.app_token (id, family_id, user_id, workspace_id, type, expires_at) "
      "SELECT g.id, COALESCE($3::uuid, g.id), $1::uuid, $2::uuid, 'REFRESH_TOKEN', "
      "now() + $4::interval FROM (SELECT gen_random_uuid() AS id) g "
      "RETURNING id, family_id, " +
          iso_timestamp_sql("expires_at"),
      {std::move(token.user_id), std::move(token.workspace_id), std::move(token.family_id),
       interval_ms(token.lifetime)},
      [done = std::move(done)](pg::result r) {
        if (!r.ok()) return done(db_result<refresh_token_row>::failure(r.error()));
        refresh_token_row row{std::string(r.get(0, 0)), std::string(r.get(0, 1)),
                              std::string(r.get(0, 2))};
        done({std::move(row), std::nullopt});
      });
}

void rotate_refresh_token(pg::pool& pool, std::string id, std::chrono::milliseconds cool_down,
                          std::function<void(db_result<rotation>)> done) {
  // The UPDATE decides who rotates: concurrent callers serialise on the row lock and only one
  // finds it unrevoked. The others (and replays) read the row to tell a replay from theft.
  auto p = &pool;
  pool.query(
      "UPDATE core.app_token SET revoked_at = now() WHERE id = $1::uuid AND "
      "type = 'REFRESH_TOKEN' AND revoked_at IS NULL RETURNING user_id, workspace_id, family_id",
      {id}, [p, id, cool_down, done = std::move(done)](pg::result r) mutable {
        if (!r.ok()) return done(db_result<rotation>::failure(r.error()));
        if (r.rows() == 1) {
          rotation out{rotation_status::rotated, std::string(r.get(0, 0)), optional_text(r, 1),
                       std::string(r.get(0, 2))};
          return done({std::move(out), std::nullopt});
        }
        p->query(
            "WITH t AS (SELECT user_id, workspace_id, family_id, "
            "revoked_at <= now() - $2::interval AS stale FROM core.app_token "
            "WHERE id = $1::uuid AND type = 'REFRESH_TOKEN'), "
            "revoked AS (UPDATE core.app_token a SET revoked_at = now() FROM t "
            "WHERE t.stale AND a.user_id = t.user_id AND a.type = 'REFRESH_TOKEN' "
            "AND a.revoked_at IS NULL) SELECT user_id, workspace_id, family_id, stale FROM t",
            {std::move(id), interval_ms(cool_down)}, [done = std::move(done)](pg::result r) {
              if (!r.ok()) return done(db_result<rotation>::failure(r.error()));
              rotation out;
              if (r.rows() == 1) {
                out.status = r.get(0, 3) == "t" ? rotation_status::reused
                                                : rotation_status::reused_within_cool_down;
                out.user_id = std::string(r.get(0, 0));
                out.workspace_id = optional_text(r, 1);
                out.family_id = std::string(r.get(0, 2));
              }
              done({std::move(out), std::nullopt});
            });
      });
}

void revoke_refresh_family(pg::pool& pool, std::string family_id,
                           std::function<void(db_result<long>)> done) {
  pool.query(
      "UPDATE core.app_token SET revoked_at = now() WHERE family_id = $1::uuid AND "
      "type = 'REFRESH_TOKEN' AND revoked_at IS NULL",
      {std::move(family_id)}, [done = std::move(done)](pg::result r) {
        if (!r.ok()) return done(db_result<long>::failure(r.error()));
        done({r.affected_rows(), std::nullopt});
      });
}

void revoke_refresh_session(pg::pool& pool, std::string jti, std::string user_id,
                            std::function<void(db_result<long>)> done) {
  pool.query(
      // Deleted, not revoked: a revoked token renews once more within the cool-down (parallel
      // renewals), and one revoked long ago reads as theft. A malformed id matches nothing.
      "DELETE FROM core.app_token a USING core.app_token t "
      "WHERE t.id::text = $1 AND t.user_id::text = $2 AND t.type = 'REFRESH_TOKEN' "
      "AND a.family_id = t.family_id AND a.type = 'REFRESH_TOKEN'",
      {std::move(jti), std::move(user_id)}, [done = std::move(done)](pg::result r) {
        if (!r.ok()) return done(db_result<long>::failure(r.error()));
        done({r.affected_rows(), std::nullopt});
      });
}

void replace_password_reset_token(pg::pool& pool, new_password_reset_token token,
                                  std::function<void(db_result<std::string>)> done) {
  pool.query(
      "WITH revoked AS (UPDATE core.app_token SET revoked_at = now() WHERE user_id = $1::uuid "
      "AND type = 'PASSWORD_RESET_TOKEN' AND revoked_at IS NULL) "
      "INSERT INTO core.app_token (user_id, workspace_id, type, value, expires_at) "
      "VALUES ($1::uuid, $2::uuid, 'PASSWORD_RESET_TOKEN', $3, now() + $4::interval) "
      "RETURNING " +
          iso_timestamp_sql("expires_at"),
      {std::move(token.user_id), std::move(token.workspace_id), std::move(token.value_hash),
       interval_ms(token.lifetime)},
      [done = std::move(done)](pg::result r) {
        if (!r.ok()) return done(db_result<std::string>::failure(r.error()));
        done({std::string(r.get(0, 0)), std::nullopt});
      });
}

void find_password_reset_token(pg::pool& pool, std::string value_hash,
                               std::function<void(db_result<std::string>)> done) {
  pool.query(
      "SELECT user_id FROM core.app_token WHERE value = $1 AND type = 'PASSWORD_RESET_TOKEN' "
      "AND revoked_at IS NULL AND expires_at > now() AND user_id IS NOT NULL",
      {std::move(value_hash)}, [done = std::move(done)](pg::result r) {
        if (!r.ok()) return done(db_result<std::string>::failure(r.error()));
        if (r.rows() == 0) return done({std::nullopt, std::nullopt});
        done({std::string(r.get(0, 0)), std::nullopt});
      });
}

void redeem_password_reset_token(pg::pool& pool, std::string value_hash,
                                 std::string new_password_hash,
                                 std::function<void(db_result<std::string>)> done) {
  // The first UPDATE takes the token's row lock: of two concurrent redemptions one finds it
  // revoked, so a token sets a password once.
  pool.query(
      "WITH redeemed AS (UPDATE core.app_token SET revoked_at = now() WHERE value = $1 "
      "AND type = 'PASSWORD_RESET_TOKEN' AND revoked_at IS NULL AND expires_at > now() "
      "AND user_id IS NOT NULL RETURNING user_id), "
      "updated AS (UPDATE core.\"user\" u SET password_hash = $2 FROM redeemed "
      "WHERE u.id = redeemed.user_id RETURNING u.id), "
      "ended AS (DELETE FROM core.app_token a USING redeemed WHERE a.user_id = redeemed.user_id "
      "AND a.type = 'REFRESH_TOKEN'), "
      "superseded AS (UPDATE core.app_token a SET revoked_at = now() FROM redeemed "
      "WHERE a.user_id = redeemed.user_id AND a.type = 'PASSWORD_RESET_TOKEN' "
      "AND a.revoked_at IS NULL AND a.value IS DISTINCT FROM $1) "
      "SELECT id FROM updated",
      {std::move(value_hash), std::move(new_password_hash)},
      [done = std::move(done)](pg::result r) {
        if (!r.ok()) return done(db_result<std::string>::failure(r.error()));
        if (r.rows() == 0) return done({std::nullopt, std::nullopt});
        done({std::string(r.get(0, 0)), std::nullopt});
      });
}

void consume_login_token(pg::pool& pool, std::string jti, std::string expires_at_iso,
                         std::function<void(db_result<bool>)> done) {
  pool.query(
      // Expired ids can go: their tokens fail verification anyway.
      "WITH purge AS (DELETE FROM core.consumed_login_token WHERE expires_at < now()) "
      "INSERT INTO core.consumed_login_token (jti, expires_at) VALUES ($1::uuid, $2::timestamptz) "
      "ON CONFLICT (jti) DO NOTHING",
      {std::move(jti), std::move(expires_at_iso)}, [done = std::move(done)](pg::result r) {
        if (!r.ok()) return done(db_result<bool>::failure(r.error()));
        done({r.affected_rows() == 1, std::nullopt});
      });
}

namespace {

void one_verification_token(pg::pool& pool, std::string sql, pg::params args,
                            std::function<void(db_result<email_verification_token_row>)> done) {
  pool.query(std::move(sql), std::move(args), [done = std::move(done)](pg::result r) {
    if (!r.ok()) return done(db_result<email_verification_token_row>::failure(r.error()));
    if (r.rows() == 0) return done({std::nullopt, std::nullopt});
    email_verification_token_row row;
    row.id = std::string(r.get(0, 0));
    row.user_id = std::string(r.get(0, 1));
    row.email = optional_text(r, 2);
    row.expired = r.get(0, 3) == "t";
    row.age_ms = std::stoll(std::string(r.get(0, 4)));
    done({std::move(row), std::nullopt});
  });
}

constexpr const char* verification_token_columns =
    "SELECT id, user_id, context->>'email', expires_at <= now(), "
    "floor(extract(epoch FROM now() - created_at) * 1000)::bigint FROM core.app_token ";

}  // namespace

void insert_email_verification_token(pg::pool& pool, new_email_verification_token token,
                                     std::function<void(db_result<std::string>)> done) {
  pool.query(
      "INSERT INTO core.app_token (user_id, type, value, context, expires_at) "
      "VALUES ($1::uuid, 'EMAIL_VERIFICATION_TOKEN', $2, jsonb_build_object('email', $3::text), "
      "now() + $4::interval) RETURNING id",
      {std::move(token.user_id), std::move(token.value_hash), std::move(token.email),
       interval_ms(token.lifetime)},
      [done = std::move(done)](pg::result r) {
        if (!r.ok()) return done(db_result<std::string>::failure(r.error()));
        done({std::string(r.get(0, 0)), std::nullopt});
      });
}

void find_email_verification_token(
    pg::pool& pool, std::string value_hash,
    std::function<void(db_result<email_verification_token_row>)> done) {
  one_verification_token(
      pool,
      std::string(verification_token_columns) +
          "WHERE value = $1 AND type = 'EMAIL_VERIFICATION_TOKEN' AND user_id IS NOT NULL",
      {std::move(value_hash)}, std::move(done));
}

void latest_email_verification_token(
    pg::pool& pool, std::string user_id,
    std::function<void(db_result<email_verification_token_row>)> done) {
  one_verification_token(pool,
                         std::string(verification_token_columns) +
                             "WHERE user_id = $1::uuid AND type = 'EMAIL_VERIFICATION_TOKEN' "
                             "ORDER BY created_at DESC LIMIT 1",
                         {std::move(user_id)}, std::move(done));
}

void delete_email_verification_tokens(pg::pool& pool, std::string user_id,
                                      std::function<void(db_result<long>)> done) {
  pool.query(
      "DELETE FROM core.app_token WHERE user_id = $1::uuid AND type = 'EMAIL_VERIFICATION_TOKEN'",
      {std::move(user_id)}, [done = std::move(done)](pg::result r) {
        if (!r.ok()) return done(db_result<long>::failure(r.error()));
        done({r.affected_rows(), std::nullopt});
      });
}

void redeem_email_verification_token(pg::pool& pool, std::string id,
                                     std::function<void(db_result<std::string>)> done) {
  pool.query(
      "WITH used AS (DELETE FROM core.app_token WHERE id = $1::uuid AND "
      "type = 'EMAIL_VERIFICATION_TOKEN' RETURNING user_id) "
      "UPDATE core.\"user\" u SET is_email_verified = true FROM used WHERE u.id = used.user_id "
      "RETURNING u.id",
      {std::move(id)}, [done = std::move(done)](pg::result r) {
        if (!r.ok()) return done(db_result<std::string>::failure(r.error()));
        if (r.rows() == 0) return done({std::nullopt, std::nullopt});
        done({std::string(r.get(0, 0)), std::nullopt});
      });
}

}  // namespace cohort::storage::core
