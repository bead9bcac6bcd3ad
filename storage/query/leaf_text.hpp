// What PostgreSQL writes into a record answer for one leaf the compiler projects: a column through
// output_expr, a many-to-one join column, a count. The binder compares it with what the leaf's
// GraphQL scalar would write for the same value to decide whether an answer's text can go out as
// it is (actors/workspace/binder/verbatim_answer). Keep in step with output_expr and aggregate_sql.
#pragma once

#include <cstdint>

#include "model/field_metadata.hpp"
#include "model/field_type.hpp"
#include "model/query/record_query.hpp"

namespace cohort::storage::query {

enum class leaf_text : std::uint8_t {
  string,         // a JSON string of the text as stored (text columns)
  uuid,           // a JSON string, lowercase 8-4-4-4-12 (uuid columns, join columns)
  iso_date_time,  // to_char(... AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  boolean,        // true / false
  count,          // count(*) (bigint): an integer
  // Anything else: numbers PostgreSQL spells its own way (float8 `1e+21`, numeric `1.50`, a NUMBER
  // column whose type followed an older dataType), json kept as stored, dates as text where the
  // Date scalar writes milliseconds, arrays, enum labels (a value no longer among the options),
  // tsvector.
  other,
};

// A scalar field or a composite's subfield of this type, projected by output_expr.
leaf_text leaf_text_of(model::field_type type);

// An aggregate of a connection (aggregate_sql).
leaf_text leaf_text_of(const model::aggregate_item& aggregate);

}  // namespace cohort::storage::query
