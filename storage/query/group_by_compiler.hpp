// {p}GroupBy (spec §2.4) as one statement: the filtered records grouped by one or more dimensions
// (fields, composite subfields, join columns; DATE / DATE_TIME by day, week, month, quarter or year
// in the client's time zone, or by day of the week, month or quarter of the year, as Twenty
// spells them), the groups ordered by a dimension or an aggregate and capped, and each group
// answered as a Twenty connection (its records in orderByForRecords order, its aggregates,
// groupByDimensionValues).
#pragma once

#include "model/object_metadata.hpp"
#include "model/query/record_query.hpp"
#include "storage/query/compile.hpp"
#include "storage/query/compile_context.hpp"

namespace cohort::storage::query {

inline constexpr std::int64_t default_group_limit = 50;
inline constexpr std::int64_t max_group_limit = 200;

compiled_statement compile_group_by(compile_context& ctx, const model::object_metadata& object,
                                    const model::record_query& query);

}  // namespace cohort::storage::query
