#include "storage/core/user_repository.hpp"

#include "storage/core/role_rows.hpp"
#include "storage/core/row_readers.hpp"
#include "storage/ddl/identifier.hpp"

namespace cohort::storage::core {

namespace {

void one_user(pg::pool& pool, std::string sql, pg::params args, user_callback done) {
  pool.query(std::move(sql), std::move(args), [done = std::move(done)](pg::result r) {
    done(detail::first_row<user_row>(r, detail::read_user));
  });
}

}  // namespace

void find_user_by_email(pg::pool& pool, std::string email, user_callback done) {
  one_user(pool,
           "SELECT " + detail::user_columns() +
               " FROM core.\"user\" u WHERE u.email = $1 AND u.deleted_at IS NULL",
           {std::move(email)}, std::move(done));
}

void find_user_by_id(pg::pool& pool, std::string id, user_callback done) {
  one_user(pool,
           "SELECT " + detail::user_columns() +
               " FROM core.\"user\" u WHERE u.id = $1::uuid AND u.deleted_at IS NULL",
           {std::move(id)}, std::move(done));
}

void create_user(pg::pool& pool, new_user user, user_callback done) {
  one_user(pool,
           "INSERT INTO core.\"user\" AS u (email, password_hash, first_name, last_name, locale) "
           "VALUES ($1, $2, $3, $4, $5) RETURNING " +
               detail::user_columns(),
           {std::move(user.email), std::move(user.password_hash), std::move(user.first_name),
            std::move(user.last_name), std::move(user.locale)},
           std::move(done));
}

void list_membership_standings(
    pg::pool& pool, std::string user_id,
    std::function<void(db_result<std::vector<membership_standing>>)> done) {
  pool.query(
      "SELECT uw.workspace_id, uw.id, w.database_schema, w.activation_status, "
      "(SELECT count(*) FROM core.user_workspace o WHERE o.workspace_id = uw.workspace_id "
      "AND o.deleted_at IS NULL), "
      "EXISTS (SELECT 1 FROM core.role_target t JOIN core.role r ON r.id = t.role_id "
      "WHERE t.user_workspace_id = uw.id AND r.standard_id = $2::uuid), "
      "(SELECT count(*) FROM core.role_target t JOIN core.role r ON r.id = t.role_id "
      "JOIN core.user_workspace o ON o.id = t.user_workspace_id AND o.deleted_at IS NULL "
      "WHERE t.workspace_id = uw.workspace_id AND r.standard_id = $2::uuid) "
      "FROM core.user_workspace uw JOIN core.workspace w ON w.id = uw.workspace_id "
      "AND w.deleted_at IS NULL WHERE uw.user_id = $1::uuid AND uw.deleted_at IS NULL "
      "ORDER BY uw.created_at",
      {std::move(user_id), std::string(admin_role_standard_id)},
      [done = std::move(done)](pg::result r) {
        if (!r.ok()) return done(db_result<std::vector<membership_standing>>::failure(r.error()));
        std::vector<membership_standing> out;
        for (int i = 0; i < r.rows(); ++i) {
          membership_standing m;
          m.workspace_id = std::string(r.get(i, 0));
          m.user_workspace_id = std::string(r.get(i, 1));
          m.database_schema = std::string(r.get(i, 2));
          m.activation_status = std::string(r.get(i, 3));
          m.members = std::stol(std::string(r.get(i, 4)));
          m.is_admin = r.get(i, 5) == "t";
          m.admins = std::stol(std::string(r.get(i, 6)));
          out.push_back(std::move(m));
        }
        done({std::move(out), std::nullopt});
      });
}

namespace {

constexpr std::string_view division_by_zero = "22012";
constexpr int last_admin_check_statement = 1;

// Locks the Admin role targets of every workspace the user is a member of (in id order, so two
// deletions never deadlock). A deletion that waited here sees the rows the other one removed.
pg::statement lock_admin_targets(const std::string& user_id) {
  return {
      "SELECT t.id FROM core.role_target t JOIN core.role r ON r.id = t.role_id "
      "WHERE r.standard_id = $2::uuid AND t.workspace_id IN (SELECT uw.workspace_id FROM "
      "core.user_workspace uw WHERE uw.user_id = $1::uuid AND uw.deleted_at IS NULL) "
      "ORDER BY t.id FOR UPDATE OF t",
      {user_id, std::string(admin_role_standard_id)}};
}

// Twenty's rule, on what the locks let through: no workspace with other members may lose its
// only Admin (a division by zero fails the transaction when one would).
pg::statement check_not_last_admin(const std::string& user_id) {
  return {
      "SELECT 1 / (CASE WHEN EXISTS (SELECT 1 FROM core.user_workspace uw "
      "JOIN core.workspace w ON w.id = uw.workspace_id AND w.deleted_at IS NULL "
      "WHERE uw.user_id = $1::uuid AND uw.deleted_at IS NULL "
      "AND EXISTS (SELECT 1 FROM core.role_target t JOIN core.role r ON r.id = t.role_id "
      "WHERE t.user_workspace_id = uw.id AND r.standard_id = $2::uuid) "
      "AND EXISTS (SELECT 1 FROM core.user_workspace o WHERE o.workspace_id = uw.workspace_id "
      "AND o.deleted_at IS NULL AND o.id <> uw.id) "
      "AND NOT EXISTS (SELECT 1 FROM core.role_target t JOIN core.role r ON r.id = t.role_id "
      "JOIN core.user_workspace o ON o.id = t.user_workspace_id AND o.deleted_at IS NULL "
      "WHERE t.workspace_id = uw.workspace_id AND r.standard_id = $2::uuid AND o.id <> uw.id)) "
      "THEN 0 ELSE 1 END)",
      {user_id, std::string(admin_role_standard_id)}};
}

}  // namespace

void delete_user_account(pg::pool& pool, std::string user_id,
                         const std::vector<membership_standing>& memberships,
                         std::function<void(db_result<user_deletion>)> done) {
  std::vector<pg::statement> statements;
  statements.push_back(lock_admin_targets(user_id));
  statements.push_back(check_not_last_admin(user_id));
  for (const auto& m : memberships) {
    if (m.only_member()) {
      statements.push_back(
          {"UPDATE core.workspace SET deleted_at = COALESCE(deleted_at, now()) "
           "WHERE id = $1::uuid",
           {m.workspace_id}});
      continue;
    }
    // Only live workspaces have members (a pending one has no schema of its own yet).
    bool live = m.activation_status == "ACTIVE" || m.activation_status == "SUSPENDED";
    if (live && !m.database_schema.empty() && ddl::is_valid_identifier(m.database_schema)) {
      statements.push_back({"DELETE FROM " +
                                ddl::qualified_name(m.database_schema, "workspaceMember") +
                                " WHERE \"userId\" = $1::uuid",
                            {user_id}});
    }
  }
  statements.push_back({"DELETE FROM core.user_workspace WHERE user_id = $1::uuid", {user_id}});
  statements.push_back({"DELETE FROM core.app_token WHERE user_id = $1::uuid", {user_id}});
  statements.push_back(
      {"UPDATE core.\"user\" u SET deleted_at = now() WHERE u.id = $1::uuid "
       "AND u.deleted_at IS NULL RETURNING " +
           detail::user_columns(),
       {user_id}});
  pool.transaction(std::move(statements), [done = std::move(done)](pg::transaction_result t) {
    if (!t.ok()) {
      if (t.failed_statement == last_admin_check_statement && t.error->sqlstate == division_by_zero)
        return done({user_deletion{std::nullopt, true}, std::nullopt});
      return done(db_result<user_deletion>::failure(*t.error));
    }
    auto user = detail::first_row<user_row>(t.results.back(), detail::read_user);
    if (!user.ok()) return done(db_result<user_deletion>::failure(*user.error));
    done({user_deletion{std::move(user.value), false}, std::nullopt});
  });
}

}  // namespace cohort::storage::core
