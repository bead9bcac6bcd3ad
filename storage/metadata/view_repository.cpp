#include "storage/metadata/view_repository.hpp"

#include <boost/json.hpp>

namespace cohort::storage::metadata {

namespace json = boost::json;

namespace {

std::string iso(const std::string& column) {
  return "to_char(" + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')";
}

// The API's JSON of a child row `c`.
std::string child_json(const std::string& c) {
  return c + ".data || jsonb_build_object('id', " + c + ".id, 'viewId', " + c +
         ".view_id, 'workspaceId', " + c + ".workspace_id, 'createdAt', " + iso(c + ".created_at") +
         ", 'updatedAt', " + iso(c + ".updated_at") + ", 'deletedAt', " + iso(c + ".deleted_at") +
         ")";
}

std::string children(const std::string& v, std::string_view kind, std::string_view key) {
  // Appended piece by piece: GCC 12 warns a false -Wstringop-overflow on "'" + std::string(...).
  std::string out = "'";
  out += key;
  out += "', (SELECT coalesce(jsonb_agg(" + child_json("c") +
         " ORDER BY (c.data->>'position')::float8 NULLS LAST, c.created_at, c.id), '[]') FROM "
         "core.view_entity c WHERE c.workspace_id = " +
         v + ".workspace_id AND c.view_id = " + v + ".id AND c.kind = '";
  out += kind;
  out += "' AND c.deleted_at IS NULL)";
  return out;
}

// The API's JSON (as text) of row `e` of any kind.
std::string entity_json(const std::string& e) {
  return "(CASE WHEN " + e + ".kind = 'view' THEN " + e + ".data || jsonb_build_object('id', " + e +
         ".id, 'objectMetadataId', " + e + ".object_metadata_id, 'workspaceId', " + e +
         ".workspace_id, 'createdAt', " + iso(e + ".created_at") + ", 'updatedAt', " +
         iso(e + ".updated_at") + ", 'deletedAt', " + iso(e + ".deleted_at") +
         ") || jsonb_build_object(" + children(e, "viewField", "viewFields") + ", " +
         children(e, "viewFilter", "viewFilters") + ", " +
         children(e, "viewFilterGroup", "viewFilterGroups") + ", " +
         children(e, "viewSort", "viewSorts") + ", " + children(e, "viewGroup", "viewGroups") +
         ") ELSE " + child_json(e) + " END)::text";
}

void run(pg::pool& pool, std::string sql, pg::params args, view_callback done) {
  pool.query(std::move(sql), std::move(args), [done = std::move(done)](pg::result r) {
    view_rows out;
    if (!r.ok()) {
      out.error = r.error();
      return done(std::move(out));
    }
    for (int i = 0; i < r.rows(); ++i) {
      boost::system::error_code ec;
      auto v = json::parse(r.get(i, 0), ec);
      if (!ec && v.is_object()) out.rows.push_back(std::move(v.as_object()));
    }
    done(std::move(out));
  });
}

const std::string& returning() {
  static const std::string text = " RETURNING " + entity_json("e");
  return text;
}

}  // namespace

std::string_view kind_name(view_kind kind) {
  switch (kind) {
    case view_kind::view:
      return "view";
    case view_kind::view_field:
      return "viewField";
    case view_kind::view_filter:
      return "viewFilter";
    case view_kind::view_filter_group:
      return "viewFilterGroup";
    case view_kind::view_sort:
      return "viewSort";
    case view_kind::view_group:
      return "viewGroup";
  }
  return "view";
}

json::object default_view_data(view_kind kind) {
  const char* text = "{}";
  switch (kind) {
    case view_kind::view:
      text = R"({"name":"","type":"TABLE","key":null,"icon":"","position":0,"isCompact":false,)"
             R"("isCustom":false,"openRecordIn":"SIDE_PANEL","kanbanAggregateOperation":null,)"
             R"("kanbanAggregateOperationFieldMetadataId":null,"calendarFieldMetadataId":null,)"
             R"("anyFieldFilterValue":null,"calendarLayout":null})";
      break;
    case view_kind::view_field:
      text = R"({"isVisible":true,"size":0,"position":0,"aggregateOperation":null})";
      break;
    case view_kind::view_filter:
      text = R"({"operand":"IS","value":"","viewFilterGroupId":null,)"
             R"("positionInViewFilterGroup":null,"subFieldName":null})";
      break;
    case view_kind::view_filter_group:
      text = R"({"parentViewFilterGroupId":null,"logicalOperator":"AND",)"
             R"("positionInViewFilterGroup":null})";
      break;
    case view_kind::view_sort:
      text = R"({"direction":"ASC"})";
      break;
    case view_kind::view_group:
      text = R"({"isVisible":true,"fieldValue":"","position":0})";
      break;
  }
  return json::parse(text).as_object();
}

void list_view_entities(pg::pool& pool, const std::string& workspace_id, view_kind kind,
                        const std::optional<std::string>& parent, view_callback done) {
  const std::string parent_column = kind == view_kind::view ? "object_metadata_id" : "view_id";
  std::string sql = "SELECT " + entity_json("e") +
                    " FROM core.view_entity e WHERE e.workspace_id = $1::uuid AND e.kind = $2 "
                    "AND e.deleted_at IS NULL AND ($3::uuid IS NULL OR e." +
                    parent_column +
                    " = $3::uuid) ORDER BY (e.data->>'position')::float8 NULLS LAST, "
                    "e.created_at, e.id";
  run(pool, std::move(sql), {workspace_id, std::string(kind_name(kind)), parent}, std::move(done));
}

void find_view_entity(pg::pool& pool, const view_key& key, view_callback done) {
  run(pool,
      "SELECT " + entity_json("e") +
          " FROM core.view_entity e WHERE e.workspace_id = $1::uuid AND e.kind = $2 AND "
          "e.id = $3::uuid AND e.deleted_at IS NULL",
      {key.workspace_id, std::string(kind_name(key.kind)), key.id}, std::move(done));
}

pg::statement insert_view_entity_statement(const view_key& key, const std::string& parent,
                                           const json::object& data) {
  const bool view = key.kind == view_kind::view;
  return {
      "INSERT INTO core.view_entity AS e (workspace_id, kind, id, view_id, "
      "object_metadata_id, data) VALUES ($1::uuid, $2, $3::uuid, $4::uuid, $5::uuid, $6::jsonb)",
      {key.workspace_id, std::string(kind_name(key.kind)), key.id,
       view ? std::nullopt : std::optional<std::string>(parent),
       view ? std::optional<std::string>(parent) : std::nullopt, json::serialize(data)}};
}

void insert_view_entity(pg::pool& pool, const view_key& key, const std::string& parent,
                        const json::object& data, view_callback done) {
  auto statement = insert_view_entity_statement(key, parent, data);
  run(pool, statement.sql + returning(), std::move(statement.args), std::move(done));
}

pg::statement destroy_views_of_object(const std::string& workspace_id,
                                      const std::string& object_id) {
  return {
      "DELETE FROM core.view_entity WHERE workspace_id = $1::uuid AND (object_metadata_id = "
      "$2::uuid OR view_id IN (SELECT id FROM core.view_entity WHERE workspace_id = $1::uuid "
      "AND object_metadata_id = $2::uuid))",
      {workspace_id, object_id}};
}

pg::statement destroy_view_children_of_field(const std::string& workspace_id,
                                             const std::string& field_id) {
  return {
      "DELETE FROM core.view_entity WHERE workspace_id = $1::uuid AND kind <> 'view' AND "
      "data->>'fieldMetadataId' = $2",
      {workspace_id, field_id}};
}

void update_view_entity(pg::pool& pool, const view_key& key, const json::object& patch,
                        const std::optional<std::string>& new_view, view_callback done) {
  run(pool,
      "UPDATE core.view_entity AS e SET data = e.data || $4::jsonb, view_id = "
      "coalesce($5::uuid, e.view_id), updated_at = now() WHERE e.workspace_id = $1::uuid AND "
      "e.kind = $2 AND e.id = $3::uuid AND e.deleted_at IS NULL" +
          returning(),
      {key.workspace_id, std::string(kind_name(key.kind)), key.id, json::serialize(patch),
       new_view},
      std::move(done));
}

void delete_view_entity(pg::pool& pool, const view_key& key, view_callback done) {
  run(pool,
      "UPDATE core.view_entity AS e SET deleted_at = now(), updated_at = now() WHERE "
      "e.workspace_id = $1::uuid AND e.kind = $2 AND e.id = $3::uuid AND e.deleted_at IS NULL" +
          returning(),
      {key.workspace_id, std::string(kind_name(key.kind)), key.id}, std::move(done));
}

void destroy_view_entity(pg::pool& pool, const view_key& key, view_callback done) {
  // The children go in the same statement, before their view (a data-modifying CTE).
  run(pool,
      "WITH gone_children AS (DELETE FROM core.view_entity WHERE workspace_id = $1::uuid AND "
      "view_id = $3::uuid AND $2 = 'view') DELETE FROM core.view_entity AS e WHERE "
      "e.workspace_id = $1::uuid AND e.kind = $2 AND e.id = $3::uuid" +
          returning(),
      {key.workspace_id, std::string(kind_name(key.kind)), key.id}, std::move(done));
}

std::vector<pg::statement> follow_options_in_views(const std::string& workspace_id,
                                                   const std::string& field_id,
                                                   const json::object& renamed) {
  const std::string mapping = json::serialize(renamed);
  const pg::params args{workspace_id, field_id, mapping};
  const std::string on_field = "workspace_id = $1::uuid AND data->>'fieldMetadataId' = $2 AND ";
  return {
      {"DELETE FROM core.view_entity WHERE " + on_field +
           "kind = 'viewGroup' AND $3::jsonb ? (data->>'fieldValue') AND "
           "jsonb_typeof($3::jsonb -> (data->>'fieldValue')) = 'null'",
       args},
      {"UPDATE core.view_entity SET data = jsonb_set(data, '{fieldValue}', $3::jsonb -> "
       "(data->>'fieldValue')), updated_at = now() WHERE " +
           on_field + "kind = 'viewGroup' AND $3::jsonb ? (data->>'fieldValue')",
       args},
      {"UPDATE core.view_entity AS e SET data = jsonb_set(e.data, '{value}', CASE WHEN "
       "jsonb_typeof(e.data->'value') = 'array' THEN m.mapped ELSE to_jsonb(m.mapped::text) END), "
       "updated_at = now() FROM (SELECT s.id, (SELECT coalesce(jsonb_agg(CASE WHEN $3::jsonb ? v "
       "THEN $3::jsonb -> v ELSE to_jsonb(v) END ORDER BY n) FILTER (WHERE NOT $3::jsonb ? v OR "
       "jsonb_typeof($3::jsonb -> v) <> 'null'), '[]'::jsonb) FROM "
       "jsonb_array_elements_text(s.arr) WITH ORDINALITY AS x(v, n)) AS mapped FROM (SELECT id, "
       "CASE WHEN jsonb_typeof(data->'value') = 'array' THEN data->'value' ELSE "
       "core.try_jsonb(data->>'value') END AS arr FROM core.view_entity WHERE " +
           on_field +
           "kind = 'viewFilter') s WHERE jsonb_typeof(s.arr) = 'array') m WHERE e.workspace_id = "
           "$1::uuid AND e.id = m.id",
       args},
  };
}

}  // namespace cohort::storage::metadata
