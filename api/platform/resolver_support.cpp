#include "api/platform/resolver_support.hpp"
#include "api/platform/platform_json.hpp"
#include "storage/core/workspace_repository.hpp"

#include <algorithm>
#include <cctype>

#include "api/auth/crypto.hpp"
#include "graphql/utilities/iso_date_time.hpp"

namespace cohort::api::platform {

actors::caller caller_of(const resolve_info& info) {
  auto* ctx = static_cast<const actors::request_context*>(info.context());
  return ctx ? ctx->who : actors::caller{};
}

std::string origin_of(const resolve_info& info) {
  auto* ctx = static_cast<const actors::request_context*>(info.context());
  return ctx ? ctx->origin : std::string();
}

std::optional<std::string> string_arg(const json::object& args, std::string_view name) {
  const json::value* v = args.if_contains(name);
  if (!v || !v->is_string()) return std::nullopt;
  return std::string(v->get_string());
}

json::object object_arg(const json::object& args, std::string_view name) {
  const json::value* v = args.if_contains(name);
  if (!v || !v->is_object()) return {};
  return v->get_object();
}

std::string normalize_email(std::string_view email) {
  auto first = email.find_first_not_of(" \t\r\n");
  auto last = email.find_last_not_of(" \t\r\n");
  std::string out = first == std::string_view::npos
                        ? std::string()
                        : std::string(email.substr(first, last - first + 1));
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string iso_time(auth::time_point t) {
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
  return graphql::utilities::format_iso_date_time(ms);
}

json::object auth_token_json(const auth::minted_token& token) {
  json::object out;
  out["token"] = token.token;
  out["expiresAt"] = iso_time(token.expires_at);
  return out;
}

json::value optional_json(const std::optional<std::string>& v) {
  return v ? json::value(json::string(*v)) : json::value(nullptr);
}

std::string new_uuid() {
  std::string bytes = auth::random_bytes(16).value_or(std::string(16, '\0'));
  bytes[6] = static_cast<char>((bytes[6] & 0x0f) | 0x40);
  bytes[8] = static_cast<char>((bytes[8] & 0x3f) | 0x80);
  std::string hex = auth::to_hex(bytes);
  return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
         hex.substr(16, 4) + "-" + hex.substr(20);
}

bool selects_workspace(const resolve_info& info) {
  const auto* selection = info.sub_selection();
  if (!selection) return false;
  for (const auto& f : selection->fields) {
    if (f.name == "workspace") return true;
  }
  return false;
}

void answer_with_workspace(const state_ptr& state, bool with_workspace, const reply& out,
                           const std::string& workspace_id, json::value value) {
  if (!with_workspace) return out.value(std::move(value));
  storage::core::find_workspace_by_id(
      *state->pool, workspace_id,
      [state, out,
       value = std::move(value)](storage::core::db_result<storage::core::workspace_row> w) mutable {
        if (out.failed(w)) return;
        json::value workspace =
            w.value ? json::value(workspace_json(state->settings, *w.value)) : nullptr;
        auto add = [&](json::value& item) {
          if (item.is_object()) item.as_object()["workspace"] = workspace;
        };
        if (value.is_array()) {
          for (auto& item : value.as_array()) add(item);
        } else {
          add(value);
        }
        out.value(std::move(value));
      });
}

}  // namespace cohort::api::platform
