#include "storage/query/merge_compiler.hpp"

#include <algorithm>
#include <boost/json/serialize.hpp>

#include "model/composite_types.hpp"
#include "storage/query/field_access.hpp"
#include "storage/query/filter_operators.hpp"
#include "storage/query/projection.hpp"
#include "storage/query/query_failure.hpp"
#include "storage/query/sql_text.hpp"
#include "storage/query/write_values.hpp"

namespace cohort::storage::query {
namespace {

using model::field_type;

constexpr std::string_view now_sql = "date_trunc('milliseconds', now())";

void validate(const model::object_metadata& object, const model::record_query& query) {
  if (object.duplicate_criteria.empty()) {
    fail(bad_user_input("Merge is only available for objects with duplicate criteria. Object '" +
                            object.name_singular + "' does not have duplicate criteria defined.",
                        "INVALID_QUERY_INPUT"));
  }
  const std::size_t n = query.ids ? query.ids->size() : 0;
  if (n < 2)
    fail(bad_user_input("At least 2 record IDs are required for merge", "INVALID_QUERY_INPUT"));
  if (n > max_merge_records) {
    fail(bad_user_input(numbered("Maximum ", max_merge_records) + " records can be merged at once",
                        "INVALID_QUERY_INPUT"));
  }
  const auto index = query.conflict_priority_index;
  if (index < 0 || static_cast<std::size_t>(index) >= n) {
    const std::string shown = index < 0 ? "-" + numbered("", static_cast<std::size_t>(-index))
                                        : numbered("", static_cast<std::size_t>(index));
    fail(bad_user_input("Invalid conflict priority '" + shown + "'. Valid options for " +
                            numbered("", n) + " records: 0-" + numbered("", n - 1),
                        "INVALID_QUERY_INPUT"));
  }
  for (const auto& id : *query.ids) {
    if (!is_uuid(id)) fail(bad_user_input("Invalid UUID", "INVALID_ARGS_ID"));
  }
}

// Twenty's hasRecordFieldValue for one column of the `src` rows: not NULL, and not an empty
// string, array or JSON value.
std::string has_value(compile_context& ctx, const model::object_metadata& object,
                      const std::string& column, const std::string& alias = "src") {
  const std::string ref = column_ref(alias, column);
  const std::string& type = ctx.column_type(object, column);
  if (type.ends_with("[]")) return "COALESCE(cardinality(" + ref + "), 0) > 0";
  if (type == "jsonb" || type == "json") {
    return "(" + ref + " IS NOT NULL AND " + ref + "::text NOT IN ('null', '{}', '[]', '\"\"'))";
  }
  if (type == "text" || type.starts_with("character")) {
    return "(" + ref + " IS NOT NULL AND " + ref + " <> '')";
  }
  return ref + " IS NOT NULL";
}

// One merged column, as a jsonb expression over the `src` rows (evaluated once in `picked`).
struct merged_column {
  std::string column;
  std::string pick;  // aggregate over src: the winning value, NULL when no record has one
};

// The value of `column` from the record that wins among those satisfying `has`: the priority
// record first, then the others in `ids` order.
std::string pick_sql(const std::string& column, const std::string& has) {
  return "(array_agg(to_jsonb(" + column_ref("src", column) +
         ") ORDER BY src.__prio DESC, src.__ord) FILTER (WHERE " + has + "))[1]";
}

// The additional list of a multi-value composite: every other record's primary value and every
// record's additional values, in record order, once by `key`, without the winning primary.
struct multi_value {
  std::string primary_item;  // jsonb of one record's primary, over alias s
  std::string has_primary;   // over alias s
  std::string additional;    // the additional column
  std::string key;           // text key of an item v
};

std::string additional_sql(const multi_value& mv, const std::string& chosen_key) {
  auto key_of = [&](const std::string& v) {
    std::string k = mv.key;
    for (auto at = k.find("$v"); at != std::string::npos; at = k.find("$v", at + v.size()))
      k.replace(at, 2, v);
    return k;
  };
  const std::string add = column_ref("s", mv.additional) + "::jsonb";
  return "(SELECT jsonb_agg(u.v ORDER BY u.p) FROM (SELECT DISTINCT ON (" + key_of("a.v") +
         ") a.v, a.p FROM (SELECT " + mv.primary_item +
         " AS v, s.__ord * 1000 AS p FROM src s WHERE " + mv.has_primary +
         " UNION ALL SELECT e.v, s.__ord * 1000 + e.k FROM src s CROSS JOIN LATERAL "
         "jsonb_array_elements(CASE WHEN jsonb_typeof(" +
         add + ") = 'array' THEN " + add +
         " ELSE '[]'::jsonb END) WITH ORDINALITY e(v, k)) a WHERE " + key_of("a.v") +
         " IS NOT NULL AND " + key_of("a.v") + " <> '' ORDER BY " + key_of("a.v") +
         ", a.p) u WHERE " + key_of("u.v") + " IS DISTINCT FROM " + chosen_key + ")";
}

struct merge_plan {
  std::vector<merged_column> picks;                          // columns picked in `picked`
  std::vector<std::pair<std::string, std::string>> derived;  // column, jsonb over `picked`
  std::vector<std::string> fields;                           // merged field names (updatedFields)
};

std::string pcol(std::size_t i) {
  return "picked." + numbered("p", i);
}

// Adds one picked column; returns its reference in `picked`.
std::string add_pick(merge_plan& plan, const std::string& column, const std::string& has) {
  plan.picks.push_back({column, pick_sql(column, has)});
  return pcol(plan.picks.size() - 1);
}

void plan_multi_value(compile_context& ctx, const model::object_metadata& object,
                      const model::field_metadata& field, merge_plan& plan) {
  auto col = [&](std::string_view sub) { return model::composite_column_name(field.name, sub); };
  auto s_ref = [&](std::string_view sub) { return column_ref("s", col(sub)); };
  std::vector<std::string> primaries;  // picked together, by whether the main one has a value
  multi_value mv;
  std::string main;
  if (field.type == field_type::emails) {
    primaries = {col("primaryEmail")};
    main = col("primaryEmail");
    mv = {"to_jsonb(" + s_ref("primaryEmail") + ")", "", col("additionalEmails"), "($v #>> '{}')"};
  } else if (field.type == field_type::phones) {
    primaries = {col("primaryPhoneNumber"), col("primaryPhoneCountryCode"),
                 col("primaryPhoneCallingCode")};
    main = col("primaryPhoneNumber");
    mv = {"jsonb_build_object('number', " + s_ref("primaryPhoneNumber") + ", 'countryCode', " +
              s_ref("primaryPhoneCountryCode") + ", 'callingCode', " +
              s_ref("primaryPhoneCallingCode") + ")",
          "", col("additionalPhones"), "($v ->> 'number')"};
  } else {
    primaries = {col("primaryLinkUrl"), col("primaryLinkLabel")};
    main = col("primaryLinkUrl");
    mv = {"jsonb_build_object('url', " + s_ref("primaryLinkUrl") + ", 'label', " +
              s_ref("primaryLinkLabel") + ")",
          "", col("secondaryLinks"), "($v ->> 'url')"};
  }
  const std::string has_main = has_value(ctx, object, main);
  mv.has_primary = has_value(ctx, object, main, "s");
  std::string chosen;
  for (const auto& column : primaries) {
    const std::string ref = add_pick(plan, column, has_main);
    if (column == main) chosen = ref;
  }
  plan.derived.emplace_back(mv.additional, additional_sql(mv, "(" + chosen + " #>> '{}')"));
  plan.fields.push_back(field.name);
}

merge_plan plan_merge(compile_context& ctx, const model::object_metadata& object) {
  merge_plan plan;
  for (const auto& field : object.fields) {
    // System fields and the server's own stamps keep the survivor's values (Twenty merges only
    // non-system fields).
    if (field.is_system || field.is_one_to_many()) continue;
    if (field.name == "id" || field.name == "createdAt" || field.name == "updatedAt" ||
        field.name == "deletedAt") {
      continue;
    }
    switch (field.type) {
      case field_type::actor:
      case field_type::ts_vector:
      case field_type::position:
      case field_type::files:
      case field_type::morph_relation:
        continue;
      default:
        break;
    }
    if (field.type == field_type::relation && !field.is_many_to_one()) continue;
    if (field.is_many_to_one()) {
      const std::string column = join_column(field);
      add_pick(plan, column, has_value(ctx, object, column));
      plan.fields.push_back(field.name);
      continue;
    }
    if (field.type == field_type::emails || field.type == field_type::phones ||
        field.type == field_type::links) {
      plan_multi_value(ctx, object, field, plan);
      continue;
    }
    if (const auto* composite = model::find_composite_type(field.type)) {
      // The whole composite comes from one record: the first that has any of its parts.
      std::string any;
      for (const auto& sub : composite->subfields) {
        any += (any.empty() ? "" : " OR ") +
               has_value(ctx, object, model::composite_column_name(field.name, sub.name));
      }
      for (const auto& sub : composite->subfields) {
        add_pick(plan, model::composite_column_name(field.name, sub.name), "(" + any + ")");
      }
      plan.fields.push_back(field.name);
      continue;
    }
    if (field.type == field_type::array || field.type == field_type::multi_select) {
      // Union of every record's values, in record order, once each.
      const std::string ref = column_ref("s", field.name);
      plan.derived.emplace_back(
          field.name,
          "(SELECT to_jsonb(array_agg(u.x ORDER BY u.p)) FROM (SELECT DISTINCT ON "
          "(e.x) e.x, s.__ord * 1000 + e.k AS p FROM src s CROSS JOIN LATERAL unnest(" +
              ref + ") WITH ORDINALITY e(x, k) ORDER BY e.x, s.__ord, e.k) u)");
      plan.fields.push_back(field.name);
      continue;
    }
    add_pick(plan, field.name, has_value(ctx, object, field.name));
    plan.fields.push_back(field.name);
  }
  return plan;
}

// jsonb_build_object over (column, value) pairs, in chunks below PostgreSQL's argument limit.
std::string jsonb_object_sql(const std::vector<std::pair<std::string, std::string>>& pairs) {
  std::string out;
  for (std::size_t i = 0; i < pairs.size(); i += 40) {
    std::string chunk = "jsonb_build_object(";
    for (std::size_t j = i; j < std::min(pairs.size(), i + 40); ++j) {
      chunk += (j > i ? ", " : "") + literal(pairs[j].first) + ", " + pairs[j].second;
    }
    out += (out.empty() ? "" : " || ") + chunk + ")";
  }
  return out.empty() ? "'{}'::jsonb" : out;
}

// The many-to-one fields of any object that point at `object`: (their object, join column).
std::vector<std::pair<const model::object_metadata*, std::string>> incoming_relations(
    const model::workspace_model& model, const model::object_metadata& object) {
  std::vector<std::pair<const model::object_metadata*, std::string>> out;
  for (const auto& other : model.objects()) {
    for (const auto& field : other.fields) {
      if (!field.is_active || !field.is_many_to_one()) continue;
      if (field.relation->target_object_name != object.name_singular) continue;
      out.emplace_back(&other, join_column(field));
    }
  }
  return out;
}

}  // namespace

compiled_statement compile_merge(compile_context& ctx, const model::object_metadata& object,
                                 const model::record_query& query) {
  validate(object, query);
  const auto& ids = *query.ids;
  const std::string table = ctx.table(object);
  const bool soft = object.find_field("deletedAt") != nullptr;
  std::vector<std::optional<std::string>> id_items(ids.begin(), ids.end());
  const std::string survivor =
      ctx.bind(ids[static_cast<std::size_t>(query.conflict_priority_index)], "uuid");

  std::string sql = "WITH src AS (SELECT t.*, s.ord AS __ord, (t.\"id\" = " + survivor +
                    ") AS __prio FROM unnest(" + ctx.bind(pg_array_literal(id_items), "uuid[]") +
                    ") WITH ORDINALITY AS s(id, ord) JOIN " + table + " t ON t.\"id\" = s.id" +
                    (soft ? " AND t.\"deletedAt\" IS NULL" : "") + "), ";
  // Every id must name a live record (Twenty's RECORD_NOT_FOUND), checked before any write.
  sql +=
      "guard AS (SELECT 1 FROM (SELECT count(DISTINCT src.\"id\") AS n FROM src) c WHERE CASE "
      "WHEN c.n <> " +
      numbered("", ids.size()) +
      " THEN core.raise_record_error('One or more records not found', 'RECORD_NOT_FOUND', "
      "'NOT_FOUND') ELSE false END), ";

  const merge_plan plan = plan_merge(ctx, object);
  std::vector<std::pair<std::string, std::string>> merged;
  sql += "picked AS (SELECT ";
  for (std::size_t i = 0; i < plan.picks.size(); ++i) {
    // No record with a value: the survivor keeps its own (empty) one.
    const auto& p = plan.picks[i];
    sql += (i ? ", " : "") + std::string("COALESCE(") + p.pick + ", (array_agg(to_jsonb(" +
           column_ref("src", p.column) + ")) FILTER (WHERE src.__prio))[1]) AS " + numbered("p", i);
    merged.emplace_back(p.column, pcol(i));
  }
  if (plan.picks.empty()) sql += "1 AS p";
  sql += " FROM src), ";
  for (const auto& [column, value] : plan.derived) merged.emplace_back(column, value);
  sql += "merged AS (SELECT " + jsonb_object_sql(merged) + " AS m FROM picked), ";

  const std::string a = ctx.alias();
  if (query.dry_run) {
    const std::string record = record_json_sql(ctx, object, a, query.record, 0);
    // Twenty's dry run: the survivor with the merged values, a fresh id and deletedAt set.
    std::string extra = "jsonb_build_object('id', " + ctx.bind(new_uuid(), "text");
    if (soft) extra += ", 'deletedAt', to_jsonb(" + std::string(now_sql) + ")";
    extra += ")";
    sql += "dry AS (SELECT (jsonb_populate_record(t, merged.m || " + extra + ")).* FROM " + table +
           " t, merged WHERE t.\"id\" = " + survivor + " AND NOT EXISTS (SELECT 1 FROM guard)) ";
    sql += "SELECT CASE WHEN EXISTS (SELECT 1 FROM guard) THEN NULL ELSE (SELECT " + record +
           " FROM dry " + a + ") END";
    return {std::move(sql), {}, true};
  }

  const std::string not_guarded = "NOT EXISTS (SELECT 1 FROM guard)";
  const std::string workspace = ctx.bind(ctx.model().workspace_id(), "uuid");
  const std::string actor = ctx.bind(actor_json(query.actor), "jsonb");
  const auto full_selection = full_record_selection(object);
  auto full_of = [&](const std::string& alias) {
    std::string json = "(";
    json += record_json_sql(ctx, object, alias, full_selection, 0);
    return json + ")::jsonb";
  };
  auto outbox = [&](const std::string& object_name, const std::string& action,
                    const std::string& from, const std::string& id, const std::string& before,
                    const std::string& after, const std::string& fields) {
    return "INSERT INTO core.outbox (workspace_id, object_name, action, record_id, before, after, "
           "updated_fields, actor) SELECT " +
           workspace + ", " + literal(object_name) + ", " + literal(action) + ", " + id + ", " +
           before + ", " + after + ", " + fields + ", " + actor + " FROM " + from;
  };

  // Relations of the others now point at the survivor.
  const auto incoming = incoming_relations(ctx.model(), object);
  // Each related object's rows after the move (its table, with the moved rows as `mvN` returned
  // them), for the answer's nested relations: the CTEs' changes are invisible to the rest of the
  // statement otherwise.
  std::vector<std::pair<std::string, std::string>> moved_rows;
  for (std::size_t i = 0; i < incoming.size(); ++i) {
    const auto& [other, column] = incoming[i];
    const std::string mv = numbered("mv", i);
    const std::string r = ctx.alias();
    sql += mv + " AS (UPDATE " + ctx.table(*other) + " " + r + " SET " + ident(column) + " = " +
           survivor + " FROM src WHERE " + column_ref(r, column) +
           " = src.\"id\" AND NOT src.__prio AND " + not_guarded + " RETURNING " + r + ".*), ";
    const std::string o = ctx.alias();
    const std::string b = ctx.alias();
    const auto selection = full_record_selection(*other);
    const std::string after = record_json_sql(ctx, *other, o, selection, 0);
    const std::string before = record_json_sql(ctx, *other, b, selection, 0);
    std::string field_name = column;
    for (const auto& f : other->fields) {
      if (f.is_many_to_one() && join_column(f) == column) field_name = f.name;
    }
    const std::string mv_rows = "SELECT * FROM " + mv;
    auto known = std::find_if(moved_rows.begin(), moved_rows.end(),
                              [&](const auto& m) { return m.first == other->name_singular; });
    if (known == moved_rows.end()) {
      moved_rows.emplace_back(other->name_singular, mv_rows);
    } else {
      known->second += " UNION " + mv_rows;
    }
    sql += numbered("ob_mv", i) + " AS (" +
           outbox(other->name_singular, "updated", mv + " " + o, column_ref(o, "id"),
                  "(SELECT (" + before + ")::jsonb FROM " + ctx.table(*other) + " " + b +
                      " WHERE " + column_ref(b, "id") + " = " + column_ref(o, "id") + ")",
                  "(" + after + ")::jsonb", ctx.bind(pg_array_literal({field_name}), "text[]")) +
           "), ";
  }

  // The others go to the trash (destroyed when the object has no soft delete).
  const std::string d = ctx.alias();
  if (soft) {
    sql += "gone AS (UPDATE " + table + " " + d + " SET \"deletedAt\" = " + std::string(now_sql) +
           " FROM src WHERE " + column_ref(d, "id") + " = src.\"id\" AND NOT src.__prio AND " +
           not_guarded + " RETURNING " + d + ".*), ";
  } else {
    sql += "gone AS (DELETE FROM " + table + " " + d + " USING src WHERE " + column_ref(d, "id") +
           " = src.\"id\" AND NOT src.__prio AND " + not_guarded + " RETURNING " + d + ".*), ";
  }
  sql += "ob_gone AS (" +
         outbox(object.name_singular, soft ? "deleted" : "destroyed",
                "gone " + d + " JOIN src ON src.\"id\" = " + column_ref(d, "id"),
                column_ref(d, "id"), full_of("src"), soft ? full_of(d) : "NULL", "NULL") +
         "), ";

  // The survivor takes the merged values.
  const std::string u = ctx.alias();
  sql += "upd AS (UPDATE " + table + " " + u + " SET ";
  bool first = true;
  for (const auto& [column, value] : merged) {
    sql += (first ? "" : ", ") + ident(column) + " = r." + ident(column);
    first = false;
  }
  if (object.find_field("updatedAt")) {
    sql += std::string(first ? "" : ", ") + "\"updatedAt\" = " + std::string(now_sql);
    first = false;
  }
  if (first) sql += "\"id\" = " + column_ref(u, "id");
  std::vector<std::optional<std::string>> fields(plan.fields.begin(), plan.fields.end());
  sql += " FROM (SELECT (jsonb_populate_record(NULL::" + table +
         ", merged.m)).* FROM merged) r WHERE " + column_ref(u, "id") + " = " + survivor + " AND " +
         not_guarded +
         // Read `gone` first: the others leave the unique indexes (partial on deletedAt IS NULL)
         // before the survivor takes over one of their values, e.g. their primary e-mail.
         " AND (SELECT count(*) FROM gone) >= 0 RETURNING " + u + ".*), ";
  sql +=
      "ob_upd AS (" +
      outbox(object.name_singular, "updated",
             "upd " + u + " JOIN src ON src.\"id\" = " + column_ref(u, "id"), column_ref(u, "id"),
             full_of("src"), full_of(u), ctx.bind(pg_array_literal(fields), "text[]")) +
      ") ";
  for (const auto& [name, moved] : moved_rows) {
    const std::string x = ctx.alias();
    const auto& other = ctx.object(name);
    ctx.read_rows_from(name, "(SELECT * FROM " + ctx.table(other) + " " + x + " WHERE " +
                                 column_ref(x, "id") + " NOT IN (SELECT \"id\" FROM (" + moved +
                                 ") m) UNION ALL (" + moved + "))");
  }
  const std::string record = record_json_sql(ctx, object, a, query.record, 0);
  ctx.clear_row_sources();
  sql += "SELECT CASE WHEN EXISTS (SELECT 1 FROM guard) THEN NULL ELSE (SELECT " + record +
         " FROM upd " + a + ") END";
  return {std::move(sql), {}, true};
}

}  // namespace cohort::storage::query
