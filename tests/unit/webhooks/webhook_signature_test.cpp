// Delivery signatures as Twenty's docs tell receivers to check them:
// hex(HMAC-SHA256(secret, "<X-Twenty-Webhook-Timestamp>:<body>")).
#include <gtest/gtest.h>

#include "api/webhooks/webhook_signature.hpp"

using namespace cohort::api::webhooks;

namespace {

std::string header(const cohort::api::http::header_list& headers, std::string_view name) {
  for (const auto& [n, v] : headers) {
    if (n == name) return v;
  }
  return "<absent>";
}

}  // namespace

TEST(WebhookSignature, IsTheHexHmacOfTimestampColonBody) {
  // Reference value from Python: hmac.new(b'my-secret', b'1735689600000:{"eventName":
  // "person.created"}', sha256).hexdigest() (without the space).
  EXPECT_EQ(webhook_signature("my-secret", "1735689600000", R"({"eventName":"person.created"})"),
            "fdcd07144f14e7710f5a08db4ff5f6ad80c8d398f30894c70f197d6a7cdd5a58");
}

TEST(WebhookSignature, ChangesWithTheBodyTheTimestampAndTheSecret) {
  auto base = webhook_signature("s", "1", "{}");
  EXPECT_NE(base, webhook_signature("s", "2", "{}"));
  EXPECT_NE(base, webhook_signature("s", "1", "{ }"));
  EXPECT_NE(base, webhook_signature("t", "1", "{}"));
  EXPECT_EQ(base.size(), 64u);
}

TEST(WebhookSignature, SignedHeadersCarryTimestampSignatureAndNonceInTwentysOrder) {
  auto headers = signed_headers("my-secret", R"({"eventName":"person.created"})", 1735689600000,
                                "00112233445566778899aabbccddeeff");
  ASSERT_EQ(headers.size(), 4u);
  EXPECT_EQ(headers[0].first, "Content-Type");
  EXPECT_EQ(headers[1].first, "X-Twenty-Webhook-Timestamp");
  EXPECT_EQ(headers[2].first, "X-Twenty-Webhook-Signature");
  EXPECT_EQ(headers[3].first, "X-Twenty-Webhook-Nonce");
  EXPECT_EQ(header(headers, "Content-Type"), "application/json");
  EXPECT_EQ(header(headers, "X-Twenty-Webhook-Timestamp"), "1735689600000");
  EXPECT_EQ(header(headers, "X-Twenty-Webhook-Signature"),
            "fdcd07144f14e7710f5a08db4ff5f6ad80c8d398f30894c70f197d6a7cdd5a58");
  EXPECT_EQ(header(headers, "X-Twenty-Webhook-Nonce"), "00112233445566778899aabbccddeeff");
}

TEST(WebhookSignature, WithoutASecretOnlyTheContentTypeIsSent) {
  auto headers = signed_headers("", "{}", 1, "n");
  ASSERT_EQ(headers.size(), 1u);
  EXPECT_EQ(headers[0].first, "Content-Type");
}

TEST(WebhookSignature, NoncesAndSecretsAreFreshRandomHex) {
  auto a = new_nonce(), b = new_nonce();
  EXPECT_EQ(a.size(), 32u);
  EXPECT_NE(a, b);
  auto secret = new_webhook_secret();
  EXPECT_EQ(secret.size(), 64u);
  EXPECT_EQ(secret.find_first_not_of("0123456789abcdef"), std::string::npos);
}
