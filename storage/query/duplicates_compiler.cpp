#include "storage/query/duplicates_compiler.hpp"

#include <algorithm>

#include "model/composite_types.hpp"
#include "storage/query/filter_operators.hpp"
#include "storage/query/limits.hpp"
#include "storage/query/order_compiler.hpp"
#include "storage/query/query_failure.hpp"
#include "storage/query/row_set_connection.hpp"
#include "storage/query/sql_text.hpp"

namespace cohort::storage::query {
namespace {

// Twenty's settings.minLengthOfStringForDuplicateCheck: shorter values are no evidence.
constexpr std::string_view min_duplicate_length = "3";

void validate(const model::record_query& query) {
  if (!query.ids && !query.data_given) {
    fail(bad_user_input("You have to provide either \"data\" or \"ids\" argument",
                        "INVALID_QUERY_INPUT"));
  }
  if (query.ids && query.data_given) {
    fail(bad_user_input("You cannot provide both \"data\" and \"ids\" arguments",
                        "INVALID_QUERY_INPUT"));
  }
  if (!query.ids && query.data.empty()) {
    fail(bad_user_input("The \"data\" condition can not be empty when \"ids\" input not provided",
                        "INVALID_QUERY_INPUT"));
  }
}

// Every column the criteria name, once, in order of first mention.
std::vector<std::string> criteria_columns(const model::object_metadata& object) {
  std::vector<std::string> out;
  for (const auto& group : object.duplicate_criteria) {
    for (const auto& column : group) {
      if (std::find(out.begin(), out.end(), column) == out.end()) out.push_back(column);
    }
  }
  return out;
}

// Where a criteria column's value sits in a CreateInput: {field} or {field: {subfield}}.
std::pair<std::string, std::string> input_path(const model::object_metadata& object,
                                               const std::string& column) {
  for (const auto& field : object.fields) {
    if (field.name == column) return {field.name, ""};
    if (const auto* composite = model::find_composite_type(field.type)) {
      for (const auto& sub : composite->subfields) {
        if (model::composite_column_name(field.name, sub.name) == column) {
          return {field.name, std::string(sub.name)};
        }
      }
    }
  }
  return {column, ""};
}

// The sources as rows (ord, id, c0, c1, ...): existing live records in the order of `ids`.
std::string sources_from_ids(compile_context& ctx, const model::object_metadata& object,
                             const std::vector<std::string>& ids,
                             const std::vector<std::string>& columns) {
  std::vector<std::optional<std::string>> items;
  for (const auto& id : ids) {
    if (!is_uuid(id)) fail(bad_user_input("Invalid UUID", "INVALID_ARGS_ID"));
    items.emplace_back(id);
  }
  const std::string t = ctx.alias();
  std::string sql = "SELECT s.ord, " + column_ref(t, "id") + " AS id";
  for (std::size_t i = 0; i < columns.size(); ++i) {
    sql += ", " + column_ref(t, columns[i]) + " AS " + numbered("c", i);
  }
  sql += " FROM unnest(" + ctx.bind(pg_array_literal(items), "uuid[]") +
         ") WITH ORDINALITY AS s(id, ord) JOIN " + ctx.table(object) + " " + t + " ON " +
         column_ref(t, "id") + " = s.id";
  if (object.find_field("deletedAt")) sql += " AND " + column_ref(t, "deletedAt") + " IS NULL";
  return sql;
}

// The sources as rows (ord, id, c0, c1, ...): the would-be records of `data`.
std::string sources_from_data(compile_context& ctx, const model::object_metadata& object,
                              const boost::json::array& data,
                              const std::vector<std::string>& columns) {
  std::string sql = "VALUES ";
  for (std::size_t r = 0; r < data.size(); ++r) {
    if (!data[r].is_object()) fail(bad_user_input("Invalid data argument", "INVALID_ARGS_DATA"));
    const auto& input = data[r].get_object();
    std::optional<std::string> id;
    if (const auto* v = input.if_contains("id"); v && v->is_string()) {
      id = std::string(v->get_string());
      if (!is_uuid(*id)) fail(bad_user_input("Invalid UUID", "INVALID_ARGS_DATA"));
    }
    sql += (r ? ", (" : "(") + numbered("", r + 1) + "::int8, " + ctx.bind(id, "uuid");
    for (const auto& column : columns) {
      const auto [field, sub] = input_path(object, column);
      const boost::json::value* v = input.if_contains(field);
      if (v && !sub.empty()) v = v->is_object() ? v->get_object().if_contains(sub) : nullptr;
      std::optional<std::string> text;
      if (v && !v->is_object() && !v->is_array()) text = scalar_text(*v);
      sql += ", " + ctx.bind(text, ctx.column_type(object, column));
    }
    sql += ")";
  }
  return sql;
}

// The condition that row `d` duplicates source `src`.
std::string duplicate_condition(const model::object_metadata& object,
                                const std::vector<std::string>& columns, const std::string& d,
                                const std::string& src) {
  std::string any;
  for (const auto& group : object.duplicate_criteria) {
    if (group.empty()) continue;
    std::string all;
    for (const auto& column : group) {
      const auto at = std::find(columns.begin(), columns.end(), column) - columns.begin();
      const std::string value = src + "." + numbered("c", static_cast<std::size_t>(at));
      all += (all.empty() ? "" : " AND ") + std::string("char_length(") + value +
             "::text) >= " + std::string(min_duplicate_length) + " AND " + column_ref(d, column) +
             " = " + value;
    }
    any += (any.empty() ? "" : " OR ") + std::string("(") + all + ")";
  }
  if (any.empty()) any = "false";
  std::string where =
      "(" + src + ".id IS NULL OR " + column_ref(d, "id") + " <> " + src + ".id) AND (" + any + ")";
  if (object.find_field("deletedAt")) where += " AND " + column_ref(d, "deletedAt") + " IS NULL";
  return where;
}

}  // namespace

compiled_statement compile_duplicates(compile_context& ctx, const model::object_metadata& object,
                                      const model::record_query& query) {
  validate(query);
  const auto columns = criteria_columns(object);
  const std::string src = ctx.alias();
  std::string sources = query.ids ? sources_from_ids(ctx, object, *query.ids, columns)
                                  : sources_from_data(ctx, object, query.data, columns);
  std::string names = "ord, id";
  for (std::size_t i = 0; i < columns.size(); ++i) names += ", " + numbered("c", i);
  // Twenty reads one page of duplicates (QUERY_MAX_RECORDS) in id order.
  row_set rows;
  rows.alias = ctx.alias();
  rows.where = duplicate_condition(object, columns, rows.alias, src);
  rows.keys = compile_order(ctx, object, rows.alias, {});
  rows.limit = max_page_size;
  const std::string connection = row_set_connection_sql(ctx, object, query.connection, rows);
  return {"SELECT COALESCE(json_agg(" + connection + " ORDER BY " + src +
              ".ord), '[]'::json) FROM (" + sources + ") AS " + src + "(" + names + ")",
          {},
          false};
}

}  // namespace cohort::storage::query
