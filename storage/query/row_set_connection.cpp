#include "storage/query/row_set_connection.hpp"

#include "storage/query/aggregates.hpp"
#include "storage/query/cursor.hpp"
#include "storage/query/projection.hpp"
#include "storage/query/sql_text.hpp"

namespace cohort::storage::query {
namespace {

using item_kind = model::connection_selection::item::kind;
using edge_kind = model::connection_selection::item::edge_key::kind;

const model::record_selection* selected_node(const model::connection_selection& connection) {
  for (const auto& item : connection.items) {
    if (item.k != item_kind::edges) continue;
    for (const auto& key : item.edge_keys) {
      if (key.k == edge_kind::node && item.node) return item.node.get();
    }
  }
  return nullptr;
}

}  // namespace

std::string row_set_connection_sql(compile_context& ctx, const model::object_metadata& object,
                                   const model::connection_selection& connection,
                                   const row_set& rows,
                                   const std::vector<std::pair<std::string, std::string>>& extra) {
  const std::string& d = rows.alias;
  const std::string order = order_by_sql(rows.keys);
  const std::string cursor = cursor_sql(rows.keys, object, d, selected_node(connection));
  const std::string limit =
      numbered("", static_cast<std::size_t>(std::max<std::int64_t>(0, rows.limit)));
  const std::string in_page = d + ".__rn <= " + limit;

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
                                         " ORDER BY " + d + ".__rn) FROM p " + d + " WHERE " +
                                         in_page + "), '[]'::json)");
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
          if (field == "hasNextPage") {
            info.emplace_back(key, "(SELECT count(*) > " + limit + " FROM p)");
          } else if (field == "hasPreviousPage") {
            info.emplace_back(key, rows.offset > 0 ? "true" : "false");
          } else if (field == "startCursor" || field == "endCursor") {
            const bool start = field == "startCursor";
            info.emplace_back(key, "(SELECT " + cursor + " FROM p " + d + " WHERE " + in_page +
                                       " ORDER BY " + d + ".__rn" + (start ? "" : " DESC") +
                                       " LIMIT 1)");
          } else {
            info.emplace_back(key, literal("PageInfo"));
          }
        }
        pairs.emplace_back(item.key, json_object_sql(info));
        break;
      }
    }
  }
  for (const auto& pair : extra) pairs.push_back(pair);

  // `p` holds the page and one row past it (hasNextPage), numbered in order; `g` the aggregates
  // over the whole set.
  std::string page = "SELECT " + d + ".* FROM " + ctx.table(object) + " " + d + " WHERE " +
                     rows.where + " ORDER BY " + order;
  if (rows.offset > 0) {
    page += " OFFSET " + numbered("", static_cast<std::size_t>(rows.offset));
  }
  page += " LIMIT " + limit + " + 1";
  std::string sql = "(WITH p AS (SELECT " + d + ".*, row_number() OVER (ORDER BY " + order +
                    ") AS __rn FROM (" + page + ") " + d + ")";
  if (!aggregates.empty()) {
    sql += ", g AS (SELECT ";
    for (std::size_t i = 0; i < aggregates.size(); ++i) {
      sql += (i ? ", " : "") + aggregates[i].second + " AS " + aggregates[i].first;
    }
    sql += " FROM " + ctx.table(object) + " " + d + " WHERE " + rows.where + ")";
  }
  return sql + " SELECT " + json_object_sql(pairs) + ")";
}

}  // namespace cohort::storage::query
