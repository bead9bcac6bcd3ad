// A metadata change the workspace refuses, worded and coded as Twenty answers it: GraphQL code
// (BAD_USER_INPUT, CONFLICT, NOT_FOUND, FORBIDDEN, INTERNAL_SERVER_ERROR), Twenty's exception
// code as subCode, and the message its UI shows.
#pragma once

#include <string>

namespace cohort::actors::metadata {

struct metadata_error {
  std::string code;
  std::string sub_code;  // empty: none (Twenty's internal errors carry none)
  std::string message;
  std::string user_friendly_message;
};

// BAD_USER_INPUT with subCode INVALID_OBJECT_INPUT / INVALID_FIELD_INPUT.
metadata_error invalid_object_input(std::string message, std::string user_friendly = {});
metadata_error invalid_field_input(std::string message, std::string user_friendly = {});
metadata_error object_already_exists();
metadata_error object_not_found(std::string message = "Object does not exist");
metadata_error field_not_found(std::string message = "Field does not exist");
metadata_error mutation_not_allowed(std::string message, bool field);
metadata_error internal_metadata_error(std::string message);

}  // namespace cohort::actors::metadata
