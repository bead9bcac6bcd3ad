#include "api/platform/api_key_json.hpp"

#include <boost/json.hpp>
#include <unordered_map>

#include "api/platform/role_json.hpp"
#include "storage/core/role_repository.hpp"

namespace cohort::api::platform {

namespace json = boost::json;

namespace {

// The key's role until attach_api_key_roles replaces it by the whole Role.
json::object role_stub(const std::optional<std::string>& role_id) {
  return {{"id", role_id ? json::value(*role_id) : json::value(nullptr)}};
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
  o["role"] = role_stub(row.role_id);
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

void attach_api_key_roles(const state_ptr& state, std::string workspace_id, json::value keys,
                          std::function<void(std::optional<field_error>, json::value)> done) {
  auto shared = std::make_shared<json::value>(std::move(keys));
  storage::core::list_roles(
      *state->pool, workspace_id,
      [state, workspace_id, shared,
       done](storage::core::db_result<std::vector<storage::core::role_details>> r) {
        if (!r.ok()) return done(database_error(*r.error), nullptr);
        roles_json(state, workspace_id, std::move(*r.value),
                   [shared, done](std::optional<field_error> e, json::array roles) {
                     if (e) return done(std::move(e), nullptr);
                     std::unordered_map<std::string, json::object> by_id;
                     for (auto& role : roles) {
                       auto& o = role.as_object();
                       by_id.emplace(std::string(o.at("id").as_string()), std::move(o));
                     }
                     auto attach = [&](json::value& key) {
                       if (!key.is_object()) return;
                       auto* role = key.as_object().if_contains("role");
                       if (!role || !role->is_object()) return;
                       auto* id = role->as_object().if_contains("id");
                       if (!id || !id->is_string()) return;
                       auto it = by_id.find(std::string(id->as_string()));
                       if (it != by_id.end()) *role = it->second;
                     };
                     if (shared->is_array()) {
                       for (auto& key : shared->as_array()) attach(key);
                     } else {
                       attach(*shared);
                     }
                     done(std::nullopt, std::move(*shared));
                   });
      });
}

}  // namespace cohort::api::platform
