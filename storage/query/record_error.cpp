#include "storage/query/record_error.hpp"

namespace cohort::storage::query {

record_error bad_user_input(std::string message, std::string sub_code) {
  return {"BAD_USER_INPUT", std::move(message), std::move(sub_code),
          std::string(generic_user_message)};
}

record_error record_not_found() {
  return {"NOT_FOUND", "Record not found", "RECORD_NOT_FOUND", std::string(generic_user_message)};
}

record_error internal_error(std::string message) {
  return {"INTERNAL_SERVER_ERROR", std::move(message), std::nullopt,
          std::string(generic_user_message)};
}

record_error permission_denied() {
  return {"FORBIDDEN", "Entity performing the request does not have permission",
          "PERMISSION_DENIED", "You do not have permission to perform this action."};
}

}  // namespace cohort::storage::query
