#include "storage/core/invitation_repository.hpp"

#include <memory>

#include "storage/core/row_readers.hpp"

namespace cohort::storage::core {

namespace {

const std::string& invitation_columns() {
  static const std::string columns = "t.id, t.context ->> 'email', " +
                                     iso_timestamp_sql("t.expires_at") +
                                     ", t.context ->> 'roleId', t.expires_at <= now()";
  return columns;
}

invitation_row read_invitation(const pg::result& r, int row) {
  invitation_row out;
  out.id = std::string(r.get(row, 0));
  out.email = std::string(r.get(row, 1));
  out.expires_at = std::string(r.get(row, 2));
  if (auto role = r.get_optional(row, 3)) out.role_id = std::string(*role);
  out.expired = r.get(row, 4) == "t";
  return out;
}

void one_invitation(pg::pool& pool, std::string sql, pg::params args,
                    std::function<void(db_result<invitation_row>)> done) {
  pool.query(std::move(sql), std::move(args), [done = std::move(done)](pg::result r) {
    if (!r.ok()) return done(db_result<invitation_row>::failure(r.error()));
    if (r.rows() == 0) return done({});
    done({read_invitation(r, 0), std::nullopt});
  });
}

std::string interval_ms(std::chrono::milliseconds ms) {
  return std::to_string(ms.count()) + " milliseconds";
}

}  // namespace

void create_invitation(pg::pool& pool, new_invitation inv,
                       std::function<void(db_result<created_invitation>)> done) {
  // Twenty checks "already invited" before "already a member"; the unique index on (workspace,
  // email) turns a concurrent second invitation into a conflict answered the same way.
  std::string sql =
      "WITH invited AS (SELECT 1 FROM core.app_token WHERE workspace_id = $1::uuid AND "
      "type = 'INVITATION_TOKEN' AND deleted_at IS NULL AND context ->> 'email' = $2), "
      "member AS (SELECT 1 FROM core.user_workspace uw JOIN core.\"user\" u ON u.id = uw.user_id "
      "WHERE uw.workspace_id = $1::uuid AND uw.deleted_at IS NULL AND u.deleted_at IS NULL AND "
      "u.email = $2), "
      "t AS (INSERT INTO core.app_token (workspace_id, type, value, context, expires_at) "
      "SELECT $1::uuid, 'INVITATION_TOKEN', $3, jsonb_strip_nulls(jsonb_build_object('email', "
      "$2::text, 'roleId', $5::text)), now() + $4::interval "
      "WHERE NOT EXISTS (SELECT 1 FROM invited) AND NOT EXISTS (SELECT 1 FROM member) "
      "ON CONFLICT DO NOTHING RETURNING *) "
      "SELECT EXISTS (SELECT 1 FROM invited), EXISTS (SELECT 1 FROM member), " +
      invitation_columns() + " FROM (SELECT 1) one LEFT JOIN t ON true";
  pool.query(std::move(sql),
             {std::move(inv.workspace_id), std::move(inv.email), std::move(inv.token),
              interval_ms(inv.lifetime), std::move(inv.role_id)},
             [done = std::move(done)](pg::result r) {
               if (!r.ok()) return done(db_result<created_invitation>::failure(r.error()));
               created_invitation out;
               if (r.rows() == 1 && !r.is_null(0, 2)) {
                 invitation_row row;
                 row.id = std::string(r.get(0, 2));
                 row.email = std::string(r.get(0, 3));
                 row.expires_at = std::string(r.get(0, 4));
                 if (auto role = r.get_optional(0, 5)) row.role_id = std::string(*role);
                 out.row = std::move(row);
               } else if (r.rows() == 1 && r.get(0, 1) == "t" && r.get(0, 0) != "t") {
                 out.outcome = invitation_outcome::already_member;
               } else {
                 // Invited already, or a concurrent invitation won the unique index.
                 out.outcome = invitation_outcome::already_invited;
               }
               done({std::move(out), std::nullopt});
             });
}

void list_invitations(pg::pool& pool, std::string workspace_id,
                      std::function<void(db_result<std::vector<invitation_row>>)> done) {
  pool.query("SELECT " + invitation_columns() +
                 " FROM core.app_token t WHERE t.workspace_id = $1::uuid AND "
                 "t.type = 'INVITATION_TOKEN' AND t.deleted_at IS NULL ORDER BY t.created_at, t.id",
             {std::move(workspace_id)}, [done = std::move(done)](pg::result r) {
               using out_t = std::vector<invitation_row>;
               if (!r.ok()) return done(db_result<out_t>::failure(r.error()));
               out_t rows;
               for (int i = 0; i < r.rows(); ++i) rows.push_back(read_invitation(r, i));
               done({std::move(rows), std::nullopt});
             });
}

void find_invitation(pg::pool& pool, std::string workspace_id, std::string id,
                     std::function<void(db_result<invitation_row>)> done) {
  one_invitation(pool,
                 "SELECT " + invitation_columns() +
                     " FROM core.app_token t WHERE t.workspace_id = $1::uuid AND t.id = $2::uuid "
                     "AND t.type = 'INVITATION_TOKEN' AND t.deleted_at IS NULL",
                 {std::move(workspace_id), std::move(id)}, std::move(done));
}

void find_invitation_by_token(pg::pool& pool, std::string workspace_id, std::string token,
                              std::function<void(db_result<invitation_row>)> done) {
  one_invitation(pool,
                 "SELECT " + invitation_columns() +
                     " FROM core.app_token t WHERE t.workspace_id = $1::uuid AND t.value = $2 "
                     "AND t.type = 'INVITATION_TOKEN' AND t.deleted_at IS NULL",
                 {std::move(workspace_id), std::move(token)}, std::move(done));
}

void delete_invitation(pg::pool& pool, std::string workspace_id, std::string id,
                       std::function<void(db_result<bool>)> done) {
  pool.query(
      "DELETE FROM core.app_token WHERE workspace_id = $1::uuid AND id = $2::uuid AND "
      "type = 'INVITATION_TOKEN'",
      {std::move(workspace_id), std::move(id)}, [done = std::move(done)](pg::result r) {
        if (!r.ok()) return done(db_result<bool>::failure(r.error()));
        done({r.affected_rows() == 1, std::nullopt});
      });
}

void list_pending_invitations_for_email(
    pg::pool& pool, std::string email, std::string user_id,
    std::function<void(db_result<std::vector<pending_invitation>>)> done) {
  pool.query(
      "SELECT " + detail::workspace_columns() +
          ", t.value AS personal_invite_token FROM core.app_token t "
          "JOIN core.workspace w ON w.id = t.workspace_id "
          "WHERE t.type = 'INVITATION_TOKEN' AND t.context->>'email' = $1 "
          "AND t.deleted_at IS NULL AND t.expires_at > now() AND w.deleted_at IS NULL "
          "AND NOT EXISTS (SELECT 1 FROM core.user_workspace uw WHERE uw.workspace_id = w.id "
          "AND uw.user_id::text = $2 AND uw.deleted_at IS NULL) "
          "ORDER BY t.created_at, t.id",
      {std::move(email), std::move(user_id)}, [done = std::move(done)](pg::result r) {
        if (!r.ok()) return done(db_result<std::vector<pending_invitation>>::failure(r.error()));
        std::vector<pending_invitation> out;
        for (int row = 0; row < r.rows(); ++row) {
          out.push_back({detail::read_workspace(r, row),
                         std::string(r.get(row, r.column_index("personal_invite_token")))});
        }
        done({std::move(out), std::nullopt});
      });
}

void find_workspace_by_invite_hash(pg::pool& pool, std::string invite_hash,
                                   std::function<void(db_result<workspace_row>)> done) {
  pool.query("SELECT " + detail::workspace_columns() +
                 " FROM core.workspace w WHERE w.invite_hash = $1 AND w.deleted_at IS NULL "
                 "LIMIT 1",
             {std::move(invite_hash)}, [done = std::move(done)](pg::result r) {
               done(detail::first_row<workspace_row>(r, detail::read_workspace));
             });
}

namespace {

constexpr int invitation_statement = 0;
constexpr std::string_view division_by_zero = "22012";

// Consumes the invitation first: a reused token fails the transaction before anything is made
// (a division by zero when the DELETE found nothing).
pg::statement consume_invitation(const workspace_join& join) {
  return {
      "WITH used AS (DELETE FROM core.app_token WHERE id = $1::uuid AND workspace_id = "
      "$2::uuid AND type = 'INVITATION_TOKEN' RETURNING id) "
      "SELECT 1 / (SELECT count(*) FROM used)::int",
      {*join.invitation_id, join.workspace_id}};
}

// A personal invitation was mailed to the address: using its token proves the address, as
// Twenty's signInUpWithPersonalInvitation marks the user's e-mail verified.
pg::statement mark_email_verified(const workspace_join& join) {
  return {"UPDATE core.\"user\" SET is_email_verified = true WHERE id = $1::uuid",
          {join.member.user_id}};
}

void create_membership(pg::pool& pool, workspace_join join,
                       std::function<void(db_result<join_result>)> done) {
  auto insert_member = insert_workspace_member_sql(join.schema);
  if (!insert_member) {
    return done(db_result<join_result>::failure(
        {pg::error_kind::usage, "3F000", "invalid workspace schema name", "", "", ""}));
  }
  std::vector<pg::statement> statements;
  if (join.invitation_id) {
    statements.push_back(consume_invitation(join));
    statements.push_back(mark_email_verified(join));
  }
  // A membership removed earlier is replaced (its role and 2FA rows go with it).
  statements.push_back(
      {"DELETE FROM core.user_workspace WHERE user_id = $1::uuid AND "
       "workspace_id = $2::uuid AND deleted_at IS NOT NULL",
       {join.member.user_id, join.workspace_id}});
  statements.push_back(
      {"INSERT INTO core.user_workspace (user_id, workspace_id, locale) "
       "VALUES ($1::uuid, $2::uuid, $3) RETURNING id",
       {join.member.user_id, join.workspace_id, join.member.locale}});
  statements.push_back({*insert_member, insert_workspace_member_params(join.member)});
  bool with_invitation = join.invitation_id.has_value();
  pool.transaction(std::move(statements),
                   [done = std::move(done), with_invitation](pg::transaction_result t) {
                     if (!t.ok()) {
                       join_result out;
                       if (with_invitation && t.failed_statement == invitation_statement &&
                           t.error->sqlstate == division_by_zero) {
                         out.outcome = join_outcome::invitation_used;
                         return done({out, std::nullopt});
                       }
                       // A concurrent join of the same user won the membership's unique key.
                       if (t.error->sqlstate == pg::sqlstate::unique_violation) {
                         out.outcome = join_outcome::already_member;
                         return done({out, std::nullopt});
                       }
                       return done(db_result<join_result>::failure(*t.error));
                     }
                     join_result out;
                     out.workspace_member_id = std::string(t.results.back().get(0, 0));
                     done({std::move(out), std::nullopt});
                   });
}

}  // namespace

void join_workspace(pg::pool& pool, workspace_join join,
                    std::function<void(db_result<join_result>)> done) {
  auto p = &pool;
  pool.query(
      "SELECT 1 FROM core.user_workspace WHERE user_id = $1::uuid AND workspace_id = $2::uuid "
      "AND deleted_at IS NULL",
      {join.member.user_id, join.workspace_id},
      [p, join, done = std::move(done)](pg::result r) mutable {
        if (!r.ok()) return done(db_result<join_result>::failure(r.error()));
        if (r.rows() == 0) return create_membership(*p, std::move(join), std::move(done));
        // Already a member: only the invitation goes (Twenty invalidates it all the same).
        join_result out;
        out.outcome = join_outcome::already_member;
        if (!join.invitation_id) return done({out, std::nullopt});
        std::vector<pg::statement> statements{
            {"DELETE FROM core.app_token WHERE id = $1::uuid AND workspace_id = $2::uuid",
             {*join.invitation_id, join.workspace_id}},
            mark_email_verified(join)};
        p->transaction(std::move(statements),
                       [out, done = std::move(done)](pg::transaction_result t) {
                         if (!t.ok()) return done(db_result<join_result>::failure(*t.error));
                         done({out, std::nullopt});
                       });
      });
}

}  // namespace cohort::storage::core
