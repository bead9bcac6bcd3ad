#include "storage/query/field_access.hpp"

#include "model/field_type.hpp"

namespace cohort::storage::query {

field_target resolve_field(const model::object_metadata& object, std::string_view key) {
  if (const auto* field = object.find_field(key)) return {field, false};
  for (const auto& field : object.fields) {
    if (field.is_many_to_one() && join_column(field) == key) return {&field, true};
  }
  return {};
}

std::string join_column(const model::field_metadata& field) {
  if (field.relation && !field.relation->join_column_name.empty()) {
    return field.relation->join_column_name;
  }
  return field.name + "Id";
}

std::string inverse_join_column(const model::object_metadata& target,
                                const model::field_metadata& one_to_many) {
  if (one_to_many.relation) {
    if (const auto* back = target.find_field(one_to_many.relation->target_field_name)) {
      return join_column(*back);
    }
  }
  return one_to_many.relation ? one_to_many.relation->target_field_name + "Id" : "";
}

std::string output_expr(model::field_type type, const std::string& column_sql) {
  switch (type) {
    case model::field_type::date_time:
      return "to_char(" + column_sql + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')";
    case model::field_type::date:
      return "to_char(" + column_sql + ", 'YYYY-MM-DD')";
    case model::field_type::ts_vector:
      return column_sql + "::text";
    default:
      return column_sql;
  }
}

std::string comparable_expr(model::field_type type, const std::string& column_sql) {
  // DATE_TIME columns are timestamptz(3) (migration 0025): the column is compared as it is, so
  // an index on it serves ORDER BY and keyset cursors.
  (void)type;
  return column_sql;
}

std::string type_label(model::field_type type) {
  return std::string(model::to_string(type));
}

}  // namespace cohort::storage::query
