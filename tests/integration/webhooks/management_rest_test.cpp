// Webhook management over REST: /rest/metadata/webhooks and the deprecated /rest/webhooks, as
// Twenty's WebhookController answers (raw entities and arrays), every client error with its
// status and body, and the delivery log route (a Cohort extension).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "webhook_server.hpp"

using namespace cohort::testing;
namespace json = boost::json;

namespace {

class WebhookRest : public ::testing::Test {
 protected:
  void SetUp() override { server().forget_webhooks(); }
  webhook_server& server() { return webhook_server::shared(); }
};

void expect_error(const http_answer& res, unsigned status, const char* error,
                  const std::string& message) {
  EXPECT_EQ(res.status, status) << res.text;
  EXPECT_EQ(res.body.at("statusCode"), json::value(static_cast<std::int64_t>(status))) << res.text;
  EXPECT_EQ(res.body.at("error"), json::value(error)) << res.text;
  EXPECT_EQ(res.body.at("messages"), json::value(json::array{json::value(message)})) << res.text;
}

}  // namespace

TEST_F(WebhookRest, CreateAnswers201WithTheWebhookAndDefaultsOperations) {
  auto res = server().call("POST", "/rest/metadata/webhooks",
                           R"({"targetUrl":"https://Hooks.example","description":"d"})");
  ASSERT_EQ(res.status, 201u) << res.text;
  EXPECT_EQ(res.body.at("targetUrl"), json::value("https://hooks.example/"));
  EXPECT_EQ(res.body.at("operations"), json::parse(R"(["*.*"])"));
  EXPECT_EQ(res.body.at("description"), json::value("d"));
  EXPECT_EQ(res.body.at("secret").as_string().size(), 64u);
  EXPECT_EQ(res.body.at("workspaceId"), json::value(server().workspace_id));
  EXPECT_TRUE(res.body.at("deletedAt").is_null());
}

TEST_F(WebhookRest, ListReadUpdateDelete) {
  auto created = server().call("POST", "/rest/metadata/webhooks",
                               R"({"targetUrl":"https://a.example/h","operations":["person.*"]})");
  ASSERT_EQ(created.status, 201u) << created.text;
  std::string id(created.body.at("id").as_string());
  std::string base = "/rest/metadata/webhooks/" + id;

  auto list = server().call("GET", "/rest/metadata/webhooks");
  ASSERT_EQ(list.status, 200u);
  ASSERT_TRUE(list.body.is_array()) << list.text;
  ASSERT_EQ(list.body.as_array().size(), 1u);
  EXPECT_EQ(list.body.at(0).at("id"), json::value(id));

  auto one = server().call("GET", base);
  EXPECT_EQ(one.status, 200u);
  EXPECT_EQ(one.body.at("operations"), json::parse(R"(["person.*"])"));

  auto patched = server().call("PATCH", base, R"({"targetUrl":"http://b.example","secret":"n"})");
  EXPECT_EQ(patched.status, 200u) << patched.text;
  EXPECT_EQ(patched.body.at("targetUrl"), json::value("http://b.example/"));
  EXPECT_EQ(patched.body.at("secret"), json::value("n"));
  EXPECT_EQ(patched.body.at("operations"), json::parse(R"(["person.*"])"));

  auto put = server().call("PUT", base, R"({"description":"via put"})");
  EXPECT_EQ(put.status, 200u) << put.text;
  EXPECT_EQ(put.body.at("description"), json::value("via put"));

  auto deleted = server().call("DELETE", base);
  EXPECT_EQ(deleted.status, 200u);
  EXPECT_EQ(deleted.body, json::value(true));
  expect_error(server().call("GET", base), 404, "NotFoundException",
               "Webhook with id " + id + " not found");
  EXPECT_TRUE(server().call("GET", "/rest/metadata/webhooks").body.as_array().empty());
}

// Twenty 1.6's WebhookController.findAll reads no query: the list is every webhook of the
// workspace as a bare array — no {data, pageInfo, totalCount} envelope and no paging, unlike the
// other /rest/metadata families — and paging parameters are ignored rather than refused.
TEST_F(WebhookRest, TheListIsABareArrayAndIgnoresPagingParameters) {
  for (const char* url : {"https://one.example", "https://two.example", "https://three.example"}) {
    ASSERT_EQ(server()
                  .call("POST", "/rest/metadata/webhooks",
                        std::string(R"({"targetUrl":")") + url + R"("})")
                  .status,
              201u);
  }
  for (const char* path :
       {"/rest/metadata/webhooks", "/rest/metadata/webhooks?limit=1",
        "/rest/metadata/webhooks?starting_after=00000000-0000-4000-8000-000000000000"
        "&ending_before=00000000-0000-4000-8000-000000000001",
        "/rest/webhooks?limit=2"}) {
    auto list = server().call("GET", path);
    EXPECT_EQ(list.status, 200u) << path << " " << list.text;
    ASSERT_TRUE(list.body.is_array()) << path << " " << list.text;
    EXPECT_EQ(list.body.as_array().size(), 3u) << path;
  }
}

TEST_F(WebhookRest, TheDeprecatedAliasServesTheSameWebhooks) {
  auto created = server().call("POST", "/rest/webhooks", R"({"targetUrl":"https://a.example"})");
  ASSERT_EQ(created.status, 201u) << created.text;
  std::string id(created.body.at("id").as_string());
  auto one = server().call("GET", "/rest/metadata/webhooks/" + id);
  EXPECT_EQ(one.status, 200u);
  EXPECT_EQ(server().call("GET", "/rest/webhooks").body.as_array().size(), 1u);
  EXPECT_EQ(server().call("DELETE", "/rest/webhooks/" + id).body, json::value(true));
}

TEST_F(WebhookRest, ClientErrors) {
  auto& s = server();
  expect_error(s.call("POST", "/rest/metadata/webhooks", R"({"targetUrl":"not a url"})"), 400,
               "BadRequestException", "Invalid target URL provided");
  expect_error(s.call("POST", "/rest/metadata/webhooks", R"({"operations":["*.*"]})"), 400,
               "BadRequestException", "Invalid target URL provided");
  expect_error(s.call("POST", "/rest/metadata/webhooks",
                      R"({"targetUrl":"https://a.example","operations":"*.*"})"),
               400, "BadRequestException", "operations must be an array");
  auto not_json = s.call("POST", "/rest/metadata/webhooks", "{oops");
  EXPECT_EQ(not_json.status, 400u);
  EXPECT_EQ(not_json.body.at("error"), json::value("BadRequestException"));
  expect_error(s.call("GET", "/rest/metadata/webhooks/not-a-uuid"), 400, "BadRequestException",
               "invalid input syntax for type uuid: \"not-a-uuid\"");
  const std::string unknown = "00000000-0000-4000-8000-000000000002";
  for (const char* method : {"GET", "PATCH", "DELETE"}) {
    expect_error(s.call(method, "/rest/metadata/webhooks/" + unknown, method[0] == 'P' ? "{}" : ""),
                 404, "NotFoundException", "Webhook with id " + unknown + " not found");
  }
  expect_error(s.call("POST", "/rest/metadata/webhooks/" + unknown), 404, "NotFoundException",
               "Cannot POST /rest/metadata/webhooks/" + unknown);
  std::string id(s.call("POST", "/rest/metadata/webhooks", R"({"targetUrl":"https://a.example"})")
                     .body.at("id")
                     .as_string());
  expect_error(s.call("PATCH", "/rest/metadata/webhooks/" + id, R"({"targetUrl":"mailto:x@y.z"})"),
               400, "BadRequestException", "Invalid target URL provided");
}

TEST_F(WebhookRest, TokensAreRequired) {
  expect_error(server().call("GET", "/rest/metadata/webhooks", "", ""), 403, "FORBIDDEN_EXCEPTION",
               "Missing authentication token");
  expect_error(server().call("GET", "/rest/metadata/webhooks", "", server().agnostic_token), 403,
               "FORBIDDEN_EXCEPTION", "This token does not belong to a workspace");
  auto garbage = server().call("GET", "/rest/metadata/webhooks", "", "garbage");
  EXPECT_EQ(garbage.status, 401u) << garbage.text;
}

TEST_F(WebhookRest, AnotherWorkspacesWebhookIsNotFound) {
  auto& s = server();
  auto ws = s.sql(
      "INSERT INTO core.workspace (subdomain, display_name, activation_status) VALUES "
      "('rest-other-' || substr(md5(random()::text), 1, 8), 'Other', 'ACTIVE') RETURNING id");
  ASSERT_TRUE(ws.ok()) << ws.error().message;
  auto hook = s.sql("INSERT INTO core.webhook (workspace_id, target_url, secret) VALUES ('" +
                    std::string(ws.get(0, 0)) + "', 'https://other.example/', 'x') RETURNING id");
  std::string id(hook.get(0, 0));
  EXPECT_EQ(s.call("GET", "/rest/metadata/webhooks/" + id).status, 404u);
  EXPECT_EQ(s.call("PATCH", "/rest/metadata/webhooks/" + id, R"({"description":"x"})").status,
            404u);
  EXPECT_EQ(s.call("DELETE", "/rest/metadata/webhooks/" + id).status, 404u);
  EXPECT_EQ(s.call("GET", "/rest/metadata/webhooks/" + id + "/deliveries").status, 404u);
  EXPECT_EQ(
      s.sql("SELECT description IS NULL AND deleted_at IS NULL FROM core.webhook WHERE id = '" +
            id + "'")
          .get(0, 0),
      "t");
}
