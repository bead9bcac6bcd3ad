// The GraphQL type a field has in the workspace schema (/graphql), as Twenty 1.6.0 generates
// it: scalars per field type, shared composite types, per-field select enums and, for relations,
// the target object or its connection. Names only; the graphql layer builds the types.
#pragma once

#include <string>

#include "model/field_metadata.hpp"
#include "model/object_metadata.hpp"

namespace cohort::model {

// Output type of `field` on `object`'s type, without non-null markers, lists spelled
// "[T]": "String", "Float", "FullName", "OpportunityStageEnum", "[WorkflowStatusesEnum]",
// "Company", "PersonConnection".
std::string graphql_output_type(const object_metadata& object, const field_metadata& field);

}  // namespace cohort::model
