// Input checks shared by the GraphQL and REST management of webhooks: a target URL must be an
// absolute http(s) URL and is stored in its normal form (Twenty's normalizeTargetUrl +
// validateTargetUrl); a missing secret is generated.
#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "storage/webhooks/webhook_repository.hpp"

namespace cohort::api::webhooks {

// Twenty's WebhookException INVALID_TARGET_URL.
inline constexpr std::string_view invalid_target_url_message = "Invalid target URL provided";
inline constexpr std::string_view invalid_target_url_user_message =
    "Please provide a valid HTTP or HTTPS URL.";

std::optional<std::string> normalize_target_url(std::string_view url);

// A client mistake in a webhook input: `invalid_url` for the target URL, else a malformed field.
struct webhook_input_error {
  bool invalid_url = true;
  std::string message;
};

// createWebhook's input (CreateWebhookDTO). `default_operations`: REST's ['*.*'] when absent.
std::variant<storage::webhooks::new_webhook, webhook_input_error> read_new_webhook(
    const boost::json::object& input, const std::string& workspace_id, bool default_operations);

// updateWebhook's input (UpdateWebhookDTO, without its id).
std::variant<storage::webhooks::webhook_update, webhook_input_error> read_webhook_update(
    const boost::json::object& input);

}  // namespace cohort::api::webhooks
