// Which attempt outcomes are retried: network errors, timeouts, 408, 429 and 5xx (Retry-After
// honoured); other statuses, redirects and SSRF refusals are final.
#include <gtest/gtest.h>

#include "api/webhooks/retry_policy.hpp"

using namespace cohort::api::webhooks;
using cohort::api::http::outbound_failure;
using cohort::api::http::outbound_response;

namespace {

const auto now = std::chrono::system_clock::from_time_t(1445412480);  // 2015-10-21 07:28:00 UTC

outbound_response status(unsigned code, cohort::api::http::header_list headers = {}) {
  outbound_response r;
  r.status = code;
  r.headers = std::move(headers);
  return r;
}

outbound_response failure(outbound_failure why) {
  outbound_response r;
  r.failure = why;
  r.error = "why";
  return r;
}

}  // namespace

TEST(RetryPolicy, TwoHundredsAreDelivered) {
  for (unsigned code : {200u, 201u, 202u, 204u, 299u}) {
    auto a = assess_attempt(status(code), now);
    EXPECT_EQ(a.verdict, attempt_verdict::delivered) << code;
    EXPECT_EQ(a.status_code, static_cast<int>(code));
    EXPECT_TRUE(a.error.empty());
  }
}

TEST(RetryPolicy, ServerErrorsTooManyRequestsAndRequestTimeoutAreRetried) {
  for (unsigned code : {500u, 502u, 503u, 504u, 429u, 408u}) {
    auto a = assess_attempt(status(code), now);
    EXPECT_EQ(a.verdict, attempt_verdict::retry) << code;
    EXPECT_EQ(a.error, "HTTP " + std::to_string(code));
  }
}

TEST(RetryPolicy, OtherClientErrorsAndRedirectsAreFinal) {
  for (unsigned code : {400u, 401u, 403u, 404u, 410u, 422u}) {
    EXPECT_EQ(assess_attempt(status(code), now).verdict, attempt_verdict::give_up) << code;
  }
  auto redirect = assess_attempt(status(302, {{"location", "http://10.0.0.1/"}}), now);
  EXPECT_EQ(redirect.verdict, attempt_verdict::give_up);
  EXPECT_EQ(redirect.error, "HTTP 302 (redirect not followed: http://10.0.0.1/)");
}

TEST(RetryPolicy, NetworkFailuresAreRetriedButRefusalsAreNot) {
  for (auto why : {outbound_failure::timeout, outbound_failure::connect, outbound_failure::io,
                   outbound_failure::resolve, outbound_failure::tls}) {
    auto a = assess_attempt(failure(why), now);
    EXPECT_EQ(a.verdict, attempt_verdict::retry);
    EXPECT_EQ(a.error, "why");
    EXPECT_FALSE(a.status_code.has_value());
  }
  EXPECT_EQ(assess_attempt(failure(outbound_failure::refused_target), now).verdict,
            attempt_verdict::give_up);
  EXPECT_EQ(assess_attempt(failure(outbound_failure::invalid_url), now).verdict,
            attempt_verdict::give_up);
}

TEST(RetryPolicy, RetryAfterInSecondsOrAsAnHttpDate) {
  auto a = assess_attempt(status(503, {{"retry-after", "7"}}), now);
  ASSERT_TRUE(a.retry_after.has_value());
  EXPECT_EQ(*a.retry_after, std::chrono::seconds(7));
  EXPECT_EQ(parse_retry_after("Wed, 21 Oct 2015 07:28:30 GMT", now), std::chrono::seconds(30));
  EXPECT_EQ(parse_retry_after("Wed, 21 Oct 2015 07:00:00 GMT", now), std::chrono::seconds(0));
  EXPECT_EQ(parse_retry_after(" 0 ", now), std::chrono::seconds(0));
  EXPECT_EQ(parse_retry_after("999999999", now), max_retry_after);
  EXPECT_FALSE(parse_retry_after("soon", now).has_value());
  EXPECT_FALSE(parse_retry_after("-5", now).has_value());
  EXPECT_FALSE(parse_retry_after("", now).has_value());
  EXPECT_FALSE(assess_attempt(status(503, {{"retry-after", "later"}}), now).retry_after);
}
