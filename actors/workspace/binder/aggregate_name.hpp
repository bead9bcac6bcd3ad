// Reads a connection's aggregate field name (`totalCount`, `countNotEmptyCity`,
// `sumAmountAmountMicros`) back into its operation, field and composite subfield, the way Twenty
// spells them (operation + capitalised field name + capitalised subfield name).
#pragma once

#include <string_view>

#include "model/object_metadata.hpp"
#include "model/query/record_query.hpp"

namespace cohort::actors::workspace::binder {

// An empty `operation` when the name is not an aggregate of `object`.
model::aggregate_item aggregate_of(const model::object_metadata& object, std::string_view name);

}  // namespace cohort::actors::workspace::binder
