#include "actors/workspace/schema/shared_types.hpp"

#include <array>
#include <initializer_list>
#include <utility>

#include "graphql/type/scalars_extra.hpp"

namespace cohort::actors::workspace_schema {

namespace gt = graphql::type;

namespace {

struct scalar_entry {
  std::string_view name;
  gt::scalar_config (*make)();
};

const std::array<scalar_entry, 10> twenty_scalars{{
    {"UUID", gt::twenty_scalars::uuid},
    {"DateTime", gt::twenty_scalars::date_time},
    {"Date", gt::twenty_scalars::date},
    {"JSON", gt::twenty_scalars::json},
    {"BigFloat", gt::twenty_scalars::big_float},
    {"BigInt", gt::twenty_scalars::big_int},
    {"Cursor", gt::twenty_scalars::cursor},
    {"ConnectionCursor", gt::twenty_scalars::connection_cursor},
    {"Position", gt::twenty_scalars::position},
    {"TSVector", gt::twenty_scalars::ts_vector},
}};

// eq/gt/gte/in/lt/lte/neq/is over one scalar: the shape Twenty gives every ordered scalar.
gt::input_object_config comparison_filter(type_registry& types, std::string name,
                                          const std::string& scalar) {
  ensure_scalar(types, scalar);
  gt::input_object_config filter;
  filter.name = std::move(name);
  filter.field("eq", scalar);
  filter.field("gt", scalar);
  filter.field("gte", scalar);
  filter.field("in", "[" + scalar + "!]");
  filter.field("lt", scalar);
  filter.field("lte", scalar);
  filter.field("neq", scalar);
  filter.field("is", filter_is(types));
  return filter;
}

// 1.6.0's StringFilter: the comparisons plus pattern operators (no endsWith yet).
gt::input_object_config string_filter(type_registry& types) {
  gt::input_object_config filter;
  filter.name = "StringFilter";
  for (const char* op : {"eq", "gt", "gte"}) filter.field(op, "String");
  filter.field("in", "[String!]");
  for (const char* op : {"lt", "lte", "neq", "startsWith", "like", "ilike", "regex", "iregex"}) {
    filter.field(op, "String");
  }
  filter.field("is", filter_is(types));
  return filter;
}

struct filter_spec {
  scalar_filter kind;
  std::string_view name;
  std::string_view compared;  // the scalar of the comparison operators; empty for other shapes
};

const std::array<filter_spec, 11> filter_specs{{
    {scalar_filter::string, "StringFilter", ""},
    {scalar_filter::uuid, "UUIDFilter", "UUID"},
    {scalar_filter::float_, "FloatFilter", "Float"},
    {scalar_filter::int_, "IntFilter", "Int"},
    {scalar_filter::big_int, "BigIntFilter", "BigInt"},
    {scalar_filter::big_float, "BigFloatFilter", "BigFloat"},
    // DATE_TIME fields are filtered through the Date scalar in 1.6.0, like DATE ones.
    {scalar_filter::date, "DateFilter", "Date"},
    {scalar_filter::boolean, "BooleanFilter", ""},
    {scalar_filter::raw_json, "RawJsonFilter", ""},
    {scalar_filter::array, "ArrayFilter", ""},
    {scalar_filter::ts_vector, "TSVectorFilter", ""},
}};

const filter_spec& spec_of(scalar_filter kind) {
  for (const auto& spec : filter_specs) {
    if (spec.kind == kind) return spec;
  }
  return filter_specs.front();
}

gt::input_object_config make_filter(type_registry& types, const filter_spec& spec) {
  if (!spec.compared.empty()) {
    return comparison_filter(types, std::string(spec.name), std::string(spec.compared));
  }
  gt::input_object_config filter;
  filter.name = std::string(spec.name);
  switch (spec.kind) {
    case scalar_filter::string:
      return string_filter(types);
    case scalar_filter::boolean:
      filter.field("eq", "Boolean");
      filter.field("is", filter_is(types));
      break;
    case scalar_filter::raw_json:
      filter.field("is", filter_is(types));
      filter.field("like", "String");
      break;
    case scalar_filter::array:
      filter.field("containsIlike", "String");
      filter.field("is", filter_is(types));
      filter.field("isEmptyArray", "Boolean");
      break;
    default:  // ts_vector
      filter.field("search", "String");
  }
  return filter;
}

// An enum every record schema shares, added once; values with their descriptions.
std::string shared_enum(type_registry& types, std::string name, std::string description,
                        std::initializer_list<std::pair<const char*, const char*>> values) {
  if (types.added(name)) return name;
  gt::enum_config shared;
  shared.name = name;
  shared.describe(std::move(description));
  for (const auto& [value, meaning] : values) shared.value(value).describe(meaning);
  types.add(std::move(shared));
  return name;
}

}  // namespace

void ensure_scalar(type_registry& types, std::string_view name) {
  for (const auto& scalar : twenty_scalars) {
    if (scalar.name != name) continue;
    if (!types.added(name)) types.add(scalar.make());
    return;
  }
}

std::string order_by_direction(type_registry& types) {
  return shared_enum(types, "OrderByDirection", "This enum is used to specify the order of results",
                     {{"AscNullsFirst", "Ascending order, nulls first"},
                      {"AscNullsLast", "Ascending order, nulls last"},
                      {"DescNullsFirst", "Descending order, nulls first"},
                      {"DescNullsLast", "Descending order, nulls last"}});
}

std::string filter_is(type_registry& types) {
  // The platform's FilterIs (NotNull, Null) is merged with this one, whose values come first.
  return shared_enum(types, "FilterIs", "This enum to filter by nullability",
                     {{"NULL", "Nulish values"}, {"NOT_NULL", "Non-nulish values"}});
}

std::string page_info(type_registry& types) {
  std::string name = "PageInfo";
  if (types.added(name)) return name;
  ensure_scalar(types, "ConnectionCursor");
  gt::object_config page;
  page.name = name;
  page.field("hasNextPage", "Boolean!")
      .describe("true if paging forward and there are more records.");
  page.field("hasPreviousPage", "Boolean!")
      .describe("true if paging backwards and there are more records.");
  page.field("startCursor", "ConnectionCursor")
      .describe("The cursor of the first returned record.");
  page.field("endCursor", "ConnectionCursor").describe("The cursor of the last returned record.");
  types.add(std::move(page));
  return name;
}

std::string filter_input(type_registry& types, scalar_filter kind) {
  const auto& spec = spec_of(kind);
  std::string name(spec.name);
  if (!types.added(name)) types.add(make_filter(types, spec));
  return name;
}

std::string enum_filter(type_registry& types, std::string_view enum_name) {
  std::string name = std::string(enum_name) + "Filter";
  if (types.added(name)) return name;
  const std::string value(enum_name);
  gt::input_object_config filter;
  filter.name = name;
  filter.field("eq", value);
  filter.field("neq", value);
  filter.field("in", "[" + value + "]");
  filter.field("containsAny", "[" + value + "]");
  filter.field("is", filter_is(types));
  filter.field("isEmptyArray", "Boolean");
  types.add(std::move(filter));
  return name;
}

}  // namespace cohort::actors::workspace_schema
