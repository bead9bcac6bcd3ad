// Twenty's PermissionsException as the role and permission resolvers answer it: the message of
// PermissionsExceptionMessage, extensions {subCode: the PermissionsExceptionCode,
// userFriendlyMessage, code} with code NOT_FOUND, BAD_USER_INPUT or FORBIDDEN as Twenty's filter
// maps the sub-code (spec §3.5).
#pragma once

#include <string_view>

#include "api/platform/platform_errors.hpp"

namespace cohort::api::platform {

// `sub_code` is a PermissionsExceptionCode name ("ROLE_NOT_FOUND", "CANNOT_UPDATE_SELF_ROLE",
// ...); unknown names answer FORBIDDEN with the name as message.
field_error permissions_error(std::string_view sub_code);

}  // namespace cohort::api::platform
