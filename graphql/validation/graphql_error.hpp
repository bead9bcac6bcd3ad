// One error of a GraphQL response as validation reports it: graphql-js's message, the source
// locations of the nodes it names (in order), and `extensions.code` (Twenty answers
// GRAPHQL_VALIDATION_FAILED for every validation error).
#pragma once

#include <string>
#include <vector>

#include "graphql/language/source_location.hpp"

namespace cohort::graphql::validation {

inline constexpr const char* validation_failed_code = "GRAPHQL_VALIDATION_FAILED";

struct graphql_error {
  std::string message;
  std::vector<language::source_location> locations;
  std::string code = validation_failed_code;
};

}  // namespace cohort::graphql::validation
