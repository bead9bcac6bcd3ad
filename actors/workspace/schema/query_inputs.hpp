// The inputs that read one object: `{Object}FilterInput` (a filter per plain field and join
// column, then and/or/not), `{Object}OrderByInput` and `{Object}GroupByInput`.
#pragma once

#include <vector>

#include "actors/workspace/schema/type_registry.hpp"
#include "model/object_metadata.hpp"

namespace cohort::actors::workspace_schema {

void add_query_inputs(type_registry& types, const model::object_metadata& object,
                      const std::vector<const model::field_metadata*>& fields);

}  // namespace cohort::actors::workspace_schema
