#include "actors/workspace/metadata/metadata_error.hpp"

namespace cohort::actors::metadata {

namespace {

metadata_error make(std::string code, std::string sub_code, std::string message,
                    std::string user_friendly) {
  if (user_friendly.empty()) user_friendly = message;
  return {std::move(code), std::move(sub_code), std::move(message), std::move(user_friendly)};
}

}  // namespace

metadata_error invalid_object_input(std::string message, std::string user_friendly) {
  return make("BAD_USER_INPUT", "INVALID_OBJECT_INPUT", std::move(message),
              std::move(user_friendly));
}

metadata_error invalid_field_input(std::string message, std::string user_friendly) {
  return make("BAD_USER_INPUT", "INVALID_FIELD_INPUT", std::move(message),
              std::move(user_friendly));
}

metadata_error object_already_exists() {
  return make("CONFLICT", "OBJECT_ALREADY_EXISTS", "Object already exists", {});
}

metadata_error object_not_found(std::string message) {
  return make("NOT_FOUND", "OBJECT_METADATA_NOT_FOUND", std::move(message), {});
}

metadata_error field_not_found(std::string message) {
  return make("NOT_FOUND", "FIELD_METADATA_NOT_FOUND", std::move(message), {});
}

metadata_error mutation_not_allowed(std::string message, bool field) {
  return make("FORBIDDEN", field ? "FIELD_MUTATION_NOT_ALLOWED" : "OBJECT_MUTATION_NOT_ALLOWED",
              std::move(message), {});
}

metadata_error internal_metadata_error(std::string message) {
  return {"INTERNAL_SERVER_ERROR", "", std::move(message), "An error occurred."};
}

}  // namespace cohort::actors::metadata
