// How one field of an object appears in the record schema: whether it appears at all, and its
// type in the object type, the write inputs and the filter, order-by and group-by inputs. The
// scalars and shared filters a type names are added to the registry as they are first named.
#pragma once

#include <string>
#include <vector>

#include "actors/workspace/schema/type_registry.hpp"
#include "model/field_metadata.hpp"
#include "model/object_metadata.hpp"
#include "model/workspace_model.hpp"

namespace cohort::actors::workspace_schema {

// The objects the schema shows, in metadata order: the active ones.
std::vector<const model::object_metadata*> schema_objects(const model::workspace_model& model);

// The fields of `object` the schema shows, in metadata order: active ones, relations only
// towards active objects, no FILES field (1.6.0's schema has no type for it).
std::vector<const model::field_metadata*> schema_fields(const model::workspace_model& model,
                                                        const model::object_metadata& object);

// The type of a non-relation field on the object type: "String", "Links", "[WorkflowStatusesEnum]".
std::string output_type(type_registry& types, const model::object_metadata& object,
                        const model::field_metadata& field);

enum class write_input { create, update };
// The type of a non-relation field in {S}CreateInput / {S}UpdateInput; `id` is an ID, composites
// take their own write input, and required fields are non-null in the create input.
std::string write_input_type(type_registry& types, const model::object_metadata& object,
                             const model::field_metadata& field, write_input kind);

// The type of a non-relation field in {S}FilterInput: StringFilter, FullNameFilterInput,
// OpportunityStageEnumFilter, ...
std::string filter_type(type_registry& types, const model::object_metadata& object,
                        const model::field_metadata& field);

// OrderByDirection, or {Composite}OrderByInput.
std::string order_by_type(type_registry& types, const model::field_metadata& field);
// Boolean, or {Composite}GroupByInput.
std::string group_by_type(const model::field_metadata& field);

}  // namespace cohort::actors::workspace_schema
