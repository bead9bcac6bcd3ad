// The errors the platform resolvers answer, shaped and worded as Twenty 1.6 answers them (the
// golden exchanges win): extensions {userFriendlyMessage, subCode, code} for token failures,
// {subCode, userFriendlyMessage, code} for other auth failures, {code, userFriendlyMessage:
// "An error occurred."} for internal ones.
#pragma once

#include <string>
#include <string_view>

#include "api/auth/auth_error.hpp"
#include "graphql/execution/error.hpp"
#include "storage/pg/result.hpp"

namespace cohort::api::platform {

using graphql::execution::field_error;

// A token that failed verification ("No payload", "Token invalid.", "Token has expired.").
field_error unauthenticated(std::string message);
// Any auth primitive's error, mapped as Twenty's auth exception filter maps its code.
field_error from_auth_error(const auth::auth_error& error);
// AuthException(message, code): `sub_code` is Twenty's AuthExceptionCode name.
field_error auth_exception(std::string message, std::string_view sub_code);
// AuthExceptionCode.EMAIL_NOT_VERIFIED as Twenty's auth filter answers it (sign-in and the login
// token exchange, with IS_EMAIL_VERIFICATION_REQUIRED).
field_error email_not_verified_error();
// INTERNAL_SERVER_ERROR with Twenty's user-facing text.
field_error internal_error(std::string message);
// A database failure; details go to the message as PostgreSQL worded them.
field_error database_error(const storage::pg::error_info& error);
// What Twenty's guards answer a caller who may not call the field ("Forbidden resource").
field_error forbidden_resource();
// A user-input error of Twenty's workspace and validation code (BAD_USER_INPUT).
field_error user_input_error(std::string message);
// A conflict (CONFLICT), e.g. a taken subdomain.
field_error conflict_error(std::string message);
// A platform root field this server does not implement yet.
field_error not_implemented(std::string_view root_type, std::string_view field);

}  // namespace cohort::api::platform
