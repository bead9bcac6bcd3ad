#include "storage/core/approved_access_domain_repository.hpp"

#include "storage/core/row_readers.hpp"
#include "storage/query/filter_operators.hpp"

namespace cohort::storage::core {

namespace {

std::string columns() {
  return "id, workspace_id, domain, is_validated, " + iso_timestamp_sql("created_at");
}

approved_access_domain_row read_row(const pg::result& r, int i) {
  return {std::string(r.get(i, 0)), std::string(r.get(i, 1)), std::string(r.get(i, 2)),
          r.get(i, 3) == "t", std::string(r.get(i, 4))};
}

void one_row(pg::pool& pool, std::string sql, pg::params args,
             approved_access_domain_callback done) {
  pool.query(std::move(sql), std::move(args), [done = std::move(done)](pg::result r) {
    if (!r.ok()) return done(db_result<approved_access_domain_row>::failure(r.error()));
    if (r.rows() == 0) return done({std::nullopt, std::nullopt});
    done({read_row(r, 0), std::nullopt});
  });
}

}  // namespace

void list_approved_access_domains(
    pg::pool& pool, std::string workspace_id,
    std::function<void(db_result<std::vector<approved_access_domain_row>>)> done) {
  pool.query("SELECT " + columns() +
                 " FROM core.approved_access_domain WHERE workspace_id = $1::uuid "
                 "ORDER BY created_at, id",
             {std::move(workspace_id)}, [done = std::move(done)](pg::result r) {
               using rows = std::vector<approved_access_domain_row>;
               if (!r.ok()) return done(db_result<rows>::failure(r.error()));
               rows out;
               for (int i = 0; i < r.rows(); ++i) out.push_back(read_row(r, i));
               done({std::move(out), std::nullopt});
             });
}

void insert_approved_access_domain(pg::pool& pool, std::string workspace_id, std::string domain,
                                   approved_access_domain_callback done) {
  one_row(pool,
          "INSERT INTO core.approved_access_domain (workspace_id, domain) "
          "VALUES ($1::uuid, $2) RETURNING " +
              columns(),
          {std::move(workspace_id), std::move(domain)}, std::move(done));
}

void find_approved_access_domain(pg::pool& pool, std::string workspace_id, std::string id,
                                 approved_access_domain_callback done) {
  if (!query::is_uuid(id)) return done({std::nullopt, std::nullopt});
  one_row(pool,
          "SELECT " + columns() +
              " FROM core.approved_access_domain WHERE workspace_id = $1::uuid AND id = $2::uuid",
          {std::move(workspace_id), std::move(id)}, std::move(done));
}

void validate_approved_access_domain(pg::pool& pool, std::string workspace_id, std::string id,
                                     approved_access_domain_callback done) {
  if (!query::is_uuid(id)) return done({std::nullopt, std::nullopt});
  one_row(pool,
          "UPDATE core.approved_access_domain SET is_validated = true WHERE workspace_id = "
          "$1::uuid AND id = $2::uuid AND NOT is_validated RETURNING " +
              columns(),
          {std::move(workspace_id), std::move(id)}, std::move(done));
}

void delete_approved_access_domain(pg::pool& pool, std::string workspace_id, std::string id,
                                   std::function<void(db_result<bool>)> done) {
  if (!query::is_uuid(id)) return done({false, std::nullopt});
  pool.query(
      "DELETE FROM core.approved_access_domain WHERE workspace_id = $1::uuid AND id = $2::uuid",
      {std::move(workspace_id), std::move(id)}, [done = std::move(done)](pg::result r) {
        if (!r.ok()) return done(db_result<bool>::failure(r.error()));
        done({r.affected_rows() > 0, std::nullopt});
      });
}

void has_validated_domain(pg::pool& pool, std::string workspace_id, std::string domain,
                          std::function<void(db_result<bool>)> done) {
  pool.query(
      "SELECT EXISTS (SELECT 1 FROM core.approved_access_domain WHERE workspace_id = $1::uuid "
      "AND domain = $2 AND is_validated)",
      {std::move(workspace_id), std::move(domain)}, [done = std::move(done)](pg::result r) {
        if (!r.ok()) return done(db_result<bool>::failure(r.error()));
        done({r.rows() == 1 && r.get(0, 0) == "t", std::nullopt});
      });
}

void list_workspaces_joinable_by_domain(
    pg::pool& pool, std::string domain, std::string user_id,
    std::function<void(db_result<std::vector<workspace_row>>)> done) {
  pool.query(
      "SELECT " + detail::workspace_columns() +
          " FROM core.approved_access_domain d JOIN core.workspace w ON w.id = d.workspace_id "
          "WHERE d.domain = $1 AND d.is_validated AND w.deleted_at IS NULL "
          "AND NOT EXISTS (SELECT 1 FROM core.user_workspace uw WHERE uw.workspace_id = w.id "
          "AND uw.user_id::text = $2 AND uw.deleted_at IS NULL) "
          "ORDER BY d.created_at, d.id",
      {std::move(domain), std::move(user_id)}, [done = std::move(done)](pg::result r) {
        if (!r.ok()) return done(db_result<std::vector<workspace_row>>::failure(r.error()));
        std::vector<workspace_row> rows;
        for (int i = 0; i < r.rows(); ++i) rows.push_back(detail::read_workspace(r, i));
        done({std::move(rows), std::nullopt});
      });
}

}  // namespace cohort::storage::core
