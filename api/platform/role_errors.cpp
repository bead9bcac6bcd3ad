#include "api/platform/role_errors.hpp"

#include <boost/json/object.hpp>

namespace cohort::api::platform {

namespace {

struct permissions_exception {
  std::string_view sub_code;
  std::string_view message;
  std::string_view user_friendly;
  std::string_view code;
};

// Twenty's PermissionsExceptionMessage / user-friendly texts, and the GraphQL code its filter
// gives.
constexpr permissions_exception exceptions[] = {
    {"PERMISSION_DENIED", "Entity performing the request does not have permission",
     "You do not have permission to perform this action.", "FORBIDDEN"},
    {"ROLE_NOT_FOUND", "Role not found", "Role not found.", "NOT_FOUND"},
    {"WORKSPACE_MEMBER_NOT_FOUND", "Workspace member not found", "Workspace member not found.",
     "NOT_FOUND"},
    {"USER_WORKSPACE_NOT_FOUND", "User workspace not found", "User workspace not found.",
     "NOT_FOUND"},
    {"OBJECT_METADATA_NOT_FOUND", "Object metadata not found", "Object metadata not found.",
     "NOT_FOUND"},
    {"FIELD_METADATA_NOT_FOUND", "Field metadata not found", "Field metadata not found.",
     "NOT_FOUND"},
    {"PERMISSION_NOT_FOUND", "Permission not found", "Permission not found.", "NOT_FOUND"},
    {"CANNOT_UNASSIGN_LAST_ADMIN", "Cannot unassign admin role from last admin of the workspace",
     "Cannot remove the last admin from the workspace.", "FORBIDDEN"},
    {"CANNOT_UPDATE_SELF_ROLE", "Cannot update self role", "You cannot update your own role.",
     "FORBIDDEN"},
    {"ROLE_LABEL_ALREADY_EXISTS", "A role with this label already exists",
     "A role with this label already exists.", "FORBIDDEN"},
    {"ROLE_NOT_EDITABLE", "Role is not editable", "This role cannot be edited.", "FORBIDDEN"},
    {"DEFAULT_ROLE_CANNOT_BE_DELETED", "Default role cannot be deleted",
     "The default role cannot be deleted.", "FORBIDDEN"},
    {"DEFAULT_ROLE_NOT_FOUND", "Default role not found", "Default role not found.", "NOT_FOUND"},
    {"INVALID_ARG", "Invalid argument", "Invalid argument provided.", "BAD_USER_INPUT"},
    {"INVALID_SETTING", "Invalid permission setting (unknown value)", "Invalid permission setting.",
     "BAD_USER_INPUT"},
    {"CANNOT_ADD_OBJECT_PERMISSION_ON_SYSTEM_OBJECT",
     "Cannot add object permission on system object", "Cannot add permissions on system objects.",
     "FORBIDDEN"},
    {"CANNOT_ADD_FIELD_PERMISSION_ON_SYSTEM_OBJECT", "Cannot add field permission on system object",
     "Cannot add field permissions on system objects.", "FORBIDDEN"},
    {"CANNOT_GIVE_WRITING_PERMISSION_ON_NON_READABLE_OBJECT",
     "Cannot give update permission to non-readable object",
     "Cannot give write permission on non-readable objects.", "BAD_USER_INPUT"},
    {"CANNOT_GIVE_WRITING_PERMISSION_WITHOUT_READING_PERMISSION",
     "Cannot give writing permission without reading permission",
     "Cannot give write permission without read permission.", "BAD_USER_INPUT"},
    {"ONLY_FIELD_RESTRICTION_ALLOWED", "Field permission can only introduce a restriction",
     "Only field restrictions are allowed.", "BAD_USER_INPUT"},
    {"FIELD_RESTRICTION_ONLY_ALLOWED_ON_READABLE_OBJECT",
     "Field restriction only makes sense on readable object",
     "Field restrictions only apply to readable objects.", "BAD_USER_INPUT"},
    {"FIELD_RESTRICTION_ON_UPDATE_ONLY_ALLOWED_ON_UPDATABLE_OBJECT",
     "Field restriction on update only makes sense on updatable object",
     "Update field restrictions only apply to updatable objects.", "BAD_USER_INPUT"},
    {"ROLE_MUST_HAVE_AT_LEAST_ONE_TARGET", "Role must be assignable to at least one target type",
     "Role must have at least one target.", "BAD_USER_INPUT"},
    {"ROLE_CANNOT_BE_ASSIGNED_TO_USERS", "Role cannot be assigned to users",
     "This role cannot be assigned to users.", "BAD_USER_INPUT"},
    {"API_KEY_ROLE_NOT_FOUND", "API key has no role assigned", "API key role not found.",
     "NOT_FOUND"},
    {"NO_ROLE_FOUND_FOR_USER_WORKSPACE", "No role found for userWorkspace",
     "No role found for this user in the workspace.", "NOT_FOUND"},
};

}  // namespace

field_error permissions_error(std::string_view sub_code) {
  for (const auto& e : exceptions) {
    if (e.sub_code != sub_code) continue;
    boost::json::object ext;
    ext["subCode"] = e.sub_code;
    ext["userFriendlyMessage"] = e.user_friendly;
    ext["code"] = e.code;
    return field_error(std::string(e.message), std::move(ext));
  }
  boost::json::object ext;
  ext["subCode"] = sub_code;
  ext["userFriendlyMessage"] = "An error occurred.";
  ext["code"] = "FORBIDDEN";
  return field_error(std::string(sub_code), std::move(ext));
}

}  // namespace cohort::api::platform
