// Failed deliveries: 5xx, 429 and timeouts are retried with backoff (same event id and body each
// time), other 4xx are not, the last failed attempt makes the delivery dead with its error, a
// redirect is never followed, and a webhook's deliveries keep their order while one retries.
// The server runs with WEBHOOK_MAX_ATTEMPTS=3, WEBHOOK_RETRY_BASE_DELAY=50ms, WEBHOOK_TIMEOUT=1s.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "delivery_support.hpp"
#include "fixtures/webhook_receiver.hpp"

using namespace cohort::testing;
namespace json = boost::json;

namespace {

class WebhookRetries : public ::testing::Test {
 protected:
  void SetUp() override { server().forget_webhooks(); }
  webhook_server& server() { return webhook_server::shared(); }
};

// The job row of the webhook's only delivery: "status|attempts|last_error".
std::string job_of(webhook_server& s, const std::string& webhook_id) {
  auto r = s.sql(
      "SELECT j.status || '|' || j.attempts || '|' || coalesce(j.last_error, '') FROM core.job j "
      "JOIN core.webhook_delivery d ON j.idempotency_key = d.id::text WHERE d.webhook_id = '" +
      webhook_id + "' AND j.kind = 'webhook.deliver'");
  return r.ok() && r.rows() == 1 ? std::string(r.get(0, 0)) : "<none>";
}

}  // namespace

TEST_F(WebhookRetries, ServerErrorsAreRetriedUntilDelivered) {
  webhook_receiver receiver;
  receiver.respond([](const received_request&, std::size_t i) {
    return receiver_reply{.status = i < 2 ? 500u : 200u};
  });
  std::string webhook = server().create_webhook(receiver.url(), R"(["person.created"])");
  server().create_person("Retry");
  ASSERT_TRUE(receiver.wait_for(3));
  ASSERT_TRUE(wait_settled(server(), webhook));
  auto requests = receiver.requests();
  ASSERT_EQ(requests.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(requests[i].header("x-cohort-event-id"), requests[0].header("x-cohort-event-id"));
    EXPECT_EQ(requests[i].header("x-cohort-delivery-attempt"), std::to_string(i + 1));
    EXPECT_EQ(requests[i].body, requests[0].body);
    EXPECT_EQ(requests[i].header("x-twenty-webhook-signature"),
              hmac_sha256_hex("test-secret", requests[i].header("x-twenty-webhook-timestamp") +
                                                 ":" + requests[i].body));
  }
  auto log = deliveries_of(server(), webhook);
  EXPECT_EQ(log[0].status, "delivered");
  EXPECT_EQ(log[0].attempts, 3);
  EXPECT_EQ(log[0].last_status_code, "200");
  // Attempts are counted in /metrics by outcome.
  auto metrics = server().call("GET", "/metrics", "", "");
  EXPECT_NE(metrics.text.find("cohort_webhook_attempts_total{outcome=\"retry\"}"),
            std::string::npos);
  EXPECT_NE(metrics.text.find("cohort_webhook_attempts_total{outcome=\"delivered\"}"),
            std::string::npos);
  EXPECT_NE(metrics.text.find("cohort_webhook_attempt_duration_seconds_count"), std::string::npos);
  // The job ends just after the log is written.
  EXPECT_TRUE(server().wait_sql(
      "SELECT bool_and(j.status = 'done') FROM core.job j JOIN core.webhook_delivery d ON "
      "j.idempotency_key = d.id::text WHERE d.webhook_id = '" +
      webhook + "'"))
      << job_of(server(), webhook);
}

TEST_F(WebhookRetries, ATimeoutIsRetried) {
  webhook_receiver receiver;
  receiver.respond([](const received_request&, std::size_t i) {
    receiver_reply r;
    if (i == 0) r.delay = std::chrono::milliseconds(2500);  // past WEBHOOK_TIMEOUT=1s
    return r;
  });
  std::string webhook = server().create_webhook(receiver.url(), R"(["person.created"])");
  server().create_person("Slow");
  ASSERT_TRUE(wait_settled(server(), webhook));
  auto log = deliveries_of(server(), webhook);
  EXPECT_EQ(log[0].status, "delivered");
  EXPECT_EQ(log[0].attempts, 2);
  EXPECT_EQ(receiver.count(), 2u);
}

TEST_F(WebhookRetries, TooManyRequestsIsRetriedAfterRetryAfter) {
  webhook_receiver receiver;
  receiver.respond([](const received_request&, std::size_t i) {
    receiver_reply r;
    if (i == 0) r = {.status = 429, .headers = {{"Retry-After", "1"}}};
    return r;
  });
  std::string webhook = server().create_webhook(receiver.url(), R"(["person.created"])");
  server().create_person("Busy");
  ASSERT_TRUE(wait_settled(server(), webhook));
  auto log = deliveries_of(server(), webhook);
  EXPECT_EQ(log[0].status, "delivered");
  EXPECT_EQ(log[0].attempts, 2);
}

TEST_F(WebhookRetries, OtherClientErrorsAreNotRetried) {
  webhook_receiver receiver;
  receiver.respond(
      [](const received_request&, std::size_t) { return receiver_reply{.status = 410}; });
  std::string webhook = server().create_webhook(receiver.url(), R"(["person.created"])");
  server().create_person("Gone");
  ASSERT_TRUE(wait_settled(server(), webhook));
  auto log = deliveries_of(server(), webhook);
  EXPECT_EQ(log[0].status, "failed");
  EXPECT_EQ(log[0].attempts, 1);
  EXPECT_EQ(log[0].last_status_code, "410");
  EXPECT_EQ(log[0].last_error, "HTTP 410");
  ASSERT_TRUE(server().wait_sql(
      "SELECT bool_and(j.status = 'dead') FROM core.job j JOIN core.webhook_delivery d ON "
      "j.idempotency_key = d.id::text WHERE d.webhook_id = '" +
      webhook + "'"));
  EXPECT_EQ(job_of(server(), webhook), "dead|1|HTTP 410");
  EXPECT_EQ(receiver.count(), 1u);
}

TEST_F(WebhookRetries, TheLastFailedAttemptMakesTheDeliveryDead) {
  webhook_receiver receiver;
  receiver.respond(
      [](const received_request&, std::size_t) { return receiver_reply{.status = 503}; });
  std::string webhook = server().create_webhook(receiver.url(), R"(["person.created"])");
  server().create_person("Dead");
  ASSERT_TRUE(wait_settled(server(), webhook));
  auto log = deliveries_of(server(), webhook);
  EXPECT_EQ(log[0].status, "dead");
  EXPECT_EQ(log[0].attempts, 3);
  EXPECT_EQ(log[0].last_status_code, "503");
  EXPECT_EQ(log[0].last_error, "HTTP 503");
  ASSERT_TRUE(server().wait_sql(
      "SELECT bool_and(j.status = 'dead') FROM core.job j JOIN core.webhook_delivery d ON "
      "j.idempotency_key = d.id::text WHERE d.webhook_id = '" +
      webhook + "'"));
  EXPECT_EQ(job_of(server(), webhook), "dead|3|HTTP 503");
  EXPECT_EQ(receiver.count(), 3u);
  // The log is inspectable over REST (Cohort extension).
  auto res = server().call("GET", "/rest/metadata/webhooks/" + webhook + "/deliveries");
  ASSERT_EQ(res.status, 200u) << res.text;
  const auto& entry = res.body.at(0);
  EXPECT_EQ(entry.at("status"), json::value("dead"));
  EXPECT_EQ(entry.at("attempts"), json::value(3));
  EXPECT_EQ(entry.at("lastStatusCode"), json::value(503));
  EXPECT_EQ(entry.at("lastError"), json::value("HTTP 503"));
  EXPECT_EQ(entry.at("eventName"), json::value("person.created"));
  EXPECT_TRUE(entry.at("deliveredAt").is_null());
}

TEST_F(WebhookRetries, ARedirectIsNeverFollowed) {
  webhook_receiver receiver;
  std::string private_target = receiver.url("/private");
  receiver.respond([private_target](const received_request&, std::size_t) {
    return receiver_reply{.status = 302, .headers = {{"Location", private_target}}};
  });
  std::string webhook = server().create_webhook(receiver.url(), R"(["person.created"])");
  server().create_person("Redirect");
  ASSERT_TRUE(wait_settled(server(), webhook));
  auto log = deliveries_of(server(), webhook);
  EXPECT_EQ(log[0].status, "failed");
  EXPECT_EQ(log[0].last_status_code, "302");
  EXPECT_EQ(log[0].last_error, "HTTP 302 (redirect not followed: " + private_target + ")");
  ASSERT_EQ(receiver.count(), 1u);
  EXPECT_EQ(receiver.requests()[0].target, "/hook");
}

TEST_F(WebhookRetries, OrderIsKeptPerWebhookWhileAnEarlierDeliveryRetries) {
  webhook_receiver receiver;
  receiver.respond([](const received_request&, std::size_t i) {
    return receiver_reply{.status = i < 2 ? 500u : 200u};
  });
  std::string webhook = server().create_webhook(receiver.url(), R"(["person.created"])");
  std::string first = server().create_person("First");
  std::string second = server().create_person("Second");
  std::string third = server().create_person("Third");
  ASSERT_TRUE(wait_settled(server(), webhook, 3));
  std::vector<std::string> order;
  for (const auto& r : receiver.requests())
    order.emplace_back(json::parse(r.body).at("record").at("id").as_string());
  EXPECT_EQ(order, (std::vector<std::string>{first, first, first, second, third}));
  for (const auto& d : deliveries_of(server(), webhook)) EXPECT_EQ(d.status, "delivered");
}

TEST_F(WebhookRetries, ADeletedWebhookGetsNoMoreAttempts) {
  webhook_receiver receiver;
  receiver.respond([](const received_request&, std::size_t) {
    return receiver_reply{.status = 503, .headers = {{"Retry-After", "2"}}};
  });
  std::string webhook = server().create_webhook(receiver.url(), R"(["person.created"])");
  server().create_person("Deleted");
  ASSERT_TRUE(receiver.wait_for(1));
  auto deleted =
      server().graphql("/metadata", "mutation($id: UUID!) { deleteWebhook(input: {id: $id}) }",
                       json::object{{"id", webhook}});
  ASSERT_EQ(deleted.body.at("data").at("deleteWebhook"), json::value(true)) << deleted.text;
  ASSERT_TRUE(wait_settled(server(), webhook));
  auto log = deliveries_of(server(), webhook);
  EXPECT_EQ(log[0].status, "failed");
  EXPECT_EQ(log[0].attempts, 1);
  EXPECT_EQ(log[0].last_error, "the webhook was deleted");
  EXPECT_EQ(receiver.count(), 1u);
}
