// The output types of one object: `{Object}` (fields in metadata order, each many-to-one relation
// spelled as its `{name}Id` join column in place and as the related object after the plain
// fields, one-to-many relations as connections), `{Object}Edge`, `{Object}Connection` and
// `{Object}GroupByConnection`.
#pragma once

#include <string_view>
#include <vector>

#include "actors/workspace/schema/type_registry.hpp"
#include "graphql/type/schema_builder.hpp"
#include "model/object_metadata.hpp"

namespace cohort::actors::workspace_schema {

void add_object_types(type_registry& types, const model::object_metadata& object,
                      const std::vector<const model::field_metadata*>& fields);

// first, last, before, after, filter and orderBy of a field that returns `{Object}Connection`
// (the findMany root field and every one-to-many relation); `object` is the capitalised name.
void add_connection_arguments(graphql::type::field_config& field, std::string_view object);

}  // namespace cohort::actors::workspace_schema
