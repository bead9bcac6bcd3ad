#include "storage/query/write_compiler.hpp"

#include <boost/json/serialize.hpp>

#include "model/composite_types.hpp"
#include "storage/query/filter_compiler.hpp"
#include "storage/query/filter_operators.hpp"
#include "storage/query/limits.hpp"
#include "storage/query/projection.hpp"
#include "storage/query/query_failure.hpp"
#include "storage/query/sql_text.hpp"
#include "storage/query/write_values.hpp"

namespace cohort::storage::query {
namespace {

using op = model::record_operation;

// Twenty's clients see milliseconds; storing them keeps cursors and filters exact.
constexpr std::string_view now_sql = "date_trunc('milliseconds', now())";

// createdBy / updatedBy columns for the caller (a given createdBy.source is kept, spec §7.4).
void add_actor_columns(compile_context& ctx, const model::object_metadata& object,
                       const std::string& field, const model::record_actor& actor,
                       const std::optional<std::string>& source, record_values& values) {
  const auto* f = object.find_field(field);
  if (!f || f->type != model::field_type::actor) return;
  auto column = [&](std::string_view sub) { return model::composite_column_name(field, sub); };
  const std::string source_col = column("source");
  values.columns.push_back(
      {source_col, ctx.bind(source.value_or(actor.source), ctx.column_type(object, source_col))});
  // Twenty names the member behind the request: "<first> <last>" of its workspaceMember row.
  // A token minted before activation carries only the user: its member is found by userId.
  // Every expression binds its parameters only when it is used: PostgreSQL refuses a statement
  // with a parameter it never sees.
  const auto* members = ctx.model().find_object("workspaceMember");
  const bool by_user = !actor.workspace_member_id && actor.user_id && members;
  std::string member = by_user
                           ? "(SELECT m.\"id\" FROM " + ctx.table(*members) +
                                 " m WHERE m.\"userId\" = " + ctx.bind(actor.user_id, "uuid") +
                                 " AND m.\"deletedAt\" IS NULL ORDER BY m.\"createdAt\" LIMIT 1)"
                           : ctx.bind(actor.workspace_member_id, "uuid");
  std::string name;
  if (actor.name.empty() && members && (actor.workspace_member_id || by_user)) {
    name = "COALESCE((SELECT m.\"nameFirstName\" || ' ' || m.\"nameLastName\" FROM " +
           ctx.table(*members) + " m WHERE m.\"id\" = " + member + "), '')";
  } else {
    name = ctx.bind(actor.name, "text");
  }
  values.columns.push_back({column("workspaceMemberId"), member});
  values.columns.push_back({column("name"), name});
  // Twenty answers createdBy.context as {} when the caller gave none.
  const std::string context_col = column("context");
  if (!values.has(context_col) && actor.context) {
    values.columns.push_back({context_col, ctx.bind(actor.context, "jsonb")});
  }
}

// upsert: the id a create input lands on. An existing record matches by the input's id or by any
// unique field it gives (emails.primaryEmail, domainName.primaryLinkUrl, ...); inputs matching
// several records are refused; no match inserts under `fallback_id`.
std::string upsert_id_sql(compile_context& ctx, const model::object_metadata& object,
                          const boost::json::object& input, const std::string& fallback_id) {
  const std::string u = ctx.alias();
  std::vector<std::string> unique_matches;
  for (const auto& field : object.fields) {
    if (!field.is_unique || field.name == "id") continue;
    const boost::json::value* given = input.if_contains(field.name);
    std::string column = field.name;
    if (const auto* composite = model::find_composite_type(field.type)) {
      const auto* primary = composite->primary_subfield();
      if (!given || !given->is_object() || !primary) continue;
      given = given->get_object().if_contains(primary->name);
      column = model::composite_column_name(field.name, primary->name);
    }
    if (!given || given->is_null() || (given->is_string() && given->get_string().empty())) continue;
    if (given->is_object() || given->is_array()) continue;
    unique_matches.push_back(column_ref(u, column) + " = " +
                             ctx.bind(scalar_text(*given), ctx.column_type(object, column)));
  }
  std::string condition;
  if (input.contains("id")) condition = column_ref(u, "id") + " = " + ctx.bind(fallback_id, "uuid");
  if (!unique_matches.empty()) {
    std::string any;
    for (const auto& m : unique_matches) any += (any.empty() ? "" : " OR ") + m;
    std::string live = "(" + any + ")";
    if (object.find_field("deletedAt")) live = column_ref(u, "deletedAt") + " IS NULL AND " + live;
    condition += (condition.empty() ? "" : " OR ") + std::string("(") + live + ")";
  }
  const std::string fallback = ctx.bind(fallback_id, "uuid");
  if (condition.empty()) return fallback;
  return "COALESCE((SELECT CASE WHEN count(DISTINCT " + column_ref(u, "id") +
         ") > 1 THEN (CASE WHEN core.raise_record_error(" +
         ctx.bind("Multiple records match the upsert input of " + object.name_singular, "text") +
         ", 'UPSERT_MULTIPLE_MATCHING_RECORDS_CONFLICT', 'BAD_USER_INPUT') THEN NULL END)::uuid "
         "ELSE (array_agg(" +
         column_ref(u, "id") + "))[1] END FROM " + ctx.table(object) + " " + u + " WHERE " +
         condition + "), " + fallback + ")";
}

struct statement_parts {
  std::string workspace;    // bound workspace id
  std::string actor;        // bound actor json
  std::string full_record;  // full record json over alias
};

std::string outbox_insert(const model::object_metadata& object, const statement_parts& parts,
                          const std::string& action_sql, const std::string& rows,
                          const std::string& alias, const std::string& before_sql,
                          const std::string& after_sql, const std::string& fields_sql) {
  return "INSERT INTO core.outbox (workspace_id, object_name, action, record_id, before, after, "
         "updated_fields, actor) SELECT " +
         parts.workspace + ", " + literal(object.name_singular) + ", " + action_sql + ", " +
         column_ref(alias, "id") + ", " + before_sql + ", " + after_sql + ", " + fields_sql + ", " +
         parts.actor + " FROM " + rows;
}

std::string result_select(compile_context& ctx, const model::object_metadata& object,
                          const model::record_query& query, const std::string& rows,
                          const std::string& alias, const std::string& order) {
  const std::string record = record_json_sql(ctx, object, alias, query.record, 0);
  if (!query.many) return "SELECT (SELECT " + record + " FROM " + rows + " " + alias + " LIMIT 1)";
  return "SELECT COALESCE((SELECT json_agg(" + record + order + ") FROM " + rows + " " + alias +
         "), '[]'::json)";
}

compiled_statement compile_create(compile_context& ctx, const model::object_metadata& object,
                                  const model::record_query& query, const statement_parts& parts,
                                  const std::string& a) {
  if (query.data.empty()) fail(bad_user_input("Missing data argument", "INVALID_ARGS_DATA"));
  if (static_cast<std::int64_t>(query.data.size()) > max_mutation_records) {
    fail(bad_user_input(numbered("Maximum number of records to upsert is ",
                                 static_cast<std::size_t>(max_mutation_records)) +
                            ".",
                        "TOO_MANY_RECORDS_TO_UPDATE"));
  }
  const bool has_position = object.find_field("position") != nullptr;
  bool uses_bounds = false;
  std::vector<std::string> ids;
  std::vector<record_values> rows;
  std::vector<std::string> columns{"id"};
  for (std::size_t i = 0; i < query.data.size(); ++i) {
    const auto& input = query.data[i];
    if (!input.is_object()) fail(bad_user_input("Invalid data argument", "INVALID_ARGS_DATA"));
    auto values = bind_record_data(ctx, object, input.get_object(), true);
    ids.push_back(values.id.value_or(new_uuid()));
    add_actor_columns(ctx, object, "createdBy", query.actor, values.actor_source, values);
    add_actor_columns(ctx, object, "updatedBy", query.actor, std::nullopt, values);
    for (const char* stamp : {"createdAt", "updatedAt"}) {
      if (object.find_field(stamp) && !values.has(stamp)) {
        values.columns.push_back({stamp, std::string(now_sql)});
      }
    }
    if (has_position && !values.has("position")) {
      // Twenty puts new records first: below the current minimum, in input order.
      // The bounds come from the `bounds` CTE, read once per statement (not once per row).
      const std::string ord = numbered("", i + 1);
      values.columns.push_back({"position", values.position_keyword == "last"
                                                ? "(SELECT hi FROM bounds) + " + ord
                                                : "(SELECT lo FROM bounds) - " + ord});
      uses_bounds = true;
    }
    for (const auto& c : values.columns) {
      if (std::find(columns.begin(), columns.end(), c.column) == columns.end()) {
        columns.push_back(c.column);
      }
    }
    rows.push_back(std::move(values));
  }

  std::string insert = "INSERT INTO " + ctx.table(object) + " AS " + a + " (";
  for (std::size_t c = 0; c < columns.size(); ++c) insert += (c ? ", " : "") + ident(columns[c]);
  insert += ") VALUES ";
  for (std::size_t r = 0; r < rows.size(); ++r) {
    insert += r ? ", (" : "(";
    insert += query.upsert ? upsert_id_sql(ctx, object, query.data[r].get_object(), ids[r])
                           : ctx.bind(ids[r], "uuid");
    for (std::size_t c = 1; c < columns.size(); ++c) {
      std::string value = "DEFAULT";
      for (const auto& assignment : rows[r].columns) {
        if (assignment.column == columns[c]) value = assignment.value_sql;
      }
      insert += ", " + value;
    }
    insert += ")";
  }
  std::string action = literal("created");
  if (query.upsert) {
    // A record that already exists under one of the input ids is updated with the given values.
    insert += " ON CONFLICT (\"id\") DO UPDATE SET ";
    bool first = true;
    for (const auto& column : columns) {
      if (column == "id" || column == "createdAt" || column.starts_with("createdBy") ||
          column == "position") {
        continue;
      }
      insert += (first ? "" : ", ") + ident(column) + " = EXCLUDED." + ident(column);
      first = false;
    }
    if (first) insert += "\"id\" = EXCLUDED.\"id\"";
    action = "CASE WHEN " + a + ".__created THEN 'created' ELSE 'updated' END";
  }
  insert += " RETURNING " + a + ".*";
  if (query.upsert) insert += ", (" + a + ".xmax::text = '0') AS __created";

  // createMany answers in input order. (Bound only when used: PostgreSQL refuses a parameter
  // number that the text never mentions.)
  std::string order;
  // (An upsert may land on other ids; it answers in the order the rows were written.)
  if (query.many && !query.upsert) {
    std::vector<std::optional<std::string>> id_items(ids.begin(), ids.end());
    order = " ORDER BY array_position(" + ctx.bind(pg_array_literal(id_items), "uuid[]") + ", " +
            column_ref(a, "id") + ")";
  }
  std::string sql = "WITH ";
  if (uses_bounds) {
    sql +=
        "bounds AS MATERIALIZED (SELECT COALESCE(min(p.\"position\"), 1) AS lo, "
        "COALESCE(max(p.\"position\"), -1) AS hi FROM " +
        ctx.table(object) + " p), ";
  }
  sql += "ins AS (" + insert + ") ";
  if (query.emit_events) {
    sql += ", ob AS (" +
           outbox_insert(object, parts, action, "ins " + a, a, "NULL",
                         "(" + parts.full_record + ")::jsonb", "NULL") +
           ") ";
  }
  sql += result_select(ctx, object, query, "ins", a, order);
  return {std::move(sql), {}, !query.many};
}

std::string verb(op operation) {
  switch (operation) {
    case op::update:
      return "update";
    case op::soft_delete:
      return "delete";
    case op::destroy:
      return "destroy";
    default:
      return "restore";
  }
}

std::string action_name(op operation) {
  switch (operation) {
    case op::update:
      return "updated";
    case op::soft_delete:
      return "deleted";
    case op::destroy:
      return "destroyed";
    default:
      return "restored";
  }
}

compiled_statement compile_change(compile_context& ctx, const model::object_metadata& object,
                                  const model::record_query& query, const statement_parts& parts,
                                  const std::string& a) {
  const bool has_deleted_at = object.find_field("deletedAt") != nullptr;
  const std::string deleted_at = column_ref(a, "deletedAt");
  std::string condition;
  if (!query.many) {
    if (!query.id || !is_uuid(*query.id)) fail(bad_user_input("Invalid UUID", "INVALID_ARGS_DATA"));
    condition = column_ref(a, "id") + " = " + ctx.bind(*query.id, "uuid");
    if (has_deleted_at && (query.operation == op::update || query.operation == op::soft_delete)) {
      condition += " AND " + deleted_at + " IS NULL";
    }
  } else {
    const boost::json::value filter(query.connection.page.filter);
    if (is_empty_filter(filter)) {
      fail(bad_user_input("A non-empty filter is required", "INVALID_QUERY_INPUT"));
    }
    if (query.operation == op::update || query.operation == op::soft_delete) {
      condition = scoped_filter(ctx, object, a, filter);
    } else {
      condition = compile_filter(ctx, object, a, filter);
      if (has_deleted_at && query.operation == op::restore) {
        condition += " AND " + deleted_at + " IS NOT NULL";
      }
    }
  }

  const std::string table = ctx.table(object);
  const std::string cap = numbered("", static_cast<std::size_t>(max_mutation_records));
  std::string sql =
      "WITH target AS (SELECT " + column_ref(a, "id") + ", (" + parts.full_record +
      ")::jsonb AS before FROM " + table + " " + a + " WHERE " + condition + " ORDER BY " +
      column_ref(a, "id") + " LIMIT " + cap + " + 1 FOR UPDATE), " +
      "guard AS (SELECT 1 FROM (SELECT count(*) AS n FROM target) c WHERE CASE "
      "WHEN c.n > " +
      cap + " THEN core.raise_record_error(" +
      ctx.bind("Cannot " + verb(query.operation) + " more than " + cap + " records at once",
               "text") +
      ", 'TOO_MANY_RECORDS_TO_UPDATE', 'BAD_USER_INPUT') ELSE false END), ";
  const std::string matched = a + ".\"id\" = target.id AND NOT EXISTS (SELECT 1 FROM guard)";
  std::string fields_sql = "NULL";
  if (query.operation == op::destroy) {
    sql += "chg AS (DELETE FROM " + table + " " + a + " USING target WHERE " + matched +
           " RETURNING " + a + ".*), ";
  } else {
    record_values values;
    if (query.operation == op::update) {
      if (query.data.size() != 1 || !query.data.front().is_object()) {
        fail(bad_user_input("Missing data argument", "INVALID_ARGS_DATA"));
      }
      values = bind_record_data(ctx, object, query.data.front().get_object(), false);
      std::vector<std::optional<std::string>> names(values.fields.begin(), values.fields.end());
      fields_sql = ctx.bind(pg_array_literal(names), "text[]");
      add_actor_columns(ctx, object, "updatedBy", query.actor, std::nullopt, values);
      if (object.find_field("updatedAt") && !values.has("updatedAt")) {
        values.columns.push_back({"updatedAt", std::string(now_sql)});
      }
      if (values.position_keyword) {
        values.columns.push_back(
            {"position",
             *values.position_keyword == "last"
                 ? "(SELECT COALESCE(max(p.\"position\"), -1) + 1 FROM " + table + " p)"
                 : "(SELECT COALESCE(min(p.\"position\"), 1) - 1 FROM " + table + " p)"});
      }
    } else if (has_deleted_at) {
      values.columns.push_back(
          {"deletedAt", query.operation == op::soft_delete ? std::string(now_sql) : "NULL"});
    }
    if (values.columns.empty()) values.columns.push_back({"id", column_ref(a, "id")});
    sql += "chg AS (UPDATE " + table + " " + a + " SET ";
    for (std::size_t i = 0; i < values.columns.size(); ++i) {
      sql +=
          (i ? ", " : "") + ident(values.columns[i].column) + " = " + values.columns[i].value_sql;
    }
    sql += " FROM target WHERE " + matched + " RETURNING " + a + ".*), ";
  }
  const std::string after =
      query.operation == op::destroy ? "NULL" : "(" + parts.full_record + ")::jsonb";
  sql += "ob AS (" +
         outbox_insert(object, parts, literal(action_name(query.operation)),
                       "chg " + a + " JOIN target ON target.id = " + column_ref(a, "id"), a,
                       "target.before", after, fields_sql) +
         ") " + result_select(ctx, object, query, "chg", a, "");
  return {std::move(sql), {}, !query.many};
}

}  // namespace

compiled_statement compile_write(compile_context& ctx, const model::object_metadata& object,
                                 const model::record_query& query) {
  statement_parts parts;
  // Bound only for the outbox row: a parameter the statement never mentions has no type.
  if (query.emit_events || query.operation != op::create) {
    parts.workspace = ctx.bind(ctx.model().workspace_id(), "uuid");
    parts.actor = ctx.bind(actor_json(query.actor), "jsonb");
  }
  const std::string a = ctx.alias();
  parts.full_record = record_json_sql(ctx, object, a, full_record_selection(object), 0);
  if (query.operation == op::create) return compile_create(ctx, object, query, parts, a);
  return compile_change(ctx, object, query, parts, a);
}

}  // namespace cohort::storage::query
