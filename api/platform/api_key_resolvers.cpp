// /metadata (and /graphql) apiKeys, apiKey, createApiKey, updateApiKey, revokeApiKey and
// generateApiKeyToken, for members of the caller's workspace (api_key_permission).
#include "api/platform/api_key_resolvers.hpp"
#include "api/platform/api_key_json.hpp"
#include "api/platform/api_key_permission.hpp"
#include "api/platform/permission_guard.hpp"
#include "api/platform/platform_json.hpp"
#include "storage/core/workspace_repository.hpp"

namespace cohort::api::platform {

namespace {

// The caller's workspace, or the refusal already answered.
std::optional<std::string> allowed_workspace(const resolve_info& info, const reply& out) {
  auto who = caller_of(info);
  if (auto why = api_key_permission(who)) {
    out.error(guard_error(*why));
    return std::nullopt;
  }
  return who.workspace_id;
}

// The keys with their whole Role (and their Workspace when selected).
void answer_with_roles(const state_ptr& state, bool with_workspace, const reply& out,
                       const std::string& workspace_id, json::value keys) {
  attach_api_key_roles(state, workspace_id, std::move(keys),
                       [state, with_workspace, out, workspace_id](std::optional<field_error> e,
                                                                  json::value with_roles) {
                         if (e) return out.error(std::move(*e));
                         answer_with_workspace(state, with_workspace, out, workspace_id,
                                               std::move(with_roles));
                       });
}

api_key_done answer_key(const state_ptr& state, const resolve_info& info, reply out,
                        std::string workspace_id) {
  return [state, with_workspace = selects_workspace(info), out, workspace_id](api_key_outcome r) {
    if (auto* e = std::get_if<api_key_error>(&r)) return out.error(api_key_field_error(*e));
    auto& row = std::get<0>(r);
    if (!row) return out.value(nullptr);
    answer_with_roles(state, with_workspace, out, workspace_id, api_key_json(*row));
  };
}

std::string input_id(const resolve_info& info) {
  return string_arg(object_arg(info.args(), "input"), "id").value_or("");
}

void list(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  auto ws = allowed_workspace(info, out);
  if (!ws) return;
  list_api_keys(*state->pool, *ws,
                [state, with_workspace = selects_workspace(info), out,
                 ws = *ws](std::variant<std::vector<api_key_row>, api_key_error> r) {
                  if (auto* e = std::get_if<api_key_error>(&r))
                    return out.error(api_key_field_error(*e));
                  json::array items;
                  for (const auto& row : std::get<0>(r)) items.push_back(api_key_json(row));
                  answer_with_roles(state, with_workspace, out, ws, std::move(items));
                });
}

void find_one(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  auto ws = allowed_workspace(info, out);
  if (!ws) return;
  get_api_key(*state->pool, *ws, input_id(info), answer_key(state, info, out, *ws));
}

void create(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  auto ws = allowed_workspace(info, out);
  if (!ws) return;
  create_api_key(*state->pool, *ws, object_arg(info.args(), "input"),
                 answer_key(state, info, out, *ws));
}

void update(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  auto ws = allowed_workspace(info, out);
  if (!ws) return;
  json::object input = object_arg(info.args(), "input");
  input.erase("id");
  update_api_key(*state->pool, *ws, input_id(info), input, answer_key(state, info, out, *ws));
}

void revoke(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  auto ws = allowed_workspace(info, out);
  if (!ws) return;
  revoke_api_key(*state->pool, *ws, input_id(info), answer_key(state, info, out, *ws));
}

void generate_token(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  auto ws = allowed_workspace(info, out);
  if (!ws) return;
  generate_api_key_token(
      *state->pool, state->tokens, *ws, string_arg(info.args(), "apiKeyId").value_or(""),
      string_arg(info.args(), "expiresAt"), [out](std::variant<std::string, api_key_error> r) {
        if (auto* e = std::get_if<api_key_error>(&r)) return out.error(api_key_field_error(*e));
        out.value(json::object{{"token", std::get<std::string>(r)}});
      });
}

void assign_role(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  auto ws = allowed_workspace(info, out);
  if (!ws) return;
  assign_role_to_api_key(*state->pool, *ws, string_arg(info.args(), "apiKeyId").value_or(""),
                         string_arg(info.args(), "roleId").value_or(""),
                         [out](std::variant<bool, api_key_error> r) {
                           if (auto* e = std::get_if<api_key_error>(&r))
                             return out.error(api_key_field_error(*e));
                           out.value(std::get<bool>(r));
                         });
}

}  // namespace

void add_api_key_resolvers(resolver_list& out, const state_ptr& state) {
  auto bind = [&](std::string_view root, std::string_view field,
                  void (*fn)(const state_ptr&, resolve_info&, completion)) {
    out.push_back({root, field, [state, fn](resolve_info& info, completion done) {
                     fn(state, info, std::move(done));
                   }});
  };
  bind("Query", "apiKeys", list);
  bind("Query", "apiKey", find_one);
  bind("Mutation", "createApiKey", create);
  bind("Mutation", "updateApiKey", update);
  bind("Mutation", "revokeApiKey", revoke);
  bind("Mutation", "generateApiKeyToken", generate_token);
  bind("Mutation", "assignRoleToApiKey", assign_role);
}

}  // namespace cohort::api::platform
