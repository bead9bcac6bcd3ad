#include "storage/core/workspace_repository.hpp"

#include "storage/core/row_readers.hpp"

namespace cohort::storage::core {

namespace {

void one_workspace(pg::pool& pool, std::string sql, pg::params args, workspace_callback done) {
  pool.query(std::move(sql), std::move(args), [done = std::move(done)](pg::result r) {
    done(detail::first_row<workspace_row>(r, detail::read_workspace));
  });
}

std::optional<std::string> bool_text(const std::optional<bool>& v) {
  if (!v) return std::nullopt;
  return std::string(*v ? "true" : "false");
}

// "column = $n" for each set field; nullable fields may be set to NULL.
struct set_clause {
  std::string sql;
  pg::params args;

  void add(const char* column, std::optional<std::string> value, const char* cast = "") {
    sql += (sql.empty() ? "" : ", ") + std::string(column) + " = $" +
           std::to_string(args.size() + 2) + cast;
    args.push_back(std::move(value));
  }
  void add_nullable(const char* column, const std::optional<std::optional<std::string>>& v,
                    const char* cast = "") {
    if (v) add(column, *v, cast);
  }
  void add_bool(const char* column, const std::optional<bool>& v) {
    if (v) add(column, bool_text(v), "::boolean");
  }
};

}  // namespace

void create_pending_workspace(pg::pool& pool, std::string user_id, std::string subdomain,
                              std::optional<std::string> display_name,
                              std::function<void(db_result<pending_workspace>)> done) {
  std::string sql =
      "WITH w AS (INSERT INTO core.workspace (subdomain, display_name) VALUES ($2, $3) "
      "RETURNING *), uw AS (INSERT INTO core.user_workspace (user_id, workspace_id) "
      "SELECT $1::uuid, w.id FROM w RETURNING *) SELECT " +
      detail::workspace_columns() + ", uw.id AS membership_id, " +
      iso_timestamp_sql("uw.created_at") + " AS membership_created_at FROM w, uw";
  pool.query(std::move(sql), {std::move(user_id), std::move(subdomain), std::move(display_name)},
             [done = std::move(done)](pg::result r) {
               if (!r.ok()) return done(db_result<pending_workspace>::failure(r.error()));
               if (r.rows() == 0) return done({});
               pending_workspace p;
               p.workspace = detail::read_workspace(r, 0);
               p.membership.id = std::string(r.get(0, r.column_index("membership_id")));
               p.membership.workspace_id = p.workspace.id;
               p.membership.created_at =
                   std::string(r.get(0, r.column_index("membership_created_at")));
               p.membership.updated_at = p.membership.created_at;
               done({std::move(p), std::nullopt});
             });
}

void find_workspace_by_id(pg::pool& pool, std::string id, workspace_callback done) {
  one_workspace(pool,
                "SELECT " + detail::workspace_columns() +
                    " FROM core.workspace w WHERE w.id = $1::uuid AND w.deleted_at IS NULL",
                {std::move(id)}, std::move(done));
}

void find_workspace_by_host(pg::pool& pool, std::string subdomain, std::string host,
                            workspace_callback done) {
  one_workspace(pool,
                "SELECT " + detail::workspace_columns() +
                    " FROM core.workspace w WHERE (w.subdomain = $1 OR w.custom_domain = $2) "
                    "AND w.deleted_at IS NULL ORDER BY (w.custom_domain = $2) DESC NULLS LAST "
                    "LIMIT 1",
                {std::move(subdomain), std::move(host)}, std::move(done));
}

void subdomain_taken(pg::pool& pool, std::string subdomain,
                     std::function<void(db_result<bool>)> done) {
  pool.query("SELECT EXISTS (SELECT 1 FROM core.workspace WHERE subdomain = $1)",
             {std::move(subdomain)}, [done = std::move(done)](pg::result r) {
               if (!r.ok()) return done(db_result<bool>::failure(r.error()));
               done({r.get(0, 0) == "t", std::nullopt});
             });
}

void list_user_workspaces(pg::pool& pool, std::string user_id,
                          std::function<void(db_result<std::vector<workspace_row>>)> done) {
  pool.query("SELECT " + detail::workspace_columns() +
                 " FROM core.user_workspace uw JOIN core.workspace w ON w.id = uw.workspace_id "
                 "WHERE uw.user_id = $1::uuid AND uw.deleted_at IS NULL AND w.deleted_at IS NULL "
                 "ORDER BY uw.created_at, w.id",
             {std::move(user_id)}, [done = std::move(done)](pg::result r) {
               if (!r.ok()) return done(db_result<std::vector<workspace_row>>::failure(r.error()));
               std::vector<workspace_row> rows;
               for (int i = 0; i < r.rows(); ++i) rows.push_back(detail::read_workspace(r, i));
               done({std::move(rows), std::nullopt});
             });
}

void find_user_workspace(pg::pool& pool, std::string user_id, std::string workspace_id,
                         std::function<void(db_result<user_workspace_row>)> done) {
  pool.query("SELECT " + detail::user_workspace_columns() +
                 " FROM core.user_workspace uw WHERE uw.user_id = $1::uuid AND "
                 "uw.workspace_id = $2::uuid AND uw.deleted_at IS NULL",
             {std::move(user_id), std::move(workspace_id)}, [done = std::move(done)](pg::result r) {
               done(detail::first_row<user_workspace_row>(r, detail::read_user_workspace));
             });
}

void update_workspace(pg::pool& pool, std::string id, workspace_update u, workspace_callback done) {
  set_clause set;
  if (u.subdomain) set.add("subdomain", u.subdomain);
  set.add_nullable("custom_domain", u.custom_domain);
  set.add_nullable("display_name", u.display_name);
  set.add_nullable("logo", u.logo);
  set.add_nullable("invite_hash", u.invite_hash);
  set.add_bool("is_public_invite_link_enabled", u.is_public_invite_link_enabled);
  set.add_bool("allow_impersonation", u.allow_impersonation);
  set.add_bool("is_google_auth_enabled", u.is_google_auth_enabled);
  set.add_bool("is_microsoft_auth_enabled", u.is_microsoft_auth_enabled);
  set.add_bool("is_password_auth_enabled", u.is_password_auth_enabled);
  set.add_nullable("default_role_id", u.default_role_id, "::uuid");
  set.add_bool("is_two_factor_authentication_enforced", u.is_two_factor_authentication_enforced);
  if (set.sql.empty()) return find_workspace_by_id(pool, std::move(id), std::move(done));
  pg::params args{std::move(id)};
  for (auto& a : set.args) args.push_back(std::move(a));
  one_workspace(pool,
                "UPDATE core.workspace AS w SET " + set.sql +
                    " WHERE w.id = $1::uuid AND w.deleted_at IS NULL RETURNING " +
                    detail::workspace_columns(),
                std::move(args), std::move(done));
}

void soft_delete_workspace(pg::pool& pool, std::string id, workspace_callback done) {
  one_workspace(pool,
                "WITH m AS (UPDATE core.user_workspace SET deleted_at = now() "
                "WHERE workspace_id = $1::uuid AND deleted_at IS NULL) "
                "UPDATE core.workspace AS w SET deleted_at = now() "
                "WHERE w.id = $1::uuid AND w.deleted_at IS NULL RETURNING " +
                    detail::workspace_columns(),
                {std::move(id)}, std::move(done));
}

}  // namespace cohort::storage::core
