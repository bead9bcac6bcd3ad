#include "storage/timeline/timeline_repository.hpp"

#include "storage/ddl/identifier.hpp"
#include "storage/ddl/workspace_provisioner.hpp"
#include "storage/query/sql_text.hpp"

namespace cohort::storage::timeline {

namespace {

std::string array_of(const std::vector<std::string>& items) {
  return query::pg_array_literal({items.begin(), items.end()});
}

// "workspace_x"."table", or nullopt for an unusable id or name.
std::optional<std::string> table_of(const std::string& workspace_id, const std::string& table) {
  auto schema = ddl::schema_name_for(workspace_id);
  if (!schema || !ddl::is_valid_identifier(*schema) || !ddl::is_valid_identifier(table))
    return std::nullopt;
  return ddl::qualified_name(*schema, table);
}

// One activity of an event claimed by this transaction: merged into the newest activity of the
// same key that happened in the 10 minutes before it, else inserted. Rows of an event claimed by
// an earlier transaction (a replay) find no claim of the current transaction and write nothing.
std::optional<pg::statement> activity_statement(const std::string& workspace_id,
                                                std::int64_t outbox_id, const activity_row& row) {
  auto table = table_of(workspace_id, "timelineActivity");
  auto column = ddl::try_quote_identifier(row.target_column);
  if (!table || !column) return std::nullopt;
  const std::string& t = *table;
  std::string sql =
      "WITH claimed AS (SELECT 1 FROM core.timeline_applied WHERE outbox_id = $1::bigint "
      "AND txid = txid_current()), "
      "recent AS (SELECT a.id FROM " +
      t + " a WHERE $10::boolean AND EXISTS (SELECT 1 FROM claimed) AND a." + *column +
      " = $2::uuid AND a.name = $3 AND a.\"workspaceMemberId\" IS NOT DISTINCT FROM $5::uuid "
      "AND a.\"linkedRecordId\" IS NOT DISTINCT FROM $8::uuid AND a.\"deletedAt\" IS NULL "
      "AND a.\"happensAt\" > $6::timestamptz - interval '10 minutes' "
      "AND a.\"happensAt\" <= $6::timestamptz "
      "ORDER BY a.\"happensAt\" DESC LIMIT 1 FOR UPDATE), "
      "merged AS (UPDATE " +
      t +
      " a SET properties = core.timeline_merge_properties(a.properties, $4::jsonb), "
      "\"updatedAt\" = now() FROM recent WHERE a.id = recent.id RETURNING a.id) "
      "INSERT INTO " +
      t +
      " (\"happensAt\", name, properties, \"linkedRecordCachedName\", \"linkedRecordId\", "
      "\"linkedObjectMetadataId\", \"workspaceMemberId\", " +
      *column +
      ") SELECT $6::timestamptz, $3, $4::jsonb, $7, $8::uuid, $9::uuid, $5::uuid, $2::uuid "
      "WHERE EXISTS (SELECT 1 FROM claimed) AND NOT EXISTS (SELECT 1 FROM recent)";
  return pg::statement{
      std::move(sql),
      {std::to_string(outbox_id), row.target_record_id, row.name, row.properties,
       row.workspace_member_id, row.happens_at, row.linked_record_cached_name, row.linked_record_id,
       row.linked_object_metadata_id, std::string(row.merge ? "t" : "f")}};
}

}  // namespace

void timeline_columns(pg::pool& pool, std::vector<std::string> workspace_ids,
                      callback<std::map<std::string, std::set<std::string>>> done) {
  using result_t = core::db_result<std::map<std::string, std::set<std::string>>>;
  std::map<std::string, std::string> workspace_of_schema;
  std::vector<std::string> schemas;
  for (const auto& id : workspace_ids) {
    auto schema = ddl::schema_name_for(id);
    if (!schema) continue;
    workspace_of_schema[*schema] = id;
    schemas.push_back(*schema);
  }
  if (schemas.empty())
    return done(result_t{std::map<std::string, std::set<std::string>>{}, std::nullopt});
  // pg_attribute rather than information_schema: one index lookup per table.
  pool.query(
      "SELECT n.nspname::text, a.attname::text FROM pg_class c "
      "JOIN pg_namespace n ON n.oid = c.relnamespace "
      "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped "
      "WHERE c.relname = 'timelineActivity' AND c.relkind = 'r' AND n.nspname = ANY($1::text[])",
      {array_of(schemas)},
      [workspace_of_schema = std::move(workspace_of_schema), done = std::move(done)](pg::result r) {
        if (!r.ok()) return done(result_t::failure(r.error()));
        std::map<std::string, std::set<std::string>> out;
        for (int i = 0; i < r.rows(); ++i) {
          auto it = workspace_of_schema.find(std::string(r.get(i, 0)));
          if (it != workspace_of_schema.end()) out[it->second].insert(std::string(r.get(i, 1)));
        }
        done({std::move(out), std::nullopt});
      });
}

void junction_rows(pg::pool& pool, const std::string& workspace_id, const std::string& junction,
                   const std::string& owner_column, std::vector<std::string> owner_ids,
                   callback<std::vector<std::pair<std::string, std::string>>> done) {
  using result_t = core::db_result<std::vector<std::pair<std::string, std::string>>>;
  auto table = table_of(workspace_id, junction);
  auto column = ddl::try_quote_identifier(owner_column);
  if (!table || !column || owner_ids.empty())
    return done(result_t{std::vector<std::pair<std::string, std::string>>{}, std::nullopt});
  pool.query("SELECT j." + *column + "::text, to_jsonb(j)::text FROM " + *table + " j WHERE j." +
                 *column +
                 " = ANY($1::uuid[]) AND j.\"deletedAt\" IS NULL ORDER BY j.\"createdAt\", j.id",
             {array_of(owner_ids)}, [done = std::move(done)](pg::result r) {
               if (!r.ok()) return done(result_t::failure(r.error()));
               std::vector<std::pair<std::string, std::string>> out;
               for (int i = 0; i < r.rows(); ++i)
                 out.emplace_back(std::string(r.get(i, 0)), std::string(r.get(i, 1)));
               done({std::move(out), std::nullopt});
             });
}

void record_titles(pg::pool& pool, const std::string& workspace_id, const std::string& object,
                   std::vector<std::string> ids,
                   callback<std::map<std::string, std::string>> done) {
  using result_t = core::db_result<std::map<std::string, std::string>>;
  auto table = table_of(workspace_id, object);
  if (!table || ids.empty())
    return done(result_t{std::map<std::string, std::string>{}, std::nullopt});
  pool.query("SELECT id::text, coalesce(title, '') FROM " + *table + " WHERE id = ANY($1::uuid[])",
             {array_of(ids)}, [done = std::move(done)](pg::result r) {
               if (!r.ok()) return done(result_t::failure(r.error()));
               std::map<std::string, std::string> out;
               for (int i = 0; i < r.rows(); ++i)
                 out[std::string(r.get(i, 0))] = std::string(r.get(i, 1));
               done({std::move(out), std::nullopt});
             });
}

void write_activities(pg::pool& pool, const std::vector<event_activities>& events,
                      callback<int> done) {
  std::vector<pg::statement> statements;
  std::vector<std::size_t> claims;  // indexes of the claim statements
  for (const auto& e : events) {
    if (e.rows.empty()) continue;
    claims.push_back(statements.size());
    statements.push_back(
        {"INSERT INTO core.timeline_applied (outbox_id, workspace_id) VALUES ($1::bigint, "
         "$2::uuid) ON CONFLICT (outbox_id) DO NOTHING",
         {std::to_string(e.outbox_id), e.workspace_id}});
    for (const auto& row : e.rows) {
      if (auto s = activity_statement(e.workspace_id, e.outbox_id, row))
        statements.push_back(std::move(*s));
    }
  }
  if (statements.empty()) return done({0, std::nullopt});
  pool.transaction(std::move(statements),
                   [claims = std::move(claims), done = std::move(done)](pg::transaction_result t) {
                     if (!t.ok()) return done(core::db_result<int>::failure(*t.error));
                     int written = 0;
                     for (auto i : claims) written += t.results[i].affected_rows() > 0 ? 1 : 0;
                     done({written, std::nullopt});
                   });
}

void prune_applied(pg::pool& pool, int days, callback<long> done) {
  pool.query(
      "DELETE FROM core.timeline_applied WHERE applied_at < now() - $1::integer * interval '1 day'",
      {std::to_string(days)}, [done = std::move(done)](pg::result r) {
        if (!r.ok()) return done(core::db_result<long>::failure(r.error()));
        done({r.affected_rows(), std::nullopt});
      });
}

}  // namespace cohort::storage::timeline
