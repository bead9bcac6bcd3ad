#include "storage/query/aggregates.hpp"

#include "model/composite_types.hpp"
#include "storage/query/field_access.hpp"
#include "storage/query/query_failure.hpp"
#include "storage/query/sql_text.hpp"

namespace cohort::storage::query {
namespace {

using model::field_type;

struct column {
  std::string ref;
  field_type type;
};

std::string empty_condition(const column& c) {
  switch (c.type) {
    case field_type::text:
    case field_type::rich_text:
      return "(" + c.ref + " IS NULL OR " + c.ref + " = '')";
    case field_type::array:
    case field_type::multi_select:
      return "(" + c.ref + " IS NULL OR " + c.ref + " = '{}')";
    case field_type::raw_json:
    case field_type::files:
      return "(" + c.ref + " IS NULL OR " + c.ref +
             " IN ('null'::jsonb, '[]'::jsonb, '{}'::jsonb))";
    default:
      return c.ref + " IS NULL";
  }
}

[[noreturn]] void unknown_aggregate(const model::aggregate_item& item) {
  fail(bad_user_input(
      "Aggregate \"" + item.operation + "\" is not available for field \"" + item.field + "\"",
      "INVALID_ARGS_DATA"));
}

// The columns an aggregate reads: the field's own, one subfield's, or every visible subfield.
std::vector<column> columns_of(const model::object_metadata& object, const std::string& alias,
                               const model::aggregate_item& item) {
  const auto target = resolve_field(object, item.field);
  if (!target) unknown_aggregate(item);
  if (target.join_column) return {{column_ref(alias, item.field), field_type::uuid}};
  const auto& field = *target.field;
  if (model::is_relation(field.type)) unknown_aggregate(item);
  const auto* composite = model::find_composite_type(field.type);
  if (!composite) return {{column_ref(alias, field.name), field.type}};
  std::vector<column> out;
  for (const auto& sub : composite->subfields) {
    if (!item.subfield.empty() ? sub.name != item.subfield : sub.hidden_on_write) continue;
    out.push_back(
        {column_ref(alias, model::composite_column_name(field.name, sub.name)), sub.type});
  }
  if (out.empty()) unknown_aggregate(item);
  return out;
}

}  // namespace

std::string aggregate_sql(compile_context& ctx, const model::object_metadata& object,
                          const std::string& alias, const model::aggregate_item& item) {
  (void)ctx;
  const std::string& op = item.operation;
  if (op == "totalCount") return "count(*)";
  const auto columns = columns_of(object, alias, item);
  std::string empty;
  for (const auto& c : columns) empty += (empty.empty() ? "" : " AND ") + empty_condition(c);
  empty = "(" + empty + ")";
  if (op == "countEmpty") return "count(*) FILTER (WHERE " + empty + ")";
  if (op == "countNotEmpty") return "count(*) FILTER (WHERE NOT " + empty + ")";
  if (op == "percentageEmpty" || op == "percentageNotEmpty") {
    const std::string part = op == "percentageEmpty" ? empty : "NOT " + empty;
    return "(count(*) FILTER (WHERE " + part + "))::float8 / NULLIF(count(*), 0)";
  }
  if (op == "countUniqueValues") {
    if (columns.size() == 1) return "count(DISTINCT " + columns.front().ref + ")";
    std::string row;
    for (const auto& c : columns) row += (row.empty() ? "" : ", ") + c.ref;
    return "count(DISTINCT (" + row + ")) FILTER (WHERE NOT " + empty + ")";
  }
  if (columns.size() != 1) unknown_aggregate(item);
  const auto& c = columns.front();
  if (op == "countTrue" || op == "countFalse") {
    if (c.type != field_type::boolean) unknown_aggregate(item);
    return "count(*) FILTER (WHERE " + c.ref + (op == "countTrue" ? " IS TRUE)" : " IS FALSE)");
  }
  const bool numeric = c.type == field_type::number || c.type == field_type::numeric ||
                       c.type == field_type::position;
  const bool temporal = c.type == field_type::date_time || c.type == field_type::date;
  if ((op == "min" || op == "max") && (numeric || temporal)) {
    return output_expr(c.type, op + "(" + c.ref + ")");
  }
  if ((op == "avg" || op == "sum") && numeric) return op + "(" + c.ref + ")::float8";
  unknown_aggregate(item);
}

}  // namespace cohort::storage::query
