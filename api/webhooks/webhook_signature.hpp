// How a delivery proves where it comes from, as Twenty signs it (spec §6.3): the hex HMAC-SHA256,
// keyed with the webhook's secret, of "<timestamp>:<body>" where timestamp is the
// X-Twenty-Webhook-Timestamp value (milliseconds since the epoch) and body the exact bytes sent.
// The nonce is sent alongside but is not signed.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "api/http/message.hpp"

namespace cohort::api::webhooks {

std::string webhook_signature(std::string_view secret, std::string_view timestamp_ms,
                              std::string_view body);

// Content-Type, and with a secret the timestamp, signature and nonce headers, in Twenty's order.
http::header_list signed_headers(std::string_view secret, std::string_view body,
                                 std::int64_t timestamp_ms, std::string_view nonce);

// 16 random bytes as hex, for X-Twenty-Webhook-Nonce.
std::string new_nonce();

// A new webhook secret when the caller gives none: 32 random bytes as hex (64 characters).
std::string new_webhook_secret();

}  // namespace cohort::api::webhooks
