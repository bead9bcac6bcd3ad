// How the compiler reads a field: which column(s) hold it, the expression that renders a column
// as Twenty's JSON value (ISO timestamps with milliseconds and Z, dates as YYYY-MM-DD), and the
// expression keyset comparisons and filters use (timestamps at millisecond precision, as Twenty's
// clients see them).
#pragma once

#include <string>
#include <string_view>

#include "model/composite_types.hpp"
#include "model/object_metadata.hpp"

namespace cohort::storage::query {

// What a filter, order or data key names on an object: a field, or the join column of a
// many-to-one relation (`companyId`).
struct field_target {
  const model::field_metadata* field = nullptr;
  bool join_column = false;
  explicit operator bool() const { return field != nullptr; }
};

field_target resolve_field(const model::object_metadata& object, std::string_view key);

// The foreign key column of a MANY_TO_ONE relation field ("companyId").
std::string join_column(const model::field_metadata& field);

// The join column, on the target object, that points back at `one_to_many`'s object.
std::string inverse_join_column(const model::object_metadata& target,
                                const model::field_metadata& one_to_many);

// The value of a column of this type as it should appear in JSON.
std::string output_expr(model::field_type type, const std::string& column_sql);
// The value used in comparisons and ordering.
std::string comparable_expr(model::field_type type, const std::string& column_sql);

// Twenty's name of the type in operator messages (TEXT, NUMBER, ...).
std::string type_label(model::field_type type);

}  // namespace cohort::storage::query
