#include "api/webhooks/webhook_resolvers.hpp"

#include "api/platform/platform_json.hpp"
#include "api/webhooks/webhook_input.hpp"
#include "api/webhooks/webhook_json.hpp"
#include "api/webhooks/webhook_permission.hpp"
#include "storage/core/workspace_repository.hpp"
#include "storage/webhooks/webhook_repository.hpp"

namespace cohort::api::webhooks {

namespace {

namespace json = boost::json;
namespace wh = storage::webhooks;
using platform::completion;
using platform::field_error;
using platform::reply;
using platform::resolve_info;
using platform::state_ptr;

field_error input_error(const webhook_input_error& e) {
  json::object ext;
  if (e.invalid_url) {
    ext["subCode"] = "INVALID_TARGET_URL";
    ext["userFriendlyMessage"] = invalid_target_url_user_message;
  } else {
    ext["userFriendlyMessage"] = e.message;
  }
  ext["code"] = "BAD_USER_INPUT";
  return field_error(e.message, std::move(ext));
}

// The caller's workspace, or the refusal already answered.
std::optional<std::string> allowed_workspace(const resolve_info& info, const reply& out) {
  auto who = platform::caller_of(info);
  if (auto why = webhook_permission(who)) {
    out.error(platform::guard_error(*why));
    return std::nullopt;
  }
  return who.workspace_id;
}

std::string id_of(const resolve_info& info) {
  return platform::string_arg(platform::object_arg(info.args(), "input"), "id").value_or("");
}

wh::webhook_callback answer_row(const state_ptr& state, const resolve_info& info, reply out,
                                std::string workspace_id) {
  return [state, with_workspace = platform::selects_workspace(info), out,
          workspace_id](wh::db_result<wh::webhook_row> r) {
    if (out.failed(r)) return;
    if (!r.value) return out.value(nullptr);
    platform::answer_with_workspace(state, with_workspace, out, workspace_id,
                                    webhook_json(*r.value));
  };
}

void list(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  auto workspace = allowed_workspace(info, out);
  if (!workspace) return;
  wh::list_webhooks(*state->pool, *workspace,
                    [state, with_workspace = platform::selects_workspace(info), out,
                     ws = *workspace](wh::db_result<std::vector<wh::webhook_row>> r) {
                      if (out.failed(r)) return;
                      json::array items;
                      for (const auto& row : *r.value) items.push_back(webhook_json(row));
                      platform::answer_with_workspace(state, with_workspace, out, ws,
                                                      std::move(items));
                    });
}

void find_one(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  auto workspace = allowed_workspace(info, out);
  if (!workspace) return;
  wh::find_webhook(*state->pool, *workspace, id_of(info), answer_row(state, info, out, *workspace));
}

void create(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  auto workspace = allowed_workspace(info, out);
  if (!workspace) return;
  auto input = read_new_webhook(platform::object_arg(info.args(), "input"), *workspace, false);
  if (auto* e = std::get_if<webhook_input_error>(&input)) return out.error(input_error(*e));
  wh::insert_webhook(*state->pool, std::move(std::get<wh::new_webhook>(input)),
                     answer_row(state, info, out, *workspace));
}

void update(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  auto workspace = allowed_workspace(info, out);
  if (!workspace) return;
  auto input = read_webhook_update(platform::object_arg(info.args(), "input"));
  if (auto* e = std::get_if<webhook_input_error>(&input)) return out.error(input_error(*e));
  wh::update_webhook(*state->pool, *workspace, id_of(info),
                     std::move(std::get<wh::webhook_update>(input)),
                     answer_row(state, info, out, *workspace));
}

void remove(const state_ptr& state, resolve_info& info, completion done) {
  reply out(std::move(done));
  auto workspace = allowed_workspace(info, out);
  if (!workspace) return;
  wh::soft_delete_webhook(*state->pool, *workspace, id_of(info),
                          [out](wh::db_result<wh::webhook_row> r) {
                            if (out.failed(r)) return;
                            out.value(r.value.has_value());
                          });
}

}  // namespace

void add_webhook_resolvers(platform::resolver_list& out, const state_ptr& state) {
  auto bind = [&](std::string_view root, std::string_view field,
                  void (*fn)(const state_ptr&, resolve_info&, completion)) {
    out.push_back({root, field, [state, fn](resolve_info& info, completion done) {
                     fn(state, info, std::move(done));
                   }});
  };
  bind("Query", "webhooks", list);
  bind("Query", "webhook", find_one);
  bind("Mutation", "createWebhook", create);
  bind("Mutation", "updateWebhook", update);
  bind("Mutation", "deleteWebhook", remove);
}

}  // namespace cohort::api::webhooks
