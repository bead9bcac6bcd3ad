#include "storage/query/group_by_compiler.hpp"

#include <algorithm>

#include "model/composite_types.hpp"
#include "storage/query/aggregates.hpp"
#include "storage/query/field_access.hpp"
#include "storage/query/filter_compiler.hpp"
#include "storage/query/limits.hpp"
#include "storage/query/order_compiler.hpp"
#include "storage/query/query_failure.hpp"
#include "storage/query/row_set_connection.hpp"
#include "storage/query/sql_text.hpp"

namespace cohort::storage::query {
namespace {

using model::field_type;

// One dimension, compiled: the expression rows are grouped and ordered by (over an alias), and
// how a group's value is spelled in groupByDimensionValues.
struct dimension {
  std::string column;
  field_type type = field_type::text;
  std::string granularity;
  std::string time_zone_sql;  // "(SELECT core.checked_time_zone($n))" or empty
  std::string week_start_day;

  std::string key(const std::string& alias) const {
    const std::string col = column_ref(alias, column);
    const bool dated = type == field_type::date_time || type == field_type::date;
    if (!dated || granularity.empty() || granularity == "NONE") return col;
    // A DATE is a calendar day: no time zone applies to it.
    const std::string local =
        time_zone_sql.empty() || type == field_type::date
            ? (type == field_type::date ? col + "::timestamp" : "(" + col + " AT TIME ZONE 'UTC')")
            : "(" + col + " AT TIME ZONE " + time_zone_sql + ")";
    if (granularity == "DAY_OF_THE_WEEK") return "trim(to_char(" + local + ", 'TMDay'))";
    if (granularity == "MONTH_OF_THE_YEAR") return "trim(to_char(" + local + ", 'TMMonth'))";
    if (granularity == "QUARTER_OF_THE_YEAR") return "trim(to_char(" + local + ", '\"Q\"Q'))";
    if (granularity == "WEEK") {
      const std::string shift = week_start_day == "SUNDAY"     ? "1 day"
                                : week_start_day == "SATURDAY" ? "2 days"
                                                               : "";
      if (shift.empty()) return "to_char(date_trunc('week', " + local + "), 'YYYY-MM-DD')";
      return "to_char(date_trunc('week', " + local + " + interval '" + shift + "') - interval '" +
             shift + "', 'YYYY-MM-DD')";
    }
    std::string unit = granularity;
    std::transform(unit.begin(), unit.end(), unit.begin(), ::tolower);
    return "to_char(date_trunc('" + unit + "', " + local + "), 'YYYY-MM-DD')";
  }

  // The group's value (the `key` of its rows, read back as g.kN) as Twenty's string.
  std::string text(const std::string& key_ref) const {
    const bool dated = type == field_type::date_time || type == field_type::date;
    if (dated && (granularity.empty() || granularity == "NONE")) return output_expr(type, key_ref);
    if (dated) return key_ref;
    return key_ref + "::text";
  }
};

bool needs_time_zone(const std::string& granularity) {
  return granularity == "DAY" || granularity == "WEEK" || granularity == "MONTH" ||
         granularity == "QUARTER" || granularity == "YEAR";
}

dimension compile_dimension(compile_context& ctx, const model::object_metadata& object,
                            const model::group_dimension& d) {
  const auto target = resolve_field(object, d.field);
  if (!target) {
    fail(bad_user_input(
        "Object " + object.name_singular + " doesn't have any \"" + d.field + "\" field.",
        "INVALID_QUERY_INPUT"));
  }
  const auto& field = *target.field;
  dimension out;
  out.granularity = d.granularity;
  out.week_start_day = d.week_start_day;
  if (target.join_column) {
    out.column = join_column(field);
    out.type = field_type::uuid;
    return out;
  }
  switch (field.type) {
    case field_type::ts_vector:
    case field_type::raw_json:
    case field_type::files:
    case field_type::position:
    case field_type::relation:
    case field_type::morph_relation:
      fail(bad_user_input(
          "Cannot group by field \"" + d.field + "\" of type " + type_label(field.type),
          "INVALID_QUERY_INPUT"));
    default:
      break;
  }
  if (const auto* composite = model::find_composite_type(field.type)) {
    const auto* sub = d.subfield.empty() ? nullptr : composite->find(d.subfield);
    if (sub == nullptr) {
      fail(bad_user_input(
          "Group by a composite field needs one of its subfields: \"" + d.field + "\"",
          "INVALID_QUERY_INPUT"));
    }
    out.column = model::composite_column_name(field.name, sub->name);
    out.type = sub->type;
    return out;
  }
  out.column = field.name;
  out.type = field.type;
  if (field.type == field_type::date_time && needs_time_zone(d.granularity)) {
    if (d.time_zone.empty()) {
      fail(bad_user_input(
          "Time zone should be specified for a group by date on Day, Week, Month, Quarter or Year",
          "MISSING_TIMEZONE_FOR_DATE_GROUP_BY"));
    }
    out.time_zone_sql = "(SELECT core.checked_time_zone(" + ctx.bind(d.time_zone, "text") + "))";
  } else if (field.type == field_type::date_time && !d.time_zone.empty() &&
             !d.granularity.empty() && d.granularity != "NONE") {
    // Day of the week, month or quarter of the year: in the client's zone when it gives one.
    out.time_zone_sql = "(SELECT core.checked_time_zone(" + ctx.bind(d.time_zone, "text") + "))";
  }
  return out;
}

std::string direction_sql(const std::string& direction) {
  if (direction == "AscNullsFirst") return " ASC NULLS FIRST";
  if (direction == "AscNullsLast") return " ASC NULLS LAST";
  if (direction == "DescNullsFirst") return " DESC NULLS FIRST";
  if (direction == "DescNullsLast") return " DESC NULLS LAST";
  fail(bad_user_input("Invalid direction value \"" + direction +
                          "\". Allowed values are AscNullsFirst, AscNullsLast, DescNullsFirst, "
                          "DescNullsLast",
                      "INVALID_DIRECTION"));
}

}  // namespace

compiled_statement compile_group_by(compile_context& ctx, const model::object_metadata& object,
                                    const model::record_query& query) {
  const auto& request = query.group_by;
  if (request.dimensions.empty()) {
    fail(bad_user_input("At least one field to group by is required", "INVALID_QUERY_INPUT"));
  }
  if (request.limit && *request.limit < 0) {
    fail(bad_user_input("Limit argument must be a non-negative integer", "INVALID_QUERY_INPUT"));
  }
  if (request.offset_for_records && *request.offset_for_records < 0) {
    fail(bad_user_input("Offset argument must be a non-negative integer", "INVALID_QUERY_INPUT"));
  }
  std::vector<dimension> dims;
  for (const auto& d : request.dimensions) dims.push_back(compile_dimension(ctx, object, d));

  // The groups: their keys, ordered and capped.
  const std::string x = ctx.alias();
  const boost::json::value filter(query.connection.page.filter);
  std::string keys, group_by;
  for (std::size_t i = 0; i < dims.size(); ++i) {
    keys += (i ? ", " : "") + dims[i].key(x) + " AS " + numbered("k", i);
    if (i) group_by += ", ";
    group_by += numbered("", i + 1);
  }
  std::string order;
  for (const auto& o : request.order) {
    std::string expr;
    if (o.dimension >= 0) {
      if (static_cast<std::size_t>(o.dimension) >= dims.size()) {
        fail(bad_user_input("Groups can only be ordered by a field they are grouped by",
                            "INVALID_QUERY_INPUT"));
      }
      expr = dims[static_cast<std::size_t>(o.dimension)].key(x);
    } else {
      expr = aggregate_sql(ctx, object, x, o.aggregate);
    }
    order += (order.empty() ? "" : ", ") + expr + direction_sql(o.direction);
  }
  for (std::size_t i = 0; i < dims.size(); ++i) {
    order += (order.empty() ? "" : ", ") + dims[i].key(x) + " ASC NULLS LAST";
  }
  const std::int64_t limit = std::min(request.limit.value_or(default_group_limit), max_group_limit);
  const std::string groups = "SELECT " + keys + ", row_number() OVER (ORDER BY " + order +
                             ") AS __ord FROM " + ctx.table(object) + " " + x + " WHERE " +
                             scoped_filter(ctx, object, x, filter) + " GROUP BY " + group_by +
                             " ORDER BY " + order + " LIMIT " +
                             numbered("", static_cast<std::size_t>(limit));

  // Each group's records: the same filter and its own key values.
  const std::string g = ctx.alias();
  row_set rows;
  rows.alias = ctx.alias();
  rows.where = scoped_filter(ctx, object, rows.alias, filter);
  std::string values;
  for (std::size_t i = 0; i < dims.size(); ++i) {
    const std::string k = g + "." + numbered("k", i);
    rows.where += " AND " + dims[i].key(rows.alias) + " IS NOT DISTINCT FROM " + k;
    values += (i ? ", " : "") + dims[i].text(k);
  }
  rows.keys = compile_order(ctx, object, rows.alias, query.connection.page.order_by);
  rows.limit = relation_page_size;
  rows.offset = request.offset_for_records.value_or(0);
  std::vector<std::pair<std::string, std::string>> extra;
  for (const auto& key : request.dimension_value_keys) {
    extra.emplace_back(key, "json_build_array(" + values + ")");
  }
  const std::string connection = row_set_connection_sql(ctx, object, query.connection, rows, extra);
  return {"SELECT COALESCE(json_agg(" + connection + " ORDER BY " + g +
              ".__ord), '[]'::json) FROM (" + groups + ") " + g,
          {},
          false};
}

}  // namespace cohort::storage::query
