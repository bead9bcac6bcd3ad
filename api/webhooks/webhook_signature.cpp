#include "api/webhooks/webhook_signature.hpp"

#include "api/auth/crypto.hpp"

namespace cohort::api::webhooks {

namespace {

std::string random_hex(std::size_t bytes) {
  auto random = auth::random_bytes(bytes);
  return auth::to_hex(random.value_or(std::string(bytes, '\0')));
}

}  // namespace

std::string webhook_signature(std::string_view secret, std::string_view timestamp_ms,
                              std::string_view body) {
  std::string message;
  message.reserve(timestamp_ms.size() + 1 + body.size());
  message.append(timestamp_ms).append(":").append(body);
  return auth::to_hex(auth::hmac_sha256(secret, message));
}

http::header_list signed_headers(std::string_view secret, std::string_view body,
                                 std::int64_t timestamp_ms, std::string_view nonce) {
  http::header_list headers{{"Content-Type", "application/json"}};
  if (secret.empty()) return headers;
  std::string timestamp = std::to_string(timestamp_ms);
  headers.emplace_back("X-Twenty-Webhook-Timestamp", timestamp);
  headers.emplace_back("X-Twenty-Webhook-Signature", webhook_signature(secret, timestamp, body));
  headers.emplace_back("X-Twenty-Webhook-Nonce", std::string(nonce));
  return headers;
}

std::string new_nonce() {
  return random_hex(16);
}

std::string new_webhook_secret() {
  return random_hex(32);
}

}  // namespace cohort::api::webhooks
