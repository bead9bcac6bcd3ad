#include "storage/query/duplicates_compiler.hpp"

#include <algorithm>

#include "model/composite_types.hpp"
#include "storage/query/aggregates.hpp"
#include "storage/query/cursor.hpp"
#include "storage/query/filter_operators.hpp"
#include "storage/query/limits.hpp"
#include "storage/query/order_compiler.hpp"
#include "storage/query/projection.hpp"
#include "storage/query/query_failure.hpp"
#include "storage/query/sql_text.hpp"

namespace cohort::storage::query {
namespace {

using item_kind = model::connection_selection::item::kind;
using edge_kind = model::connection_selection::item::edge_key::kind;

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

const model::record_selection* selected_node(const model::connection_selection& connection) {
  for (const auto& item : connection.items) {
    if (item.k != item_kind::edges) continue;
    for (const auto& key : item.edge_keys) {
      if (key.k == edge_kind::node && item.node) return item.node.get();
    }
  }
  return nullptr;
}

// One source's connection: up to max_page_size duplicates ordered by id (Twenty reads one page and
// reports no next one), with totalCount and aggregates over all of them.
std::string connection_sql(compile_context& ctx, const model::object_metadata& object,
                           const model::connection_selection& connection,
                           const std::vector<std::string>& columns, const std::string& src) {
  const std::string d = ctx.alias();
  const std::string where = duplicate_condition(object, columns, d, src);
  const auto keys = compile_order(ctx, object, d, {});
  const std::string order = order_by_sql(keys);
  const std::string cursor = cursor_sql(keys, object, d, selected_node(connection));

  std::vector<std::pair<std::string, std::string>> aggregates;
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const auto& item : connection.items) {
    switch (item.k) {
      case item_kind::edges: {
        std::vector<std::pair<std::string, std::string>> edge;
        for (const auto& key : item.edge_keys) {
          if (key.k == edge_kind::node && item.node) {
            edge.emplace_back(key.key, record_json_sql(ctx, object, d, *item.node, 0));
          } else if (key.k == edge_kind::cursor) {
            edge.emplace_back(key.key, cursor);
          } else {
            edge.emplace_back(key.key, literal(key.type_name));
          }
        }
        pairs.emplace_back(item.key, "COALESCE((SELECT json_agg(" + json_object_sql(edge) +
                                         " ORDER BY " + order + ") FROM p " + d + "), '[]'::json)");
        break;
      }
      case item_kind::typename_:
        pairs.emplace_back(item.key, literal(item.type_name));
        break;
      case item_kind::aggregate: {
        const std::string column = numbered("a", aggregates.size());
        aggregates.emplace_back(column, aggregate_sql(ctx, object, d, item.aggregate));
        pairs.emplace_back(item.key, "(SELECT g." + column + " FROM g)");
        break;
      }
      case item_kind::page_info: {
        std::vector<std::pair<std::string, std::string>> info;
        for (const auto& [key, field] : item.page_info_keys) {
          if (field == "hasNextPage" || field == "hasPreviousPage") {
            info.emplace_back(key, "false");
          } else if (field == "startCursor" || field == "endCursor") {
            const bool start = field == "startCursor";
            info.emplace_back(key, "(SELECT " + cursor + " FROM p " + d + " ORDER BY " +
                                       order_by_sql(start ? keys : reversed(keys)) + " LIMIT 1)");
          } else {
            info.emplace_back(key, literal("PageInfo"));
          }
        }
        pairs.emplace_back(item.key, json_object_sql(info));
        break;
      }
    }
  }
  // `p` holds the page (a CTE read by edges and cursors), `g` the aggregates over every match.
  std::string sql = "(WITH p AS (SELECT " + d + ".* FROM " + ctx.table(object) + " " + d +
                    " WHERE " + where + " ORDER BY " + order + " LIMIT " +
                    numbered("", static_cast<std::size_t>(max_page_size)) + ")";
  if (!aggregates.empty()) {
    sql += ", g AS (SELECT ";
    for (std::size_t i = 0; i < aggregates.size(); ++i) {
      sql += (i ? ", " : "") + aggregates[i].second + " AS " + aggregates[i].first;
    }
    sql += " FROM " + ctx.table(object) + " " + d + " WHERE " + where + ")";
  }
  return sql + " SELECT " + json_object_sql(pairs) + ")";
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
  const std::string connection = connection_sql(ctx, object, query.connection, columns, src);
  return {"SELECT COALESCE(json_agg(" + connection + " ORDER BY " + src +
              ".ord), '[]'::json) FROM (" + sources + ") AS " + src + "(" + names + ")",
          {},
          false};
}

}  // namespace cohort::storage::query
