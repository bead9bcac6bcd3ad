// A schema rebuilt from an introspection result (graphql-js `buildClientSchema`): every type,
// field, argument, enum value and directive the result lists, in its order; default values parsed
// and coerced as graphql-js does. Custom scalars get identity coercions. Used by tests against
// recorded schemas and by work that starts from a Twenty introspection result.
// add_introspection_types merges a result's types and root fields INTO a caller's builder (with
// Twenty's scalars really coerced), so recorded platform types and generated types share a schema.
#pragma once

#include <boost/json/value.hpp>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "graphql/type/schema_builder.hpp"

namespace cohort::graphql::utilities {

// `introspection` is the `data` of an introspection response ({"__schema": ...}); a whole response
// ({"data": {"__schema": ...}}) is accepted too. Malformed input gives graphql-js's error messages.
type::schema_build_result build_client_schema(const boost::json::value& introspection,
                                              type::build_options options = {});

enum class root_field_choice { keep, skip, keep_without_args };

// What add_introspection_types takes from a result; empty functions take everything.
struct introspection_import {
  // False skips a named type (the caller defines its own, or does not want it). References to it
  // stay valid for the check, so the caller must add a type of that name itself.
  std::function<bool(std::string_view type_name)> include_type;
  // Per field of a root operation type; root_type is "Query", "Mutation" or "Subscription".
  std::function<root_field_choice(std::string_view root_type, std::string_view field_name)>
      include_root_field;
  // Also take the result's directives instead of the specified ones (graphql-js's list).
  bool directives = false;
};

// The root operation types created (null when the result has none or the filter skipped it):
// the caller may add more root fields to them. They live as long as the builder.
struct introspection_roots {
  type::object_config* query = nullptr;
  type::object_config* mutation = nullptr;
  type::object_config* subscription = nullptr;
};

struct introspection_import_result {
  introspection_roots roots;
  std::vector<std::string> errors;  // graphql-js's messages, as build_client_schema gives them
  bool ok() const { return errors.empty(); }
};

// Adds the result's types to `builder` in the result's order (built-in scalars and introspection
// types are placed, not defined), sets them as the builder's root types, and gives the Twenty
// scalars (UUID, DateTime, JSON, ... of type/scalars_extra.hpp) their real coercions; other
// custom scalars get identity ones. The result's descriptions win over the scalars' own.
introspection_import_result add_introspection_types(type::schema_builder& builder,
                                                    const boost::json::value& introspection,
                                                    const introspection_import& import = {});

}  // namespace cohort::graphql::utilities
