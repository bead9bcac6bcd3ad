// Builds the model::record_query of the root fields that start from given records rather than a
// filter: `{s}Duplicates(ids | data)` (a connection per source record) and
// `merge{P}(ids, conflictPriorityIndex, dryRun)` (the surviving record).
#pragma once

#include <variant>

#include "actors/request_context.hpp"
#include "actors/workspace/binder/root_field_binder.hpp"

namespace cohort::actors::workspace::binder {

std::variant<model::record_query, field_error> bind_source_records_field(
    root_field kind, const model::object_metadata& object,
    const graphql::execution::resolve_info& info, const request_context& context);

}  // namespace cohort::actors::workspace::binder
