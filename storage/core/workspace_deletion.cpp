#include "storage/core/workspace_deletion.hpp"

#include <memory>
#include <utility>

#include "storage/ddl/identifier.hpp"
#include "storage/ddl/workspace_provisioner.hpp"

namespace cohort::storage::core {

namespace {

// First transaction: out of use at once. Users whose only live membership was this one are
// soft-deleted (Twenty deletes a user left without a workspace); then the memberships and the
// workspace itself. Answers the workspace's schema, or no row when it no longer exists.
std::vector<pg::statement> retire_statements(const std::string& id) {
  return {
      {"UPDATE core.\"user\" u SET deleted_at = now() WHERE u.deleted_at IS NULL AND u.id IN "
       "(SELECT uw.user_id FROM core.user_workspace uw WHERE uw.workspace_id = $1::uuid) AND NOT "
       "EXISTS (SELECT 1 FROM core.user_workspace o JOIN core.workspace w ON w.id = "
       "o.workspace_id WHERE o.user_id = u.id AND o.workspace_id <> $1::uuid AND o.deleted_at IS "
       "NULL AND w.deleted_at IS NULL)",
       {id}},
      {"UPDATE core.user_workspace SET deleted_at = now() WHERE workspace_id = $1::uuid AND "
       "deleted_at IS NULL",
       {id}},
      {"UPDATE core.workspace SET deleted_at = COALESCE(deleted_at, now()) WHERE id = $1::uuid "
       "RETURNING database_schema",
       {id}},
  };
}

// The schemas that may hold the workspace's tables: the one recorded on its row and the one its
// id names (a workspace whose activation failed halfway never recorded it). Only names of the
// workspace_<base36> form are ever dropped: never a spare, never anything else.
std::vector<std::string> schemas_to_drop(const std::string& id, const std::string& recorded) {
  std::vector<std::string> out;
  auto add = [&](const std::string& name) {
    if (name.rfind("workspace_", 0) != 0 || name.rfind("workspace_spare_", 0) == 0) return;
    if (!ddl::is_valid_identifier(name)) return;
    for (const auto& known : out)
      if (known == name) return;
    out.push_back(name);
  };
  add(recorded);
  if (auto named = ddl::schema_name_for(id)) add(*named);
  return out;
}

// Second transaction: the workspace row is locked first, so two runs of the same deletion (a job
// claimed again after its node died) follow one another; the second finds nothing left to do.
std::vector<pg::statement> purge_statements(const std::string& id,
                                            const std::vector<std::string>& schemas) {
  std::vector<pg::statement> out;
  out.push_back({"SELECT id FROM core.workspace WHERE id = $1::uuid FOR UPDATE", {id}});
  for (const auto& schema : schemas) {
    // The spare pool must never hand this name out again.
    out.push_back({"DELETE FROM core.spare_schema WHERE name = $1", {schema}});
    out.push_back({"DROP SCHEMA IF EXISTS " + ddl::quote_identifier(schema) + " CASCADE", {}});
  }
  out.push_back({"SELECT core.delete_workspace_rows($1::uuid)", {id}});
  out.push_back({std::string("SELECT pg_notify('") + workspace_deleted_channel + "', $1)", {id}});
  return out;
}

}  // namespace

void hard_delete_workspace(pg::pool& pool, std::string workspace_id,
                           std::function<void(hard_deletion_result)> done) {
  if (!ddl::schema_name_for(workspace_id)) {
    hard_deletion_result out;
    out.error = "invalid workspace id \"" + workspace_id + "\"";
    return done(std::move(out));
  }
  pool.transaction(retire_statements(workspace_id), [&pool, workspace_id, done = std::move(done)](
                                                        pg::transaction_result retired) mutable {
    hard_deletion_result out;
    if (!retired.ok()) {
      out.error = "retiring the workspace failed: " + pg::describe(*retired.error);
      return done(std::move(out));
    }
    const auto& row = retired.results.back();
    // No row: deleted before (by this job's earlier attempt, or another node).
    if (row.rows() == 0) return done(std::move(out));
    out.existed = true;
    auto schemas = schemas_to_drop(workspace_id, std::string(row.get(0, 0)));
    if (!schemas.empty()) out.schema = schemas.front();
    pool.transaction(
        purge_statements(workspace_id, schemas),
        [out = std::move(out), done = std::move(done)](pg::transaction_result purged) mutable {
          if (!purged.ok()) {
            out.error = "dropping the workspace failed: " + pg::describe(*purged.error);
            return done(std::move(out));
          }
          const auto& count = purged.results[purged.results.size() - 2];
          if (count.rows() == 1 && !count.is_null(0, 0))
            out.rows_deleted = std::stoll(std::string(count.get(0, 0)));
          done(std::move(out));
        });
  });
}

void clean_inactive_workspaces(pg::pool& pool, cleanup_policy policy,
                               std::function<void(cleanup_result)> done) {
  const std::string soft_days = std::to_string(policy.inactive_days_before_soft_deletion);
  // Twenty destroys a soft-deleted workspace once the grace period between the two delays has
  // passed since its soft deletion.
  const std::string grace_days = std::to_string(std::max(
      0, policy.inactive_days_before_deletion - policy.inactive_days_before_soft_deletion));
  std::vector<pg::statement> statements = {
      {"WITH doomed AS (SELECT id FROM core.workspace WHERE deleted_at IS NULL AND "
       "activation_status IN ('SUSPENDED', 'INACTIVE') AND updated_at < now() - $1::int * "
       "interval '1 day' FOR UPDATE SKIP LOCKED), members AS (UPDATE core.user_workspace SET "
       "deleted_at = now() WHERE workspace_id IN (SELECT id FROM doomed) AND deleted_at IS NULL) "
       "UPDATE core.workspace w SET deleted_at = now() FROM doomed WHERE w.id = doomed.id "
       "RETURNING w.id::text",
       {soft_days}},
      {"SELECT id::text FROM core.workspace WHERE deleted_at IS NOT NULL AND deleted_at < now() - "
       "$1::int * interval '1 day' ORDER BY deleted_at, id LIMIT $2::int",
       {grace_days, std::to_string(std::max(0, policy.max_deleted_per_run))}},
  };
  pool.transaction(std::move(statements), [done = std::move(done)](pg::transaction_result r) {
    cleanup_result out;
    if (!r.ok()) {
      out.error = "cleaning inactive workspaces failed: " + pg::describe(*r.error);
      return done(std::move(out));
    }
    for (int i = 0; i < r.results[0].rows(); ++i)
      out.soft_deleted.emplace_back(r.results[0].get(i, 0));
    for (int i = 0; i < r.results[1].rows(); ++i) out.due.emplace_back(r.results[1].get(i, 0));
    done(std::move(out));
  });
}

}  // namespace cohort::storage::core
