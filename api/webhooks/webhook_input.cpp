#include "api/webhooks/webhook_input.hpp"

#include "api/http/outbound_url.hpp"
#include "api/webhooks/webhook_signature.hpp"

namespace cohort::api::webhooks {

namespace json = boost::json;

namespace {

webhook_input_error bad_url() {
  return {true, std::string(invalid_target_url_message)};
}

// nullopt: absent; an error when present but not a list of strings.
std::variant<std::optional<std::vector<std::string>>, webhook_input_error> read_operations(
    const json::object& input) {
  const json::value* v = input.if_contains("operations");
  if (!v || v->is_null()) return std::optional<std::vector<std::string>>();
  if (!v->is_array()) return webhook_input_error{false, "operations must be an array"};
  std::vector<std::string> out;
  for (const auto& item : v->as_array()) {
    if (!item.is_string())
      return webhook_input_error{false, "each value in operations must be a string"};
    out.emplace_back(item.as_string());
  }
  return std::optional<std::vector<std::string>>(std::move(out));
}

std::variant<std::optional<std::optional<std::string>>, webhook_input_error> read_text(
    const json::object& input, std::string_view name) {
  const json::value* v = input.if_contains(name);
  if (!v) return std::optional<std::optional<std::string>>();
  if (v->is_null()) return std::optional<std::optional<std::string>>(std::optional<std::string>());
  if (!v->is_string()) return webhook_input_error{false, std::string(name) + " must be a string"};
  return std::optional<std::optional<std::string>>(std::string(v->as_string()));
}

}  // namespace

std::optional<std::string> normalize_target_url(std::string_view url) {
  auto parsed = http::parse_outbound_url(url);
  if (!parsed || !parsed->sendable()) return std::nullopt;
  return parsed->normalized();
}

std::variant<storage::webhooks::new_webhook, webhook_input_error> read_new_webhook(
    const json::object& input, const std::string& workspace_id, bool default_operations) {
  storage::webhooks::new_webhook out;
  out.workspace_id = workspace_id;
  const json::value* url = input.if_contains("targetUrl");
  if (!url || !url->is_string()) return bad_url();
  auto normalized = normalize_target_url(url->as_string());
  if (!normalized) return bad_url();
  out.target_url = std::move(*normalized);
  auto operations = read_operations(input);
  if (auto* e = std::get_if<webhook_input_error>(&operations)) return *e;
  auto& ops = std::get<0>(operations);
  if (ops) {
    out.operations = std::move(*ops);
  } else if (default_operations) {
    out.operations = {"*.*"};
  } else {
    return webhook_input_error{false, "operations must be an array"};
  }
  auto description = read_text(input, "description");
  if (auto* e = std::get_if<webhook_input_error>(&description)) return *e;
  if (auto& d = std::get<0>(description)) out.description = *d;
  auto secret = read_text(input, "secret");
  if (auto* e = std::get_if<webhook_input_error>(&secret)) return *e;
  auto& s = std::get<0>(secret);
  out.secret = s && *s && !(*s)->empty() ? **s : new_webhook_secret();
  return out;
}

std::variant<storage::webhooks::webhook_update, webhook_input_error> read_webhook_update(
    const json::object& input) {
  storage::webhooks::webhook_update out;
  if (const json::value* url = input.if_contains("targetUrl"); url && !url->is_null()) {
    if (!url->is_string()) return bad_url();
    auto normalized = normalize_target_url(url->as_string());
    if (!normalized) return bad_url();
    out.target_url = std::move(*normalized);
  }
  auto operations = read_operations(input);
  if (auto* e = std::get_if<webhook_input_error>(&operations)) return *e;
  out.operations = std::move(std::get<0>(operations));
  auto description = read_text(input, "description");
  if (auto* e = std::get_if<webhook_input_error>(&description)) return *e;
  out.description = std::get<0>(description);
  auto secret = read_text(input, "secret");
  if (auto* e = std::get_if<webhook_input_error>(&secret)) return *e;
  if (auto& s = std::get<0>(secret); s && *s) out.secret = **s;
  return out;
}

}  // namespace cohort::api::webhooks
