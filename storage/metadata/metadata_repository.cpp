#include "storage/metadata/metadata_repository.hpp"

#include <boost/json.hpp>

namespace cohort::storage::metadata {

namespace json = boost::json;

namespace {

#define COHORT_ISO(col) "to_char(" col " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"

// One statement: the workspace and both row sets as JSON arrays.
constexpr const char* load_sql =
    "SELECT w.database_schema, w.activation_status, w.metadata_version, " COHORT_ISO("w.created_at") ", "
    "(SELECT coalesce(json_agg(json_build_object('id', o.id, 'custom', o.is_custom, "
    "'definition', o.definition, 'createdAt', " COHORT_ISO("o.created_at") ", 'updatedAt', "
    COHORT_ISO("o.updated_at") ") ORDER BY o.seq), '[]') FROM core.object_metadata o "
    "WHERE o.workspace_id = w.id), "
    "(SELECT coalesce(json_agg(json_build_object('id', f.id, 'objectId', f.object_id, "
    "'custom', f.is_custom, 'definition', f.definition, 'createdAt', " COHORT_ISO("f.created_at")
    ", 'updatedAt', " COHORT_ISO("f.updated_at") ") ORDER BY f.seq), '[]') "
    "FROM core.field_metadata f WHERE f.workspace_id = w.id) "
    "FROM core.workspace w WHERE w.id = $1::uuid AND w.deleted_at IS NULL";

#undef COHORT_ISO

std::vector<metadata_row> parse_rows(std::string_view text) {
  std::vector<metadata_row> out;
  boost::system::error_code ec;
  auto parsed = json::parse(text, ec);
  if (ec || !parsed.is_array()) return out;
  for (const auto& v : parsed.as_array()) {
    if (!v.is_object()) continue;
    const auto& o = v.as_object();
    metadata_row row;
    auto text_of = [&](std::string_view key) {
      auto* s = o.if_contains(key);
      return s && s->is_string() ? std::string(s->as_string()) : std::string();
    };
    row.id = text_of("id");
    row.object_id = text_of("objectId");
    row.created_at = text_of("createdAt");
    row.updated_at = text_of("updatedAt");
    if (auto* c = o.if_contains("custom"); c && c->is_bool()) row.is_custom = c->as_bool();
    if (auto* d = o.if_contains("definition"); d && d->is_object()) row.definition = d->as_object();
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace

void load_workspace_metadata(pg::pool& pool, const std::string& workspace_id,
                             std::function<void(load_result)> done) {
  pool.query(load_sql, {workspace_id}, [done = std::move(done)](pg::result r) {
    load_result out;
    if (!r.ok()) {
      out.error = r.error();
      return done(std::move(out));
    }
    if (r.rows() == 0) return done(std::move(out));
    auto& m = out.metadata;
    m.found = true;
    m.schema = std::string(r.get(0, 0));
    m.activation_status = std::string(r.get(0, 1));
    m.version = std::stoll(std::string(r.get(0, 2)));
    m.created_at = std::string(r.get(0, 3));
    m.objects = parse_rows(r.get(0, 4));
    m.fields = parse_rows(r.get(0, 5));
    done(std::move(out));
  });
}

pg::statement upsert_object_row(const std::string& workspace_id, const std::string& id,
                                bool is_custom, const json::object& definition) {
  return {
      "INSERT INTO core.object_metadata (workspace_id, id, is_custom, definition) "
      "VALUES ($1::uuid, $2::uuid, $3::boolean, $4::jsonb) ON CONFLICT (workspace_id, id) "
      "DO UPDATE SET definition = EXCLUDED.definition, updated_at = now()",
      {workspace_id, id, is_custom ? "true" : "false", json::serialize(definition)}};
}

pg::statement upsert_field_row(const std::string& workspace_id, const std::string& id,
                               const std::string& object_id, bool is_custom,
                               const json::object& definition) {
  return {
      "INSERT INTO core.field_metadata (workspace_id, id, object_id, is_custom, definition) "
      "VALUES ($1::uuid, $2::uuid, $3::uuid, $4::boolean, $5::jsonb) "
      "ON CONFLICT (workspace_id, id) "
      "DO UPDATE SET definition = EXCLUDED.definition, updated_at = now()",
      {workspace_id, id, object_id, is_custom ? "true" : "false", json::serialize(definition)}};
}

pg::statement delete_object_row(const std::string& workspace_id, const std::string& id) {
  return {"DELETE FROM core.object_metadata WHERE workspace_id = $1::uuid AND id = $2::uuid",
          {workspace_id, id}};
}

pg::statement delete_field_row(const std::string& workspace_id, const std::string& id) {
  return {"DELETE FROM core.field_metadata WHERE workspace_id = $1::uuid AND id = $2::uuid",
          {workspace_id, id}};
}

pg::statement bump_metadata_version(const std::string& workspace_id) {
  return {
      "UPDATE core.workspace SET metadata_version = metadata_version + 1 "
      "WHERE id = $1::uuid RETURNING metadata_version",
      {workspace_id}};
}

}  // namespace cohort::storage::metadata
