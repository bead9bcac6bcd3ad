// A Twenty connection over a set of rows that is not a plain filtered table: the duplicates of one
// source record, the records of one group. The caller gives the rows' condition over an alias and
// their order; edges (node, cursor), pageInfo and aggregates come out as in a findMany connection,
// as one scalar subquery (so the enclosing statement stays one statement).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "model/object_metadata.hpp"
#include "model/query/record_query.hpp"
#include "storage/query/compile_context.hpp"
#include "storage/query/order_compiler.hpp"

namespace cohort::storage::query {

struct row_set {
  std::string alias;           // the table alias `where` and `keys` are written over
  std::string where;           // which rows belong to the set
  std::vector<sort_key> keys;  // their order (compile_order over `alias`)
  std::int64_t limit = 60;     // edges per page
  std::int64_t offset = 0;
};

// `extra` pairs (response key, SQL expression) are added after the selected items, e.g. a group's
// groupByDimensionValues.
std::string row_set_connection_sql(
    compile_context& ctx, const model::object_metadata& object,
    const model::connection_selection& connection, const row_set& rows,
    const std::vector<std::pair<std::string, std::string>>& extra = {});

}  // namespace cohort::storage::query
