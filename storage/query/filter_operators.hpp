// The leaf of a filter: one column and an object of operators ({eq: "Paris"}, {in: [...]},
// {is: NULL}, {containsAny: [...]}, ...). Checks each operator against the column type's allowed
// list (Twenty's recent validator, spec §4.3) and each value's shape, then renders SQL.
#pragma once

#include <boost/json/value.hpp>
#include <string>
#include <string_view>

#include "model/field_metadata.hpp"
#include "storage/query/compile_context.hpp"

namespace cohort::storage::query {

struct filter_leaf {
  std::string column;      // column reference, e.g. t0."nameFirstName"
  model::field_type type;  // the column's own type (a composite subfield's type)
  std::string type_sql;    // PostgreSQL type for parameter casts
  std::string label;       // field name in messages
  const model::field_metadata* options = nullptr;  // SELECT-like: the field holding the options
  bool rich_text = false;                          // RICH_TEXT subfields accept only ilike
  // `is NULL` also matches '': a whole composite is empty when every subfield is. A text
  // field's own `is NULL` is strict, as Twenty 1.6 answers (an empty jobTitle is not NULL).
  bool empty_is_null = false;
};

std::string compile_leaf(compile_context& ctx, const filter_leaf& leaf,
                         const boost::json::value& operators);

// The operators Twenty accepts for a column type, in its message order.
std::string_view allowed_operators(model::field_type type, bool rich_text = false);

// 36 characters, 8-4-4-4-12 hex digits.
bool is_uuid(std::string_view text);

// A prefix tsquery over the words of a search text: "ada lov" -> 'ada:* & lov:*'; empty when
// the text has no word.
std::string ts_prefix_query(std::string_view text);

}  // namespace cohort::storage::query
