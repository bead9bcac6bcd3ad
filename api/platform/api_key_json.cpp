#include "api/platform/api_key_json.hpp"

#include <boost/json.hpp>

namespace cohort::api::platform {

namespace json = boost::json;

namespace {

json::object placeholder_role(const std::optional<std::string>& role_id) {
  json::object role;
  role["id"] = role_id ? json::value(*role_id) : json::value(nullptr);
  role["standardId"] = nullptr;
  role["label"] = "Admin";
  role["description"] = nullptr;
  role["icon"] = "IconUserCog";
  role["isEditable"] = false;
  role["canBeAssignedToUsers"] = true;
  role["canBeAssignedToAgents"] = false;
  role["canBeAssignedToApiKeys"] = true;
  role["workspaceMembers"] = json::array();
  role["agents"] = json::array();
  role["apiKeys"] = json::array();
  for (auto flag :
       {"canUpdateAllSettings", "canAccessAllTools", "canReadAllObjectRecords",
        "canUpdateAllObjectRecords", "canSoftDeleteAllObjectRecords", "canDestroyAllObjectRecords"})
    role[flag] = true;
  role["permissionFlags"] = json::array();
  role["objectPermissions"] = json::array();
  role["fieldPermissions"] = json::array();
  return role;
}

}  // namespace

json::object api_key_json(const api_key_row& row) {
  json::object o;
  o["id"] = row.id;
  o["name"] = row.name;
  o["expiresAt"] = row.expires_at;
  o["revokedAt"] = row.revoked_at ? json::value(*row.revoked_at) : json::value(nullptr);
  o["workspaceId"] = row.workspace_id;
  o["createdAt"] = row.created_at;
  o["updatedAt"] = row.updated_at;
  o["role"] = placeholder_role(row.role_id);
  return o;
}

graphql::execution::field_error api_key_field_error(const api_key_error& error) {
  using k = api_key_error::kind;
  json::object ext;
  switch (error.what) {
    case k::not_found:
      ext["code"] = "NOT_FOUND";
      break;
    case k::revoked:
      ext["code"] = "FORBIDDEN";
      break;
    case k::expired:
    case k::bad_input:
      ext["code"] = "BAD_USER_INPUT";
      break;
    case k::database:
      ext["code"] = "INTERNAL_SERVER_ERROR";
      break;
  }
  ext["userFriendlyMessage"] = error.user_message;
  return graphql::execution::field_error(error.message, std::move(ext));
}

}  // namespace cohort::api::platform
