// Validation of an executable document against a schema (graphql-js `validate` with its
// `specifiedRules`): every rule runs in one traversal, errors come in graphql-js's order with its
// messages and locations. Protective limits (Twenty's query-complexity checks) run first and, as in
// Twenty, refuse the document with a single error before any rule runs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "graphql/language/document.hpp"
#include "graphql/type/schema.hpp"
#include "graphql/validation/graphql_error.hpp"

namespace cohort::graphql::validation {

struct validate_options {
  // graphql-js `maxErrors`: past this many errors, one more error "Too many validation errors,
  // error limit reached. Validation aborted." is added and validation stops.
  std::size_t max_errors = 100;
  // graphql-js `hideSuggestions`: no "Did you mean ...?" in messages.
  bool hide_suggestions = false;

  // Protective limits; 0 turns a limit off. Counted as Twenty counts them: fragments expanded,
  // introspection fields (`__...`) left out. The field budget (Twenty GRAPHQL_MAX_FIELDS) bounds
  // depth and aliases too, which is why those two are off by default as in Twenty.
  std::uint32_t max_fields = 2000;     // every selected field
  std::uint32_t max_root_fields = 20;  // Twenty GRAPHQL_MAX_ROOT_RESOLVERS
  std::uint32_t max_depth = 0;         // nested fields ("Too many nested fields")
  std::uint32_t max_aliases = 0;       // fields written with an alias
  // Twenty's checkDuplicateRootResolvers: a root field may be selected once per document.
  bool reject_duplicate_root_fields = true;
  // False refuses __schema, __type and what lies below them (graphql-js
  // NoSchemaIntrospectionCustomRule); __typename stays allowed.
  bool allow_introspection = true;

  // graphql-js behaviour only: no protective limit (what the oracle compares).
  static validate_options graphql_js() {
    validate_options o;
    o.max_fields = 0;
    o.max_root_fields = 0;
    o.reject_duplicate_root_fields = false;
    return o;
  }
};

std::vector<graphql_error> validate(const type::schema& schema, const language::document& document,
                                    const validate_options& options = {});

// Only the protective limits; empty when the document is within them.
std::vector<graphql_error> check_limits(const language::document& document,
                                        const validate_options& options);

}  // namespace cohort::graphql::validation
