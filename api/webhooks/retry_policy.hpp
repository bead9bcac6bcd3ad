// What one delivery attempt's outcome means (pure): delivered (2xx), worth retrying (network
// errors, timeouts, 408, 429, 5xx — honouring Retry-After), or refused for good (any other
// status, a redirect — never followed — or an SSRF refusal).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "api/http/outbound_client.hpp"

namespace cohort::api::webhooks {

enum class attempt_verdict { delivered, retry, give_up };

struct attempt_assessment {
  attempt_verdict verdict = attempt_verdict::give_up;
  std::optional<int> status_code;
  std::string error;  // empty when delivered
  std::optional<std::chrono::milliseconds> retry_after;
};

// The longest Retry-After honoured; a receiver cannot park a delivery for days.
inline constexpr std::chrono::milliseconds max_retry_after = std::chrono::hours(1);

attempt_assessment assess_attempt(const http::outbound_response& response,
                                  std::chrono::system_clock::time_point now);

// A Retry-After value: delta-seconds or an HTTP-date (RFC 9110 §10.2.3), relative to `now`,
// clamped to [0, max_retry_after]; nullopt when unreadable.
std::optional<std::chrono::milliseconds> parse_retry_after(
    std::string_view value, std::chrono::system_clock::time_point now);

}  // namespace cohort::api::webhooks
