// The enums of an object's SELECT, MULTI_SELECT and RATING fields (`{Object}{Field}Enum`, e.g.
// OpportunityStageEnum): one value per option, described by the option's label.
#pragma once

#include <vector>

#include "actors/workspace/schema/type_registry.hpp"
#include "model/object_metadata.hpp"

namespace cohort::actors::workspace_schema {

void add_select_enums(type_registry& types, const model::object_metadata& object,
                      const std::vector<const model::field_metadata*>& fields);

}  // namespace cohort::actors::workspace_schema
