#include "api/platform/platform_errors.hpp"

namespace cohort::api::platform {

namespace json = boost::json;

namespace {

constexpr std::string_view authenticate_text = "You must be authenticated to perform this action.";
constexpr std::string_view generic_text = "An error occurred.";

// The GraphQL code Twenty's auth exception filter gives an AuthExceptionCode.
std::string_view code_for_sub_code(std::string_view sub_code) {
  if (sub_code == "INVALID_INPUT") return "BAD_USER_INPUT";
  if (sub_code == "UNAUTHENTICATED" || sub_code == "USER_NOT_FOUND" ||
      sub_code == "WORKSPACE_NOT_FOUND" || sub_code == "USER_WORKSPACE_NOT_FOUND") {
    return "UNAUTHENTICATED";
  }
  if (sub_code == "INTERNAL_SERVER_ERROR") return "INTERNAL_SERVER_ERROR";
  if (sub_code == "CLIENT_NOT_FOUND") return "NOT_FOUND";
  return "FORBIDDEN";
}

}  // namespace

field_error unauthenticated(std::string message) {
  json::object ext;
  ext["userFriendlyMessage"] = authenticate_text;
  ext["subCode"] = "UNAUTHENTICATED";
  ext["code"] = "UNAUTHENTICATED";
  return field_error(std::move(message), std::move(ext));
}

field_error auth_exception(std::string message, std::string_view sub_code) {
  if (sub_code == "UNAUTHENTICATED") return unauthenticated(std::move(message));
  if (sub_code == "INTERNAL_SERVER_ERROR") return internal_error(std::move(message));
  json::object ext;
  ext["subCode"] = sub_code;
  ext["userFriendlyMessage"] = message;
  ext["code"] = code_for_sub_code(sub_code);
  return field_error(std::move(message), std::move(ext));
}

field_error email_not_verified_error() {
  auto e = auth_exception("Email is not verified", "EMAIL_NOT_VERIFIED");
  e.extensions["userFriendlyMessage"] = "Email is not verified.";
  return e;
}

field_error from_auth_error(const auth::auth_error& error) {
  return auth_exception(error.message, auth::auth_error_code_name(error.code));
}

field_error internal_error(std::string message) {
  json::object ext;
  ext["code"] = "INTERNAL_SERVER_ERROR";
  ext["userFriendlyMessage"] = generic_text;
  return field_error(std::move(message), std::move(ext));
}

field_error database_error(const storage::pg::error_info& error) {
  return internal_error(error.message);
}

field_error forbidden_resource() {
  return internal_error("Forbidden resource");
}

field_error user_input_error(std::string message) {
  json::object ext;
  ext["code"] = "BAD_USER_INPUT";
  ext["userFriendlyMessage"] = message;
  return field_error(std::move(message), std::move(ext));
}

field_error conflict_error(std::string message) {
  json::object ext;
  ext["code"] = "CONFLICT";
  ext["userFriendlyMessage"] = message;
  return field_error(std::move(message), std::move(ext));
}

field_error not_implemented(std::string_view root_type, std::string_view field) {
  json::object ext;
  ext["code"] = "INTERNAL_SERVER_ERROR";
  ext["userFriendlyMessage"] = generic_text;
  return field_error(
      std::string(root_type) + "." + std::string(field) + " is not implemented by this server yet",
      std::move(ext));
}

}  // namespace cohort::api::platform
