// A schema rebuilt from an introspection result (graphql-js `buildClientSchema`): every type,
// field, argument, enum value and directive the result lists, in its order; default values parsed
// and coerced as graphql-js does. Custom scalars get identity coercions. Used by tests against
// recorded schemas and by work that starts from a Twenty introspection result.
#pragma once

#include <boost/json/value.hpp>

#include "graphql/type/schema_builder.hpp"

namespace cohort::graphql::utilities {

// `introspection` is the `data` of an introspection response ({"__schema": ...}); a whole response
// ({"data": {"__schema": ...}}) is accepted too. Malformed input gives graphql-js's error messages.
type::schema_build_result build_client_schema(const boost::json::value& introspection,
                                              type::build_options options = {});

}  // namespace cohort::graphql::utilities
