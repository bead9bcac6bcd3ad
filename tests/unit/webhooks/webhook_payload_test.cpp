// The delivery body: Twenty's keys in Twenty's order, the record from after/before, and numbers
// as JSON.stringify writes them (so a receiver re-serialising the parsed body gets the same bytes).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "api/webhooks/js_json.hpp"
#include "api/webhooks/webhook_payload.hpp"

using namespace cohort::api::webhooks;
namespace json = boost::json;

namespace {

webhook_event created_person() {
  webhook_event e;
  e.event_id = "42";
  e.workspace_id = "ws-1";
  e.object_name = "person";
  e.object_metadata_id = "om-1";
  e.action = "created";
  e.event_date = "2025-01-01T00:00:00.000Z";
  e.workspace_member_id = "wm-1";
  e.after = json::parse(R"({"id":"p-1","name":{"firstName":"Ada","lastName":"L"},"position":1.5})");
  return e;
}

}  // namespace

TEST(WebhookPayload, BodyHasTwentysKeysInTwentysOrder) {
  auto body = delivery_body(event_payload(created_person()), "https://hooks.example/t", "wh-1");
  EXPECT_EQ(
      body,
      R"({"targetUrl":"https://hooks.example/t","eventName":"person.created",)"
      R"("objectMetadata":{"id":"om-1","nameSingular":"person"},"workspaceId":"ws-1",)"
      R"("webhookId":"wh-1","eventDate":"2025-01-01T00:00:00.000Z","workspaceMemberId":"wm-1",)"
      R"("record":{"id":"p-1","name":{"firstName":"Ada","lastName":"L"},"position":1.5}})");
}

TEST(WebhookPayload, UpdatesCarryUpdatedFieldsAndTheRecordAfter) {
  auto e = created_person();
  e.action = "updated";
  e.before = json::parse(R"({"id":"p-1","city":"Paris"})");
  e.after = json::parse(R"({"id":"p-1","city":"Nantes"})");
  e.updated_fields = std::vector<std::string>{"city"};
  auto body = json::parse(delivery_body(event_payload(e), "http://x/", "wh"));
  EXPECT_EQ(body.at("eventName"), json::value("person.updated"));
  EXPECT_EQ(body.at("record").at("city"), json::value("Nantes"));
  EXPECT_EQ(body.at("updatedFields"), json::parse(R"(["city"])"));
  EXPECT_EQ(body.as_object().rbegin()->key(), "updatedFields");
}

TEST(WebhookPayload, DeletesCarryTheRecordBeforeAndNoUpdatedFields) {
  auto e = created_person();
  e.action = "destroyed";
  e.after.reset();
  e.before = json::parse(R"({"id":"p-1"})");
  e.workspace_member_id.reset();
  auto body = json::parse(delivery_body(event_payload(e), "http://x/", "wh"));
  EXPECT_EQ(body.at("record"), json::parse(R"({"id":"p-1"})"));
  EXPECT_FALSE(body.as_object().contains("updatedFields"));
  EXPECT_FALSE(body.as_object().contains("workspaceMemberId"));
  EXPECT_FALSE(body.as_object().contains("userId"));
}

TEST(WebhookPayload, AnEventWithoutRecordSendsAnEmptyObject) {
  auto e = created_person();
  e.after.reset();
  auto body = json::parse(delivery_body(event_payload(e), "http://x/", "wh"));
  EXPECT_EQ(body.at("record"), json::object());
}

TEST(WebhookPayload, NumbersAndStringsAreWrittenAsJsonStringifyWritesThem) {
  EXPECT_EQ(js_json_stringify(json::parse(R"({"a":1.5,"b":100,"c":1e21,"d":0.1,"e":-0.0})")),
            R"({"a":1.5,"b":100,"c":1e+21,"d":0.1,"e":0})");
  EXPECT_EQ(js_json_stringify(json::parse(R"(["é\n\"",null,true,[],{}])")),
            "[\"é\\n\\\"\",null,true,[],{}]");
}
