// Whether a record root field's statement text can be written to the GraphQL response as it is
// (graphql::execution::completion::resolve_raw) instead of being parsed and completed again, and
// what each answer's text must still be checked for. Decided once per bound root field, by walking
// the executor's merged selection beside the record_query the compiler will turn into SQL.
#pragma once

#include "graphql/execution/resolver.hpp"
#include "model/object_metadata.hpp"
#include "model/query/record_query.hpp"
#include "model/workspace_model.hpp"

namespace cohort::actors::workspace::binder {

// For a bound findMany or findOne (anything else: not wanted). COHORT_CHECKED_RECORD_ANSWERS=1 in
// the environment turns it off for the process (tests compare both paths byte for byte).
model::verbatim_answer verbatim_answer_for(const model::record_query& query,
                                           const model::object_metadata& object,
                                           const graphql::execution::resolve_info& info,
                                           const model::workspace_model& model);

}  // namespace cohort::actors::workspace::binder
