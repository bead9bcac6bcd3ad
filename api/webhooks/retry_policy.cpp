#include "api/webhooks/retry_policy.hpp"

#include <algorithm>
#include <charconv>
#include <ctime>

namespace cohort::api::webhooks {

namespace {

bool retryable_status(unsigned status) {
  return status == 408 || status == 429 || status >= 500;
}

std::string status_error(const http::outbound_response& response) {
  std::string error = "HTTP " + std::to_string(response.status);
  if (response.status >= 300 && response.status < 400) {
    const std::string* location = response.header("location");
    error += " (redirect not followed" + (location ? ": " + *location : std::string()) + ")";
  }
  return error;
}

}  // namespace

std::optional<std::chrono::milliseconds> parse_retry_after(
    std::string_view value, std::chrono::system_clock::time_point now) {
  while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
  if (value.empty()) return std::nullopt;
  auto clamp = [](std::chrono::milliseconds ms) {
    return std::clamp(ms, std::chrono::milliseconds(0), max_retry_after);
  };
  if (value.find_first_not_of("0123456789") == std::string_view::npos) {
    long long seconds = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
    if (ec == std::errc::result_out_of_range) return max_retry_after;
    if (ec != std::errc{}) return std::nullopt;
    return clamp(std::chrono::milliseconds(std::min<long long>(seconds, 1LL << 40) * 1000));
  }
  std::tm tm{};
  std::string text(value);
  const char* end = strptime(text.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &tm);
  if (!end || *end != '\0') return std::nullopt;
  auto at = std::chrono::system_clock::from_time_t(timegm(&tm));
  return clamp(std::chrono::duration_cast<std::chrono::milliseconds>(at - now));
}

attempt_assessment assess_attempt(const http::outbound_response& response,
                                  std::chrono::system_clock::time_point now) {
  using http::outbound_failure;
  attempt_assessment out;
  switch (response.failure) {
    case outbound_failure::none:
      break;
    case outbound_failure::invalid_url:
    case outbound_failure::refused_target:
      out.verdict = attempt_verdict::give_up;
      out.error = response.error;
      return out;
    default:  // resolve, connect, timeout, tls, io: the network may heal
      out.verdict = attempt_verdict::retry;
      out.error = response.error;
      return out;
  }
  out.status_code = static_cast<int>(response.status);
  if (response.status >= 200 && response.status < 300) {
    out.verdict = attempt_verdict::delivered;
    return out;
  }
  out.error = status_error(response);
  if (!retryable_status(response.status)) {
    out.verdict = attempt_verdict::give_up;
    return out;
  }
  out.verdict = attempt_verdict::retry;
  if (const std::string* value = response.header("retry-after"))
    out.retry_after = parse_retry_after(*value, now);
  return out;
}

}  // namespace cohort::api::webhooks
