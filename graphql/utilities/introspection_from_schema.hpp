// The result of graphql-js's introspection query over a schema, built directly from the type
// system (graphql-js `introspectionFromSchema`): the same `data` object, with keys in the order the
// query selects them, as getIntrospectionQuery(options) would return it when executed.
#pragma once

#include <boost/json/value.hpp>

#include "graphql/type/schema.hpp"

namespace cohort::graphql::utilities {

// graphql-js getIntrospectionQuery options. The defaults are introspectionFromSchema's in
// graphql-js 16.15: everything on.
struct introspection_options {
  bool descriptions = true;
  bool specified_by_url = true;
  bool directive_is_repeatable = true;
  bool schema_description = true;
  bool input_value_deprecation = true;
  bool experimental_directive_deprecation = true;
  bool one_of = true;
  int type_depth = 9;
};

// {"__schema": {...}}
boost::json::value introspection_from_schema(const type::schema& schema,
                                             const introspection_options& options = {});

}  // namespace cohort::graphql::utilities
