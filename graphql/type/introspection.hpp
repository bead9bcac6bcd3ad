// The introspection types every schema carries (graphql-js `type/introspection`): __Schema,
// __Directive, __DirectiveLocation, __Type, __Field, __InputValue, __EnumValue and __TypeKind,
// with graphql-js 16's fields and descriptions, and the specified directives' definitions.
#pragma once

#include <string_view>
#include <vector>

#include "graphql/type/schema_builder.hpp"

namespace cohort::graphql::type {

bool is_introspection_type_name(std::string_view name);

// The eight introspection types as builder entries, in graphql-js's `introspectionTypes` order.
std::vector<schema_builder::entry> introspection_type_entries();

// @include, @skip, @deprecated, @specifiedBy, @oneOf as builder entries.
std::vector<directive_config> specified_directive_configs();

}  // namespace cohort::graphql::type
