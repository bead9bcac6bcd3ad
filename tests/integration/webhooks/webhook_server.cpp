#include "webhook_server.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <boost/json.hpp>

namespace cohort::testing {

namespace {

webhook_server* start(const std::string& name, bool allow_private) {
  auto* d = new webhook_server(
      {.database = name,
       .app_secret = "webhook-test-secret",
       .env = {{"ALLOW_PRIVATE_NETWORK_TARGETS", allow_private ? "true" : "false"},
               {"WEBHOOK_RETRY_BASE_DELAY", "50ms"},
               {"WEBHOOK_MAX_ATTEMPTS", "3"},
               {"WEBHOOK_TIMEOUT", "1s"},
               {"COHORT_SAMPLE_RECORDS", "false"}}});
  d->allow_private = allow_private;
  // The seed's own events are fanned out when the relay reaches them: wait until it has, so that
  // no test's webhook receives them.
  if (!d->wait_sql("SELECT NOT EXISTS (SELECT 1 FROM core.outbox o WHERE o.id > coalesce((SELECT "
                   "position FROM core.event_consumer WHERE name = 'webhooks'), 0))",
                   std::chrono::seconds(30))) {
    ADD_FAILURE() << "the webhooks consumer did not catch up with the seed's events";
  }
  return d;
}

}  // namespace

webhook_server& webhook_server::shared(bool allow_private) {
  static webhook_server* with_private = nullptr;
  static webhook_server* without_private = nullptr;
  auto*& slot = allow_private ? with_private : without_private;
  if (!slot) slot = start(allow_private ? "webhooks_private" : "webhooks_public", allow_private);
  return *slot;
}

std::unique_ptr<webhook_server> webhook_server::launch(const std::string& name,
                                                       bool allow_private) {
  return std::unique_ptr<webhook_server>(start(name, allow_private));
}

void webhook_server::forget_webhooks() {
  auto r = sql("UPDATE core.webhook SET deleted_at = now() WHERE deleted_at IS NULL");
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
}

std::string webhook_server::create_webhook(const std::string& url,
                                           const std::string& operations_json,
                                           const std::string& secret) {
  auto res = graphql(
      "/metadata", "mutation($input: CreateWebhookDTO!) { createWebhook(input: $input) { id } }",
      boost::json::object{
          {"input", boost::json::object{{"targetUrl", url},
                                        {"operations", boost::json::parse(operations_json)},
                                        {"secret", secret}}}});
  const auto* id = res.body.is_object() && res.body.as_object().if_contains("data")
                       ? res.body.at("data").as_object().if_contains("createWebhook")
                       : nullptr;
  if (!id || !id->is_object()) {
    ADD_FAILURE() << "createWebhook failed: " << res.text;
    return {};
  }
  return std::string(id->at("id").as_string());
}

std::string webhook_server::create_person(const std::string& first_name) {
  // E-mails are unique per workspace: each person gets its own.
  static std::atomic<int> counter{0};
  std::string email = first_name + "-" + std::to_string(++counter) + "-" +
                      std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()) +
                      "@hooks.example";
  auto res = graphql(
      "/graphql", "mutation($data: PersonCreateInput!) { createPerson(data: $data) { id } }",
      boost::json::object{
          {"data", boost::json::object{{"name", boost::json::object{{"firstName", first_name},
                                                                    {"lastName", "Hook"}}},
                                       {"emails", boost::json::object{{"primaryEmail", email}}}}}});
  const auto* data = res.body.is_object() ? res.body.as_object().if_contains("data") : nullptr;
  if (!data || !data->is_object() || !data->at("createPerson").is_object()) {
    ADD_FAILURE() << "createPerson failed: " << res.text;
    return {};
  }
  return std::string(data->at("createPerson").at("id").as_string());
}

}  // namespace cohort::testing
