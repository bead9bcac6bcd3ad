// The SSRF guard on real deliveries: private, loopback and IPv4-mapped targets are refused while
// ALLOW_PRIVATE_NETWORK_TARGETS is off; with it on, link-local and cloud metadata addresses still
// are. A refused delivery fails at once (no retry) with the reason in its log, and nothing is sent.
#include <gtest/gtest.h>

#include "delivery_support.hpp"
#include "fixtures/webhook_receiver.hpp"

using namespace cohort::testing;

namespace {

// Creates a webhook to `url` on `s`, makes an event, and answers the settled delivery.
delivery_row refused_delivery(webhook_server& s, const std::string& url) {
  s.forget_webhooks();
  std::string webhook = s.create_webhook(url, R"(["person.created"])");
  s.create_person("Ssrf");
  EXPECT_TRUE(wait_settled(s, webhook)) << url;
  auto log = deliveries_of(s, webhook);
  return log.empty() ? delivery_row{} : log[0];
}

void expect_refused(const delivery_row& d, const std::string& reason) {
  EXPECT_EQ(d.status, "failed");
  EXPECT_EQ(d.attempts, 1);
  EXPECT_EQ(d.last_status_code, "");
  EXPECT_NE(d.last_error.find("refused target"), std::string::npos) << d.last_error;
  EXPECT_NE(d.last_error.find(reason), std::string::npos) << d.last_error;
}

}  // namespace

TEST(WebhookSsrf, PrivateNetworkTargetsAreRefusedWithoutTheSetting) {
  auto& s = webhook_server::shared(false);
  expect_refused(refused_delivery(s, "http://10.1.2.3:8080/hook"),
                 "10.1.2.3 is a private network address");
  expect_refused(refused_delivery(s, "http://192.168.1.20/hook"),
                 "192.168.1.20 is a private network address");
}

TEST(WebhookSsrf, LoopbackTargetsAreRefusedWithoutTheSettingAndNothingIsSent) {
  auto& s = webhook_server::shared(false);
  webhook_receiver receiver;
  expect_refused(refused_delivery(s, receiver.url()), "127.0.0.1 is a loopback address");
  expect_refused(
      refused_delivery(s, "http://[::ffff:127.0.0.1]:" + std::to_string(receiver.port()) + "/hook"),
      "is a loopback address");
  expect_refused(refused_delivery(s, "http://localhost:" + std::to_string(receiver.port()) + "/"),
                 "is a loopback address");
  EXPECT_EQ(receiver.count(), 0u);
}

TEST(WebhookSsrf, MetadataAddressesAreRefusedEvenWithTheSetting) {
  auto& s = webhook_server::shared(true);
  expect_refused(refused_delivery(s, "http://169.254.169.254/latest/meta-data/"),
                 "169.254.169.254 is a link-local address");
  expect_refused(refused_delivery(s, "http://[::ffff:169.254.169.254]/latest/meta-data/"),
                 "is a link-local address");
  expect_refused(refused_delivery(s, "http://[fd00:ec2::254]/latest/meta-data/"),
                 "fd00:ec2::254 is a cloud metadata address");
  expect_refused(refused_delivery(s, "http://0.0.0.0:1/"), "0.0.0.0 is an unspecified address");
}

TEST(WebhookSsrf, TheSettingAdmitsLoopbackTargets) {
  auto& s = webhook_server::shared(true);
  s.forget_webhooks();
  webhook_receiver receiver;
  std::string webhook =
      s.create_webhook("http://[::ffff:127.0.0.1]:" + std::to_string(receiver.port()) + "/mapped",
                       R"(["person.created"])");
  s.create_person("Mapped");
  ASSERT_TRUE(receiver.wait_for(1));
  EXPECT_EQ(receiver.requests()[0].target, "/mapped");
  ASSERT_TRUE(wait_settled(s, webhook));
  EXPECT_EQ(deliveries_of(s, webhook)[0].status, "delivered");
}
