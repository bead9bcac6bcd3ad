#include "storage/query/search.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <iterator>

#include "model/composite_types.hpp"
#include "storage/query/compile_context.hpp"
#include "storage/query/cursor.hpp"
#include "storage/query/db_errors.hpp"
#include "storage/query/filter_compiler.hpp"
#include "storage/query/filter_operators.hpp"
#include "storage/query/permission_check.hpp"
#include "storage/query/query_failure.hpp"
#include "storage/query/sql_text.hpp"

namespace cohort::storage::query {

namespace {

using model::field_type;

// What a search result shows for a record: its label identifier as text ("<first> <last>" for a
// name, as Twenty shows " " for an unnamed member).
std::string label_sql(const model::object_metadata& object, const std::string& alias) {
  const auto* field = object.label_identifier_field();
  if (!field) return "''";
  auto col = [&](std::string_view sub) {
    return column_ref(alias, model::composite_column_name(field->name, sub));
  };
  switch (field->type) {
    case field_type::full_name:
      return "COALESCE(" + col("firstName") + ", '') || ' ' || COALESCE(" + col("lastName") +
             ", '')";
    case field_type::text:
      return "COALESCE(" + column_ref(alias, field->name) + ", '')";
    default:
      if (model::find_composite_type(field->type)) return "''";
      return "COALESCE(" + column_ref(alias, field->name) + "::text, '')";
  }
}

// The record's picture: its image identifier (an avatar URL), or for a company the logo Twenty
// derives from the domain.
std::string image_sql(const model::object_metadata& object, const std::string& alias) {
  if (object.name_singular == "company" && object.find_field("domainName")) {
    const std::string url = column_ref(alias, "domainNamePrimaryLinkUrl");
    return "CASE WHEN COALESCE(" + url +
           ", '') = '' THEN '' ELSE 'https://twenty-icons.com/' || "
           "regexp_replace(regexp_replace(" +
           url + ", '^[a-zA-Z]+://(www\\.)?', ''), '[/?#].*$', '') END";
  }
  const auto* field = object.image_identifier_field();
  if (!field || field->type != field_type::text) return "''";
  return "COALESCE(" + column_ref(alias, field->name) + ", '')";
}

// The match itself reveals the searched fields, the hit shows the label and image: all of them
// must be readable.
bool readable(const model::object_metadata& object, const search_request& request) {
  const auto* permissions = request.permissions.get();
  if (!may_read_object(permissions, object)) return false;
  for (const auto& name : object.search_fields) {
    const auto* field = object.find_field(name);
    if (field && !may_read_field(permissions, object, *field)) return false;
  }
  for (const auto* field : {object.label_identifier_field(), object.image_identifier_field()}) {
    if (field && !may_read_field(permissions, object, *field)) return false;
  }
  return true;
}

bool searched(const model::object_metadata& object, const search_request& request) {
  if (!object.is_active || !object.is_searchable) return false;
  const auto* vector = object.find_field("searchVector");
  if (!vector || vector->type != field_type::ts_vector) return false;
  if (!readable(object, request)) return false;
  if (request.included && std::find(request.included->begin(), request.included->end(),
                                    object.name_singular) == request.included->end()) {
    return false;
  }
  return std::find(request.excluded.begin(), request.excluded.end(), object.name_singular) ==
         request.excluded.end();
}

// The cursor's keyset: rows ranked lower, or tied and not yet shown for their object.
std::string after_condition(compile_context& ctx, const std::string& cursor) {
  auto decoded = decode_cursor(cursor);
  const boost::json::object* ranks = nullptr;
  if (decoded) {
    if (auto* r = decoded->if_contains("lastRanks"); r && r->is_object()) ranks = &r->get_object();
  }
  const boost::json::value* cd = ranks ? ranks->if_contains("tsRankCD") : nullptr;
  const boost::json::value* rank = ranks ? ranks->if_contains("tsRank") : nullptr;
  if (!cd || !rank || !cd->is_number() || !rank->is_number()) {
    fail(bad_user_input("Invalid cursor: " + cursor, "INVALID_CURSOR"));
  }
  const std::string c = ctx.bind(boost::json::serialize(*cd), "float4");
  const std::string r = ctx.bind(boost::json::serialize(*rank), "float4");
  // Ties are ordered by (object, id); the last hit is the last key of lastRecordIdsPerObject
  // (its object moves to the end whenever it gets a new id), so the page goes on after it.
  std::string after_tie = "TRUE";
  if (auto* ids = decoded->if_contains("lastRecordIdsPerObject"); ids && ids->is_object()) {
    const auto& per_object = ids->get_object();
    if (!per_object.empty()) {
      const auto& [object, id] = *std::prev(per_object.end());
      if (!id.is_string() || !is_uuid(id.get_string())) {
        fail(bad_user_input("Invalid cursor: " + cursor, "INVALID_CURSOR"));
      }
      after_tie = "(h.object, h.id) > (" + ctx.bind(std::string(object), "text") + ", " +
                  ctx.bind(std::string(id.get_string()), "uuid") + ")";
    }
  }
  return "(h.rank_cd < " + c + " OR (h.rank_cd = " + c + " AND h.rank < " + r +
         ") OR (h.rank_cd = " + c + " AND h.rank = " + r + " AND " + after_tie + "))";
}

struct compiled_search {
  std::string sql;
  pg::params params;
  int limit = 0;
};

compiled_search compile_search(const model::workspace_model& model, const search_request& request) {
  compile_context ctx(model);
  const std::string words = ts_prefix_query(request.text);
  const std::string query = words.empty() ? ""
                                          : "to_tsquery('simple', core.unaccent_immutable(" +
                                                ctx.bind(words, "text") + "))";
  const std::string needle =
      words.empty() ? "" : "lower(core.unaccent_immutable(" + ctx.bind(request.text, "text") + "))";

  std::vector<std::string> selects;
  for (const auto& object : model.objects()) {
    if (!searched(object, request)) continue;
    const std::string t = ctx.alias();
    const std::string vector = column_ref(t, "searchVector");
    const std::string label = label_sql(object, t);
    std::string where = scoped_filter(ctx, object, t, request.filter);
    std::string ranks = "0::float4, 0::float4";
    if (!query.empty()) {
      where += " AND (" + vector + " @@ " + query + " OR position(" + needle +
               " in lower(core.unaccent_immutable(" + label + "))) > 0)";
      ranks = "ts_rank_cd(" + vector + ", " + query + "), ts_rank(" + vector + ", " + query + ")";
    }
    selects.push_back("SELECT " + ctx.bind(object.name_singular, "text") + " AS object, " +
                      column_ref(t, "id") + " AS id, " + label + " AS label, " +
                      image_sql(object, t) + " AS image, " + ranks + " FROM " + ctx.table(object) +
                      " " + t + " WHERE " + where);
  }
  compiled_search out;
  out.limit = std::clamp(request.limit, 0, max_search_limit);
  if (selects.empty()) return out;
  std::string hits;
  for (const auto& s : selects) hits += (hits.empty() ? "" : " UNION ALL ") + s;
  std::string sql =
      "SELECT h.object, h.id, h.label, h.image, h.rank_cd::text, h.rank::text FROM (" + hits +
      ") AS h(object, id, label, image, rank_cd, rank)";
  if (request.after) sql += " WHERE " + after_condition(ctx, *request.after);
  sql += " ORDER BY h.rank_cd DESC, h.rank DESC, h.object, h.id LIMIT " +
         ctx.bind(std::to_string(out.limit + 1), "int8");
  out.sql = std::move(sql);
  out.params = ctx.take_params();
  return out;
}

// Twenty's search cursor: the ranks of the hit and, per object, the last record shown so far.
// The ranks are written as PostgreSQL printed them, as Twenty's driver hands them over.
std::string cursor_after(const std::string& cd, const std::string& rank,
                         const boost::json::object& last_ids) {
  return base64_encode("{\"lastRanks\":{\"tsRankCD\":" + cd + ",\"tsRank\":" + rank +
                       "},\"lastRecordIdsPerObject\":" + boost::json::serialize(last_ids) + "}");
}

}  // namespace

void search(pg::pool& pool, const model::workspace_model& model, const search_request& request,
            std::function<void(search_result)> done) {
  compiled_search compiled;
  try {
    compiled = compile_search(model, request);
  } catch (const query_failure& failure) {
    done(failure.error());
    return;
  }
  if (compiled.sql.empty() || compiled.limit == 0) {
    done(search_page{});
    return;
  }
  const int limit = compiled.limit;
  // Each cursor carries the last record shown per object since the first page.
  boost::json::object earlier_ids;
  if (request.after) {
    if (auto decoded = decode_cursor(*request.after)) {
      if (auto* ids = decoded->if_contains("lastRecordIdsPerObject"); ids && ids->is_object()) {
        earlier_ids = ids->get_object();
      }
    }
  }
  pool.query(std::move(compiled.sql), std::move(compiled.params),
             [done = std::move(done), limit, earlier_ids](pg::result r) {
               if (!r.ok()) {
                 spdlog::warn("search failed: {}: {}", r.error().sqlstate, r.error().message);
                 done(translate_db_error(r.error()));
                 return;
               }
               search_page page;
               boost::json::object last_ids = earlier_ids;
               const int rows = static_cast<int>(r.rows());
               for (int i = 0; i < rows && i < limit; ++i) {
                 search_hit hit;
                 hit.object = std::string(r.get(i, 0));
                 hit.record_id = std::string(r.get(i, 1));
                 hit.label = std::string(r.get(i, 2));
                 hit.image_url = std::string(r.get(i, 3));
                 const std::string cd(r.get(i, 4)), rank(r.get(i, 5));
                 hit.rank_cd = std::stod(cd);
                 hit.rank = std::stod(rank);
                 last_ids.erase(hit.object);  // to the end: the last hit's object is last
                 last_ids[hit.object] = hit.record_id;
                 page.cursors.push_back(cursor_after(cd, rank, last_ids));
                 page.hits.push_back(std::move(hit));
               }
               page.has_next_page = rows > limit;
               done(std::move(page));
             });
}

}  // namespace cohort::storage::query
