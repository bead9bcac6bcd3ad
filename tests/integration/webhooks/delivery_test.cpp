// Record events reaching a real loopback receiver: Twenty's body and headers, a signature the
// receiver can check, operation filters, and the delivery log of each webhook.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "delivery_support.hpp"
#include "fixtures/webhook_receiver.hpp"

using namespace cohort::testing;
namespace json = boost::json;

namespace {

class WebhookDelivery : public ::testing::Test {
 protected:
  void SetUp() override { server().forget_webhooks(); }
  webhook_server& server() { return webhook_server::shared(); }
};

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

TEST_F(WebhookDelivery, GraphqlCreateReachesTheReceiverSignedAsTwentySignsIt) {
  webhook_receiver receiver;
  std::string webhook = server().create_webhook(receiver.url(), R"(["person.created"])", "shh");
  std::string person = server().create_person("Ada");
  ASSERT_TRUE(receiver.wait_for(1));
  auto req = receiver.requests().front();
  EXPECT_EQ(req.method, "POST");
  EXPECT_EQ(req.target, "/hook");
  EXPECT_EQ(req.header("content-type"), "application/json");
  std::string timestamp = req.header("x-twenty-webhook-timestamp");
  ASSERT_EQ(timestamp.find_first_not_of("0123456789"), std::string::npos) << timestamp;
  EXPECT_LT(std::llabs(std::stoll(timestamp) - now_ms()), 5 * 60 * 1000);
  EXPECT_EQ(req.header("x-twenty-webhook-signature"),
            hmac_sha256_hex("shh", timestamp + ":" + req.body));
  EXPECT_EQ(req.header("x-twenty-webhook-nonce").size(), 32u);
  EXPECT_NE(req.header("x-cohort-event-id"), "<absent>");
  EXPECT_EQ(req.header("x-cohort-delivery-attempt"), "1");

  auto body = json::parse(req.body).as_object();
  std::vector<std::string> keys;
  for (const auto& [k, v] : body) keys.emplace_back(k);
  EXPECT_EQ(keys, (std::vector<std::string>{"targetUrl", "eventName", "objectMetadata",
                                            "workspaceId", "webhookId", "eventDate", "userId",
                                            "workspaceMemberId", "record"}));
  EXPECT_EQ(body.at("targetUrl"), json::value(receiver.url()));
  EXPECT_EQ(body.at("eventName"), json::value("person.created"));
  EXPECT_EQ(body.at("objectMetadata").at("nameSingular"), json::value("person"));
  EXPECT_EQ(body.at("objectMetadata").at("id").as_string().size(), 36u);
  EXPECT_EQ(body.at("workspaceId"), json::value(server().workspace_id));
  EXPECT_EQ(body.at("webhookId"), json::value(webhook));
  EXPECT_EQ(body.at("userId"), json::value(server().user_id));
  EXPECT_EQ(body.at("workspaceMemberId"), json::value(server().workspace_member_id));
  EXPECT_EQ(body.at("record").at("id"), json::value(person));
  EXPECT_EQ(body.at("record").at("name").at("firstName"), json::value("Ada"));

  ASSERT_TRUE(wait_settled(server(), webhook));
  auto log = deliveries_of(server(), webhook);
  EXPECT_EQ(log[0].status, "delivered");
  EXPECT_EQ(log[0].attempts, 1);
  EXPECT_EQ(log[0].last_status_code, "200");
  EXPECT_EQ(log[0].event_id, req.header("x-cohort-event-id"));
}

TEST_F(WebhookDelivery, RestCreateAndUpdateReachTheReceiver) {
  webhook_receiver receiver;
  std::string webhook = server().create_webhook(receiver.url(), R"(["person.*"])");
  auto created = server().call(
      "POST", "/rest/people",
      R"({"name":{"firstName":"Rest","lastName":"Hook"},"emails":{"primaryEmail":"rest-hook@hooks.example"}})");
  ASSERT_EQ(created.status, 201u) << created.text;
  std::string id(created.body.at("data").at("createPerson").at("id").as_string());
  auto updated = server().call("PATCH", "/rest/people/" + id, R"({"jobTitle":"Receiver"})");
  ASSERT_EQ(updated.status, 200u) << updated.text;
  ASSERT_TRUE(receiver.wait_for(2));
  auto requests = receiver.requests();
  auto first = json::parse(requests[0].body);
  auto second = json::parse(requests[1].body);
  EXPECT_EQ(first.at("eventName"), json::value("person.created"));
  EXPECT_EQ(first.at("record").at("id"), json::value(id));
  EXPECT_EQ(second.at("eventName"), json::value("person.updated"));
  EXPECT_EQ(second.at("record").at("jobTitle"), json::value("Receiver"));
  const auto& fields = second.at("updatedFields").as_array();
  EXPECT_NE(std::find(fields.begin(), fields.end(), json::value("jobTitle")), fields.end());
  EXPECT_NE(requests[0].header("x-cohort-event-id"), requests[1].header("x-cohort-event-id"));
  EXPECT_EQ(requests[1].header("x-twenty-webhook-signature"),
            hmac_sha256_hex("test-secret", requests[1].header("x-twenty-webhook-timestamp") + ":" +
                                               requests[1].body));
}

TEST_F(WebhookDelivery, OperationsSelectWhichEventsAWebhookGets) {
  webhook_receiver receiver;
  std::string companies = server().create_webhook(receiver.url("/companies"), R"(["company.*"])");
  std::string created = server().create_webhook(receiver.url("/created"), R"(["*.created"])");
  std::string updates = server().create_webhook(receiver.url("/updates"), R"(["person.updated"])");
  std::string all = server().create_webhook(receiver.url("/all"), R"(["*.*"])");
  server().create_person("Filter");
  ASSERT_TRUE(receiver.wait_for(2));
  ASSERT_TRUE(wait_settled(server(), created));
  ASSERT_TRUE(wait_settled(server(), all));
  // The fan-out writes every matching delivery of an event in one statement: once these exist,
  // the others would too.
  EXPECT_TRUE(deliveries_of(server(), companies).empty());
  EXPECT_TRUE(deliveries_of(server(), updates).empty());
  std::vector<std::string> targets;
  for (const auto& r : receiver.requests()) targets.push_back(r.target);
  std::sort(targets.begin(), targets.end());
  EXPECT_EQ(targets, (std::vector<std::string>{"/all", "/created"}));
}

TEST_F(WebhookDelivery, CustomObjectEventsCarryTheObjectsMetadataId) {
  webhook_receiver receiver;
  auto object = server().graphql(
      "/metadata",
      "mutation($input: CreateOneObjectInput!) { createOneObject(input: $input) { id } }",
      json::object{
          {"input", json::object{{"object", json::object{{"nameSingular", "hookPet"},
                                                         {"namePlural", "hookPets"},
                                                         {"labelSingular", "Hook pet"},
                                                         {"labelPlural", "Hook pets"}}}}}});
  ASSERT_TRUE(object.body.at("data").is_object()) << object.text;
  std::string object_id(object.body.at("data").at("createOneObject").at("id").as_string());
  std::string webhook = server().create_webhook(receiver.url(), R"(["hookPet.created"])");
  auto created =
      server().graphql("/graphql", "mutation { createHookPet(data: {name: \"Rex\"}) { id } }");
  ASSERT_TRUE(created.body.at("data").is_object()) << created.text;
  ASSERT_TRUE(receiver.wait_for(1));
  auto body = json::parse(receiver.requests()[0].body);
  EXPECT_EQ(body.at("eventName"), json::value("hookPet.created"));
  EXPECT_EQ(body.at("objectMetadata").at("id"), json::value(object_id));
  EXPECT_EQ(body.at("objectMetadata").at("nameSingular"), json::value("hookPet"));
  EXPECT_EQ(body.at("record").at("name"), json::value("Rex"));
}
