#include "api/auth/auth_error.hpp"

namespace cohort::api::auth {

std::string_view auth_error_code_name(auth_error_code code) {
  switch (code) {
    case auth_error_code::unauthenticated:
      return "UNAUTHENTICATED";
    case auth_error_code::invalid_jwt_token_type:
      return "INVALID_JWT_TOKEN_TYPE";
    case auth_error_code::invalid_input:
      return "INVALID_INPUT";
    case auth_error_code::forbidden_exception:
      return "FORBIDDEN_EXCEPTION";
    case auth_error_code::internal_server_error:
      return "INTERNAL_SERVER_ERROR";
  }
  return "INTERNAL_SERVER_ERROR";
}

std::string_view graphql_error_code(auth_error_code code) {
  switch (code) {
    case auth_error_code::unauthenticated:
      return "UNAUTHENTICATED";
    case auth_error_code::invalid_jwt_token_type:
    case auth_error_code::forbidden_exception:
      return "FORBIDDEN";
    case auth_error_code::invalid_input:
      return "BAD_USER_INPUT";
    case auth_error_code::internal_server_error:
      return "INTERNAL_SERVER_ERROR";
  }
  return "INTERNAL_SERVER_ERROR";
}

}  // namespace cohort::api::auth
