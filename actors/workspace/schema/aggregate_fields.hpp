// The aggregate fields of a `{Object}Connection` (and its group-by twin), after Twenty 1.6.0:
// totalCount, then per non-relation field the unique/empty/non-empty counts and percentages, plus
// min/max of dates, min/max/avg/sum of numbers, of currency amounts, and true/false counts.
#pragma once

#include <vector>

#include "graphql/type/schema_builder.hpp"
#include "model/field_metadata.hpp"

namespace cohort::actors::workspace_schema {

void add_aggregate_fields(graphql::type::object_config& connection,
                          const std::vector<const model::field_metadata*>& fields);

}  // namespace cohort::actors::workspace_schema
