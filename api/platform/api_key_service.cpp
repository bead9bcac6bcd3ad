#include "api/platform/api_key_service.hpp"

#include <boost/json.hpp>

#include "graphql/utilities/iso_date_time.hpp"
#include "storage/core/role_repository.hpp"
#include "storage/query/filter_operators.hpp"

namespace cohort::api::platform {

namespace {

namespace json = boost::json;
namespace core = storage::core;
namespace gu = graphql::utilities;

api_key_error bad_input(std::string message) {
  std::string user = message;
  return {api_key_error::kind::bad_input, std::move(message), std::move(user)};
}

api_key_error database(const storage::pg::error_info& e) {
  return {api_key_error::kind::database, e.message, "An error occurred."};
}

// A class-validator style check of one optional member; nullopt when absent or null.
using checked = std::variant<std::optional<std::string>, api_key_error>;

checked date_member(const json::object& input, std::string_view name) {
  const auto* v = input.if_contains(name);
  if (!v || v->is_null()) return std::optional<std::string>();
  std::optional<std::int64_t> ms;
  if (v->is_string()) ms = gu::parse_iso_date_time(std::string_view(v->as_string()));
  if (!ms) return bad_input(std::string(name) + " must be a valid ISO 8601 date string");
  return std::optional<std::string>(gu::format_iso_date_time(*ms));
}

checked string_member(const json::object& input, std::string_view name) {
  const auto* v = input.if_contains(name);
  if (!v || v->is_null()) return std::optional<std::string>();
  if (!v->is_string()) return bad_input(std::string(name) + " must be a string");
  return std::optional<std::string>(std::string(v->as_string()));
}

core::api_key_callback answer(api_key_done done) {
  return [done = std::move(done)](core::db_result<api_key_row> r) {
    if (!r.ok()) {
      // PostgreSQL refused a value the checks let through (a date out of its range).
      if (r.error->sqlstate.rfind("22", 0) == 0) return done(bad_input(r.error->message));
      return done(database(*r.error));
    }
    done(std::move(r.value));
  };
}

// Twenty's ApiKeyRoleService checks of the role a key is to hold; nullopt when it may.
void check_api_key_role(storage::pg::pool& pool, std::string workspace_id, std::string role_id,
                        std::function<void(std::optional<api_key_error>)> done) {
  core::find_role(
      pool, std::move(workspace_id), role_id,
      [role_id, done = std::move(done)](core::db_result<core::role_details> r) {
        if (!r.ok()) return done(database(*r.error));
        if (!r.value) {
          return done(api_key_error{api_key_error::kind::not_found,
                                    "Role with id " + role_id + " not found in workspace",
                                    "API key not found."});
        }
        if (!r.value->role.can_be_assigned_to_api_keys) {
          return done(
              api_key_error{api_key_error::kind::bad_input,
                            "Role \"" + r.value->role.label + "\" cannot be assigned to API keys",
                            "This role cannot be assigned to API keys."});
        }
        done(std::nullopt);
      });
}

}  // namespace

void assign_role_to_api_key(storage::pg::pool& pool, std::string workspace_id,
                            std::string api_key_id, std::string role_id,
                            std::function<void(std::variant<bool, api_key_error>)> done) {
  auto not_found = [api_key_id]() {
    return api_key_error{api_key_error::kind::not_found,
                         "API Key with id " + api_key_id + " not found in workspace",
                         "API key not found."};
  };
  core::find_api_key(pool, workspace_id, api_key_id,
                     [&pool, workspace_id, api_key_id, role_id, not_found,
                      done = std::move(done)](core::db_result<api_key_row> key) mutable {
                       if (!key.ok()) return done(database(*key.error));
                       if (!key.value) return done(not_found());
                       check_api_key_role(
                           pool, workspace_id, role_id,
                           [&pool, workspace_id, api_key_id, role_id, not_found,
                            done = std::move(done)](std::optional<api_key_error> refused) mutable {
                             if (refused) return done(std::move(*refused));
                             core::assign_api_key_role(
                                 pool, workspace_id, api_key_id, role_id,
                                 [not_found, done = std::move(done)](core::db_result<bool> r) {
                                   if (!r.ok()) return done(database(*r.error));
                                   if (!*r.value) return done(not_found());
                                   done(true);
                                 });
                           });
                     });
}

void list_api_keys(storage::pg::pool& pool, std::string workspace_id, api_key_list_done done) {
  core::list_live_api_keys(pool, std::move(workspace_id),
                           [done = std::move(done)](core::db_result<std::vector<api_key_row>> r) {
                             if (!r.ok()) return done(database(*r.error));
                             done(std::move(*r.value));
                           });
}

void get_api_key(storage::pg::pool& pool, std::string workspace_id, std::string id,
                 api_key_done done) {
  core::find_api_key(pool, std::move(workspace_id), std::move(id), answer(std::move(done)));
}

void create_api_key(storage::pg::pool& pool, std::string workspace_id, const json::object& input,
                    api_key_done done) {
  core::new_api_key key;
  key.workspace_id = std::move(workspace_id);
  auto name = string_member(input, "name");
  if (auto* e = std::get_if<api_key_error>(&name)) return done(*e);
  if (!std::get<0>(name)) return done(bad_input("name must be a string"));
  key.name = *std::get<0>(name);
  auto expires = date_member(input, "expiresAt");
  if (auto* e = std::get_if<api_key_error>(&expires)) return done(*e);
  if (!std::get<0>(expires))
    return done(bad_input("expiresAt must be a valid ISO 8601 date string"));
  key.expires_at = *std::get<0>(expires);
  auto revoked = date_member(input, "revokedAt");
  if (auto* e = std::get_if<api_key_error>(&revoked)) return done(*e);
  key.revoked_at = std::get<0>(revoked);
  auto role = string_member(input, "roleId");
  if (auto* e = std::get_if<api_key_error>(&role)) return done(*e);
  if (!std::get<0>(role) || !storage::query::is_uuid(*std::get<0>(role)))
    return done(bad_input("roleId must be a UUID"));
  key.role_id = std::get<0>(role);
  auto ws = key.workspace_id;
  auto role_id = *key.role_id;
  check_api_key_role(pool, std::move(ws), std::move(role_id),
                     [&pool, key = std::move(key),
                      done = std::move(done)](std::optional<api_key_error> refused) mutable {
                       if (refused) return done(std::move(*refused));
                       core::insert_api_key(pool, std::move(key), answer(std::move(done)));
                     });
}

void update_api_key(storage::pg::pool& pool, std::string workspace_id, std::string id,
                    const json::object& input, api_key_done done) {
  core::api_key_update update;
  auto name = string_member(input, "name");
  if (auto* e = std::get_if<api_key_error>(&name)) return done(*e);
  update.name = std::get<0>(name);
  auto expires = date_member(input, "expiresAt");
  if (auto* e = std::get_if<api_key_error>(&expires)) return done(*e);
  update.expires_at = std::get<0>(expires);
  auto revoked = date_member(input, "revokedAt");
  if (auto* e = std::get_if<api_key_error>(&revoked)) return done(*e);
  if (input.contains("revokedAt")) update.revoked_at = std::get<0>(revoked);
  core::update_api_key(pool, std::move(workspace_id), std::move(id), std::move(update),
                       answer(std::move(done)));
}

void revoke_api_key(storage::pg::pool& pool, std::string workspace_id, std::string id,
                    api_key_done done) {
  core::revoke_api_key(pool, std::move(workspace_id), std::move(id), answer(std::move(done)));
}

void generate_api_key_token(storage::pg::pool& pool,
                            std::shared_ptr<const auth::token_service> tokens,
                            std::string workspace_id, std::string api_key_id,
                            std::optional<std::string> expires_at,
                            std::function<void(std::variant<std::string, api_key_error>)> done) {
  std::optional<auth::time_point> until;
  if (expires_at) {
    auto ms = gu::parse_iso_date_time(*expires_at);
    if (!ms) return done(bad_input("expiresAt must be a valid ISO 8601 date string"));
    until = auth::time_point(std::chrono::milliseconds(*ms));
  }
  std::string id = api_key_id;
  core::find_api_key(
      pool, workspace_id, std::move(api_key_id),
      [tokens, workspace_id, id, until, done = std::move(done)](core::db_result<api_key_row> r) {
        if (!r.ok()) return done(database(*r.error));
        if (!r.value) {
          return done(api_key_error{api_key_error::kind::not_found,
                                    "API Key with id " + id + " not found", "API key not found."});
        }
        if (r.value->revoked_at) {
          return done(api_key_error{api_key_error::kind::revoked, "This API Key is revoked",
                                    "This API Key has been revoked and can no longer be used."});
        }
        auto key_expiry = gu::parse_iso_date_time(r.value->expires_at);
        auto now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
        if (key_expiry && now_ms > *key_expiry) {
          return done(api_key_error{api_key_error::kind::expired, "This API Key has expired",
                                    "This API Key has expired. Please create a new one."});
        }
        auth::api_key_token_claims claims;
        claims.workspace_id = workspace_id;
        claims.api_key_id = id;
        claims.expires_at = until;
        done(tokens->mint_api_key(claims).token);
      });
}

}  // namespace cohort::api::platform
