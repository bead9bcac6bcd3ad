// The record-schema types that do not belong to one object: Twenty's custom scalars,
// OrderByDirection, FilterIs, PageInfo and the filter inputs of scalar and enum fields
// (StringFilter, UUIDFilter, OpportunityStageEnumFilter, ...). Each is added on first use, so a
// schema holds only the filters its fields need, as Twenty's does.
#pragma once

#include <string>
#include <string_view>

#include "actors/workspace/schema/type_registry.hpp"

namespace cohort::actors::workspace_schema {

// Adds Twenty's scalar `name` (UUID, DateTime, Date, JSON, BigFloat, BigInt, Cursor,
// ConnectionCursor, Position, TSVector) unless present; GraphQL's built-in scalars need nothing.
void ensure_scalar(type_registry& types, std::string_view name);

std::string order_by_direction(type_registry& types);  // "OrderByDirection"
std::string filter_is(type_registry& types);           // "FilterIs"
std::string page_info(type_registry& types);           // "PageInfo"

// The filter inputs of non-composite fields, by the operators they offer.
enum class scalar_filter {
  string,     // StringFilter
  uuid,       // UUIDFilter
  float_,     // FloatFilter (NUMBER, POSITION)
  int_,       // IntFilter (NUMBER with dataType int)
  big_int,    // BigIntFilter (NUMBER with dataType bigint)
  big_float,  // BigFloatFilter (NUMERIC, currency amounts)
  date,       // DateFilter (DATE_TIME and DATE)
  boolean,    // BooleanFilter
  raw_json,   // RawJsonFilter
  array,      // ArrayFilter
  ts_vector,  // TSVectorFilter
};
std::string filter_input(type_registry& types, scalar_filter kind);

// `{Enum}Filter` for a select enum (and ActorSourceEnum).
std::string enum_filter(type_registry& types, std::string_view enum_name);

}  // namespace cohort::actors::workspace_schema
