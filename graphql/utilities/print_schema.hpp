// A schema as SDL, exactly as graphql-js 16's printSchema prints it: the schema definition only
// when its roots are not Query/Mutation/Subscription or it has a description, then the
// non-specified directives, then every type but the built-in scalars and introspection types,
// in type-map order; descriptions as block strings, default values, deprecation reasons.
#pragma once

#include <string>

#include "graphql/type/schema.hpp"

namespace cohort::graphql::utilities {

std::string print_schema(const type::schema& schema);

// graphql-js printIntrospectionSchema: the specified directives and the introspection types.
std::string print_introspection_schema(const type::schema& schema);

// One type's definition (graphql-js printType).
std::string print_type(const type::named_type& type);

}  // namespace cohort::graphql::utilities
