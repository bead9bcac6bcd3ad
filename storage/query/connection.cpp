// The connection half of projection.hpp: paging arguments, keyset window, edges, pageInfo and
// aggregates of one connection, as one scalar subquery.
#include <algorithm>
#include <cctype>
#include <string_view>

#include "model/composite_types.hpp"
#include "storage/query/aggregates.hpp"
#include "storage/query/cursor.hpp"
#include "storage/query/filter_compiler.hpp"
#include "storage/query/json_text.hpp"
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

// The columns of `alias` that `sql` reads, as a select list: every alias."column" in it
// (column_ref always quotes, and metadata names hold no quote). The page subquery returns these
// instead of every column of the table: the numbered layer above it copies each row it reads.
std::string selected_columns(const std::string& alias, const std::string& sql) {
  const std::string prefix = alias + ".\"";
  std::vector<std::string_view> seen;
  std::string out;
  for (std::size_t at = sql.find(prefix); at != std::string::npos; at = sql.find(prefix, at + 1)) {
    const char before = at ? sql[at - 1] : ' ';
    if (std::isalnum(static_cast<unsigned char>(before)) || before == '_') continue;
    const std::size_t close = sql.find('"', at + prefix.size());
    if (close == std::string::npos) break;
    const std::string_view ref(sql.data() + at, close + 1 - at);
    if (std::find(seen.begin(), seen.end(), ref) != seen.end()) continue;
    seen.push_back(ref);
    if (!out.empty()) out += ", ";
    out += ref;
  }
  // Nothing read (only __typename or cursors of no column): any column keeps the rows countable.
  return out.empty() ? column_ref(alias, "id") : out;
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
  // The page's values, each an aggregate over the numbered rows (see below); `p.<name>` once they
  // are columns of the page subquery.
  std::string page_rows;  // " FROM (numbered rows) a"
  std::string edges_sql, more_sql, start_sql, end_sql;
  if (wanted.page) {
    auto keys = compile_order(ctx, object, a, page.order_by);
    if (window.backward) keys = reversed(std::move(keys));
    std::string rows_where = where;
    if (const auto& c = window.backward ? page.before : page.after) {
      rows_where += " AND " + keyset_condition(ctx, keys, *c);
    }
    const std::string order = order_by_sql(keys);
    // The page size is a checked integer written into the text, not bound: with `LIMIT $n`
    // PostgreSQL's generic plan cannot know the page is small and walks no index for it, so every
    // execution of the prepared statement was planned afresh (bench/records' findMany: 235 µs of
    // PostgreSQL CPU per execution, 135 µs with the literal and the cached plan). A handful of
    // page sizes make a handful of statements.
    const std::string n = std::to_string(window.size);
    std::string tail = " ORDER BY " + order;
    if (page.offset && *page.offset > 0) {
      tail += " OFFSET " + ctx.bind(std::to_string(*page.offset), "int8");
    }
    tail += " LIMIT " + std::to_string(window.size + 1);

    // The numbered layer: row_number() and the cursor, once per row (the edges, startCursor and
    // endCursor read it; written out in each, it was a quarter of a findMany's time in
    // PostgreSQL). It stays outside the LIMIT subquery: a WindowAgg between a Sort and its Limit
    // would stop PostgreSQL from sorting only the top rows of an order no index serves.
    std::string cursor;
    std::string cursor_column;
    if (wanted.cursors) {
      cursor_column = ", " + cursor_sql(keys, object, a, wanted.node) + " AS __cursor";
      cursor = a + ".__cursor";
    }
    const bool numbered_rows = wanted.edges || wanted.cursors;
    const std::string in_page = " FILTER (WHERE " + a + ".__rn <= " + n + ")";

    std::string edge;
    for (const auto& item : connection.items) {
      if (item.k != item_kind::edges) continue;
      std::vector<std::pair<std::string, json_text>> members;
      for (const auto& key : item.edge_keys) {
        if (key.k == edge_kind::node && item.node) {
          members.emplace_back(key.key, record_json_text(ctx, object, a, *item.node, depth));
        } else if (key.k == edge_kind::cursor) {
          // Base64 holds nothing JSON escapes: quoted as it is.
          members.emplace_back(key.key,
                               json_text().sql("COALESCE('\"' || " + cursor + " || '\"', 'null')"));
        } else {
          members.emplace_back(key.key, json_text().raw(json_string(key.type_name)));
        }
      }
      edge = json_object_text(members).expression();
      break;  // one edges selection per connection (the binder merges repeats)
    }
    // No ORDER BY inside the aggregates: string_agg and array_agg take the rows in the order the
    // numbered subquery yields them, which is __rn's order. That is a property of the plan, not
    // luck: a subquery with a window function (or LIMIT) is never pulled up into the outer query,
    // its WindowAgg emits rows in its ORDER BY, and a plain aggregate (no GROUP BY, DISTINCT or
    // ORDER BY of its own) consumes its one input stream in order; rows under a LIMIT are never
    // split across parallel workers, so there is no partial aggregation to merge out of order. An
    // ORDER BY __rn in each aggregate was a sort per aggregate per execution.
    // tests/integration/storage_query/paging_test.cpp and page_shapes_test.cpp check edge order
    // and both cursors forwards and backwards.
    more_sql = "count(*) > " + n;
    // The edges as json_agg writes them ("[e1, e2]"), in JSON text like the rest of the answer.
    if (wanted.edges) {
      edges_sql = "COALESCE('[' || string_agg(" + edge + ", ', ')" + in_page + " || ']', '[]')";
    }
    if (wanted.cursors) {
      // One array for both ends (PostgreSQL computes identical aggregates of a query once).
      const std::string cursors = "(array_agg(" + cursor + ")" + in_page + ")";
      start_sql = cursors + "[1]";
      end_sql = cursors + "[least(count(*), " + n + ")]";
    }
    std::string rows = "SELECT " + selected_columns(a, edges_sql + order + cursor_column) +
                       " FROM " + ctx.table(object) + " " + a + " WHERE " + rows_where + tail;
    if (numbered_rows) {
      rows = "SELECT " + a + ".*, row_number() OVER (ORDER BY " + order + ") AS __rn" +
             cursor_column + " FROM (" + rows + ") " + a;
    }
    page_rows = " FROM (" + rows + ") " + a;
  }

  // Without aggregates over the whole set, the object is built in the same query level as the
  // page's aggregates (a plain aggregate: exactly one row, even for an empty page). With them, the
  // page's values become the columns of `p`, cross joined with the one row of `g`.
  const bool with_aggregates =
      std::any_of(connection.items.begin(), connection.items.end(),
                  [](const auto& item) { return item.k == item_kind::aggregate; });
  bool page_read = false;
  const auto page_value = [&](const std::string& sql, const char* column) {
    page_read = true;
    return with_aggregates ? std::string("p.") + column : sql;
  };
  std::vector<std::pair<std::string, std::string>> aggregates;  // column alias, expression
  const auto boolean = [](const std::string& sql) {
    return json_text().sql("CASE WHEN " + sql + " THEN 'true' ELSE 'false' END");
  };
  const auto quoted = [](const std::string& sql) {
    return json_text().sql("COALESCE('\"' || " + sql + " || '\"', 'null')");
  };
  std::vector<std::pair<std::string, json_text>> pairs;
  for (const auto& item : connection.items) {
    switch (item.k) {
      case item_kind::edges:
        pairs.emplace_back(item.key, json_text().sql(page_value(edges_sql, "edges")));
        break;
      case item_kind::typename_:
        pairs.emplace_back(item.key, json_text().raw(json_string(item.type_name)));
        break;
      case item_kind::aggregate: {
        const std::string column = numbered("a", aggregates.size());
        aggregates.emplace_back(column, aggregate_sql(ctx, object, a, item.aggregate));
        pairs.emplace_back(item.key, json_text().sql(json_text_sql("g." + column)));
        break;
      }
      case item_kind::page_info: {
        std::vector<std::pair<std::string, json_text>> info;
        for (const auto& [key, field] : item.page_info_keys) {
          if (field == "hasNextPage") {
            info.emplace_back(key, window.backward ? json_text().raw("false")
                                                   : boolean(page_value(more_sql, "more")));
          } else if (field == "hasPreviousPage") {
            info.emplace_back(key, window.backward ? boolean(page_value(more_sql, "more"))
                                                   : json_text().raw("false"));
          } else if (field == "startCursor") {
            info.emplace_back(key, quoted(page_value(start_sql, "start_cursor")));
          } else if (field == "endCursor") {
            info.emplace_back(key, quoted(page_value(end_sql, "end_cursor")));
          } else {
            info.emplace_back(key, json_text().raw(json_string("PageInfo")));
          }
        }
        pairs.emplace_back(item.key, json_object_text(info));
        break;
      }
    }
  }
  if (!with_aggregates) {
    // pageInfo { __typename } alone reads no aggregate: the page is still run (a cursor's value
    // that does not cast fails as before) under one that keeps the answer at one row.
    if (wanted.page && !page_read) page_rows = " FROM (SELECT count(*)" + page_rows + ") p";
    return "(SELECT " + json_object_text(pairs).expression() + page_rows + ")";
  }
  std::string from;
  if (wanted.page) {
    std::string page_sql = "SELECT " + more_sql + " AS more";
    if (!edges_sql.empty()) page_sql += ", " + edges_sql + " AS edges";
    if (!start_sql.empty()) {
      page_sql += ", " + start_sql + " AS start_cursor, " + end_sql + " AS end_cursor";
    }
    from = " FROM (" + page_sql + page_rows + ") p";
  }
  std::string agg = "SELECT ";
  for (std::size_t i = 0; i < aggregates.size(); ++i) {
    if (i) agg += ", ";
    agg += aggregates[i].second + " AS " + aggregates[i].first;
  }
  agg += " FROM " + ctx.table(object) + " " + a + " WHERE " + where;
  from += (from.empty() ? " FROM (" : " CROSS JOIN (") + agg + ") g";
  return "(SELECT " + json_object_text(pairs).expression() + from + ")";
}

}  // namespace cohort::storage::query
