// Twenty's orderBy input ([{name: {firstName: AscNullsFirst}}, {createdAt: DescNullsLast}, ...])
// compiled to sort keys over one table alias, with `id` appended as the tiebreaker. The same keys
// drive ORDER BY, the keyset condition of a cursor, and the values a cursor records.
#pragma once

#include <boost/json/array.hpp>
#include <string>
#include <vector>

#include "model/object_metadata.hpp"
#include "storage/query/compile_context.hpp"

namespace cohort::storage::query {

struct sort_key {
  std::string expr;      // comparable expression (the column; timestamps are milliseconds)
  std::string output;    // the value as the cursor records it (Twenty's JSON form)
  std::string type_sql;  // cast for a cursor value compared with `expr`
  model::field_type type = model::field_type::text;  // the field's type (how `output` reads)
  bool ascending = true;
  bool nulls_first = true;
  // A column that holds no NULLs (id, createdAt, updatedAt, position: NOT NULL in every table):
  // its NULLS placement is moot, so ORDER BY leaves it to PostgreSQL's default, which a plain
  // index on the column serves in both directions.
  bool not_null = false;
  // Where the cursor JSON keeps the value: {"createdAt"} or {"name", "firstName"}.
  std::vector<std::string> path;
};

std::vector<sort_key> compile_order(compile_context& ctx, const model::object_metadata& object,
                                    const std::string& alias, const boost::json::array& order_by);

// The same keys in the opposite direction (backward paging reads the order from its end).
std::vector<sort_key> reversed(std::vector<sort_key> keys);

// "k1 ASC NULLS FIRST, k2 DESC NULLS LAST, ..."
std::string order_by_sql(const std::vector<sort_key>& keys);

}  // namespace cohort::storage::query
