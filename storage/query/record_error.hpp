// An error a client caused (or may see) while its record query was compiled or run, in Twenty's
// GraphQL shape: `message` plus the `extensions` code, subCode and userFriendlyMessage. Database
// failures arrive here already translated: a record_error never carries SQL text.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cohort::storage::query {

struct record_error {
  std::string code;     // extensions.code: BAD_USER_INPUT, NOT_FOUND, INTERNAL_SERVER_ERROR, ...
  std::string message;  // Twenty's text
  std::optional<std::string> sub_code;               // extensions.subCode: INVALID_CURSOR, ...
  std::optional<std::string> user_friendly_message;  // extensions.userFriendlyMessage

  bool operator==(const record_error&) const = default;
};

// Twenty's generic display text for errors without a dedicated one.
inline constexpr std::string_view generic_user_message = "An error occurred.";

// BAD_USER_INPUT with `sub_code` and the generic user-friendly message.
record_error bad_user_input(std::string message, std::string sub_code);
// NOT_FOUND "Record not found" / RECORD_NOT_FOUND.
record_error record_not_found();
// INTERNAL_SERVER_ERROR with a message that is safe to show.
record_error internal_error(std::string message);
// Twenty's PermissionsException PERMISSION_DENIED as its GraphQL filter answers it: FORBIDDEN,
// "Entity performing the request does not have permission" (REST: 403 ForbiddenException).
record_error permission_denied();

}  // namespace cohort::storage::query
