// The inputs that write one object: `{Object}CreateInput`, `{Object}UpdateInput` and the relation
// inputs other objects use to point at it (`{Object}RelationInput` -> `{Object}ConnectInput` ->
// `{Object}WhereUniqueInput`, which lists `id` and the object's unique fields and indexes).
#pragma once

#include <vector>

#include "actors/workspace/schema/type_registry.hpp"
#include "model/object_metadata.hpp"

namespace cohort::actors::workspace_schema {

void add_relation_inputs(type_registry& types, const model::object_metadata& object,
                         const std::vector<const model::field_metadata*>& fields);

void add_write_inputs(type_registry& types, const model::object_metadata& object,
                      const std::vector<const model::field_metadata*>& fields);

}  // namespace cohort::actors::workspace_schema
