// The connection half of projection.hpp: paging arguments, keyset window, edges, pageInfo and
// aggregates of one connection, as one scalar subquery.
#include "model/composite_types.hpp"
#include "storage/query/aggregates.hpp"
#include "storage/query/cursor.hpp"
#include "storage/query/filter_compiler.hpp"
#include "storage/query/limits.hpp"
#include "storage/query/order_compiler.hpp"
#include "storage/query/projection.hpp"
#include "storage/query/query_failure.hpp"
#include "storage/query/sql_text.hpp"

namespace cohort::storage::query {
namespace {

using item_kind = model::connection_selection::item::kind;
using edge_kind = model::connection_selection::item::edge_key::kind;

struct page_window {
  std::int64_t size = default_page_size;
  bool backward = false;  // last / before: read from the end of the order
};

[[noreturn]] void conflict(std::string_view a, std::string_view b) {
  fail(bad_user_input("Cannot provide both " + std::string(a) + " and " + std::string(b),
                      "ARGS_CONFLICT"));
}

page_window check_page(const model::page_request& page, bool nested) {
  if (page.first && page.last) conflict("first", "last");
  if (page.before && page.after) conflict("before", "after");
  if (page.before && page.first) conflict("before", "first");
  if (page.after && page.last) conflict("after", "last");
  if (page.first && *page.first < 0) {
    fail(bad_user_input("First argument must be a non-negative integer", "INVALID_ARGS_FIRST"));
  }
  if (page.last && *page.last < 0) {
    fail(bad_user_input("Last argument must be a non-negative integer", "INVALID_ARGS_LAST"));
  }
  if (page.offset && *page.offset < 0) {
    fail(bad_user_input("Offset argument must be a non-negative integer", "INVALID_QUERY_INPUT"));
  }
  page_window window;
  window.size = nested ? relation_page_size : default_page_size;
  if (page.first) window.size = *page.first;
  if (page.last) window.size = *page.last;
  if (!page.first && !page.last && page.limit) window.size = std::max<std::int64_t>(0, *page.limit);
  window.size = std::min(window.size, max_page_size);
  window.backward = page.last.has_value() || page.before.has_value();
  return window;
}

struct wanted_parts {
  const model::record_selection* node = nullptr;
  bool edges = false;
  bool cursors = false;  // an edge cursor or a start/end cursor is selected
  bool page = false;     // anything that needs the page rows
};

wanted_parts what_is_selected(const model::connection_selection& connection) {
  wanted_parts out;
  for (const auto& item : connection.items) {
    if (item.k == item_kind::edges) {
      out.edges = out.page = true;
      for (const auto& key : item.edge_keys) {
        if (key.k == edge_kind::cursor) out.cursors = true;
        if (key.k == edge_kind::node && !out.node) out.node = item.node.get();
      }
    } else if (item.k == item_kind::page_info) {
      out.page = true;
      for (const auto& [key, field] : item.page_info_keys) {
        if (field == "startCursor" || field == "endCursor") out.cursors = true;
      }
    }
  }
  return out;
}

}  // namespace

std::string connection_json_sql(compile_context& ctx, const model::object_metadata& object,
                                const model::connection_selection& connection,
                                const std::optional<correlation>& parent, int depth) {
  const auto& page = connection.page;
  const page_window window = check_page(page, parent.has_value());
  const std::string a = ctx.alias();
  std::string where = scoped_filter(ctx, object, a, page.filter);
  if (parent) where += " AND " + column_ref(a, parent->column) + " = " + parent->outer;

  const wanted_parts wanted = what_is_selected(connection);
  // A cursor is read even when no edge is selected: a bad one is refused either way (Twenty
  // answers `after: "garbage"` with INVALID_CURSOR for a totalCount-only selection too).
  if (const auto& c = window.backward ? page.before : page.after; c && !wanted.page) {
    if (!decode_cursor(*c)) {
      fail(bad_user_input("Invalid cursor: " + std::string(*c), "INVALID_CURSOR"));
    }
  }
  std::string page_sql;
  std::string cursor;
  if (wanted.page) {
    auto keys = compile_order(ctx, object, a, page.order_by);
    if (window.backward) keys = reversed(std::move(keys));
    std::string rows_where = where;
    if (const auto& c = window.backward ? page.before : page.after) {
      rows_where += " AND " + keyset_condition(ctx, keys, *c);
    }
    const std::string order = order_by_sql(keys);
    const std::string n = ctx.bind(std::to_string(window.size), "int8");
    std::string rows = "SELECT " + a + ".* FROM " + ctx.table(object) + " " + a + " WHERE " +
                       rows_where + " ORDER BY " + order;
    if (page.offset && *page.offset > 0) {
      rows += " OFFSET " + ctx.bind(std::to_string(*page.offset), "int8");
    }
    // The page size is written into the text, not bound: with `LIMIT $n` PostgreSQL's generic
    // plan cannot know the page is small and walks no index for it, so every execution of the
    // prepared statement was planned afresh (bench/records' findMany: 235 µs of PostgreSQL CPU
    // per execution, 135 µs with the literal and the cached plan). It is a checked integer, and a
    // handful of page sizes make a handful of statements.
    rows += " LIMIT " + std::to_string(window.size + 1);
    // The cursor is computed once per row here: the edges, startCursor and endCursor read it
    // (written out in each, it was a quarter of a findMany's time in PostgreSQL).
    std::string cursor_column;
    if (wanted.cursors) {
      cursor_column = ", " + cursor_sql(keys, object, a, wanted.node) + " AS __cursor";
      cursor = a + ".__cursor";
    }
    const std::string numbered = "SELECT " + a + ".*, row_number() OVER (ORDER BY " + order +
                                 ") AS __rn" + cursor_column + " FROM (" + rows + ") " + a;
    const std::string in_page = " FILTER (WHERE " + a + ".__rn <= " + n + ")";

    // Typed: with pageInfo selected but no edges, json_agg(NULL) cannot tell its input type.
    std::string edge = "NULL::json";
    for (const auto& item : connection.items) {
      if (item.k != item_kind::edges) continue;
      std::vector<std::pair<std::string, std::string>> pairs;
      for (const auto& key : item.edge_keys) {
        if (key.k == edge_kind::node && item.node) {
          pairs.emplace_back(key.key, record_json_sql(ctx, object, a, *item.node, depth));
        } else if (key.k == edge_kind::cursor) {
          pairs.emplace_back(key.key, cursor);
        } else {
          pairs.emplace_back(key.key, literal(key.type_name));
        }
      }
      edge = json_object_sql(pairs);
      break;  // one edges selection per connection (the binder merges repeats)
    }
    page_sql = "SELECT COALESCE(json_agg(" + edge + " ORDER BY " + a + ".__rn)" + in_page +
               ", '[]'::json) AS edges, count(*) > " + n + " AS more";
    if (wanted.cursors) {
      page_sql += ", (array_agg(" + cursor + " ORDER BY " + a + ".__rn)" + in_page +
                  ")[1] AS start_cursor, (array_agg(" + cursor + " ORDER BY " + a + ".__rn DESC)" +
                  in_page + ")[1] AS end_cursor";
    }
    page_sql += " FROM (" + numbered + ") " + a;
  }

  std::vector<std::pair<std::string, std::string>> aggregates;  // column alias, expression
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const auto& item : connection.items) {
    switch (item.k) {
      case item_kind::edges:
        pairs.emplace_back(item.key, "p.edges");
        break;
      case item_kind::typename_:
        pairs.emplace_back(item.key, literal(item.type_name));
        break;
      case item_kind::aggregate: {
        const std::string column = numbered("a", aggregates.size());
        aggregates.emplace_back(column, aggregate_sql(ctx, object, a, item.aggregate));
        pairs.emplace_back(item.key, "g." + column);
        break;
      }
      case item_kind::page_info: {
        std::vector<std::pair<std::string, std::string>> info;
        for (const auto& [key, field] : item.page_info_keys) {
          if (field == "hasNextPage") {
            info.emplace_back(key, window.backward ? "false" : "p.more");
          } else if (field == "hasPreviousPage") {
            info.emplace_back(key, window.backward ? "p.more" : "false");
          } else if (field == "startCursor") {
            info.emplace_back(key, "p.start_cursor");
          } else if (field == "endCursor") {
            info.emplace_back(key, "p.end_cursor");
          } else {
            info.emplace_back(key, literal("PageInfo"));
          }
        }
        pairs.emplace_back(item.key, json_object_sql(info));
        break;
      }
    }
  }
  std::string from;
  if (wanted.page) from = " FROM (" + page_sql + ") p";
  if (!aggregates.empty()) {
    std::string agg = "SELECT ";
    for (std::size_t i = 0; i < aggregates.size(); ++i) {
      if (i) agg += ", ";
      agg += aggregates[i].second + " AS " + aggregates[i].first;
    }
    agg += " FROM " + ctx.table(object) + " " + a + " WHERE " + where;
    from += (from.empty() ? " FROM (" : " CROSS JOIN (") + agg + ") g";
  }
  return "(SELECT " + json_object_sql(pairs) + from + ")";
}

}  // namespace cohort::storage::query
