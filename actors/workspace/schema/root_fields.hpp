// The record root fields of Query and Mutation for every object, with Twenty 1.6.0's arguments
// and return types, each carrying the resolver the factory gives it.
#pragma once

#include <vector>

#include "actors/workspace/schema/record_schema.hpp"
#include "actors/workspace/schema/type_registry.hpp"

namespace cohort::actors::workspace_schema {

void add_root_fields(type_registry& types,
                     const std::vector<const model::object_metadata*>& objects,
                     const root_resolver_factory& resolvers);

}  // namespace cohort::actors::workspace_schema
