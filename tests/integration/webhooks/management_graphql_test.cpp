// Webhook management on /metadata (Twenty's WebhookResolver): create, list, read, update, delete,
// Twenty's errors, and isolation between workspaces.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "webhook_server.hpp"

using namespace cohort::testing;
namespace json = boost::json;

namespace {

constexpr const char* fields =
    "id targetUrl operations description secret workspaceId createdAt "
    "updatedAt deletedAt";

json::value create(webhook_server& s, const json::object& input) {
  return s
      .graphql(
          "/metadata",
          std::string("mutation($input: CreateWebhookDTO!) { createWebhook(input: $input) { ") +
              fields + " } }",
          json::object{{"input", input}})
      .body;
}

class WebhookGraphql : public ::testing::Test {
 protected:
  void SetUp() override { server().forget_webhooks(); }
  webhook_server& server() { return webhook_server::shared(); }
};

}  // namespace

TEST_F(WebhookGraphql, CreateNormalizesTheUrlAndGeneratesASecret) {
  auto body = create(server(), {{"targetUrl", "HTTPS://Hooks.Example.com"},
                                {"operations", json::array{"person.created", "*.updated"}},
                                {"description", "crm sync"}});
  const auto& w = body.at("data").at("createWebhook");
  EXPECT_EQ(w.at("targetUrl"), json::value("https://hooks.example.com/"));
  EXPECT_EQ(w.at("operations"), json::parse(R"(["person.created","*.updated"])"));
  EXPECT_EQ(w.at("description"), json::value("crm sync"));
  EXPECT_EQ(w.at("secret").as_string().size(), 64u);
  EXPECT_EQ(w.at("workspaceId"), json::value(server().workspace_id));
  EXPECT_TRUE(w.at("deletedAt").is_null());
  auto row = server().sql("SELECT target_url, operations::text FROM core.webhook WHERE id = '" +
                          std::string(w.at("id").as_string()) + "'");
  ASSERT_EQ(row.rows(), 1);
  EXPECT_EQ(row.get(0, 0), "https://hooks.example.com/");
  EXPECT_EQ(row.get(0, 1), "{person.created,*.updated}");
}

TEST_F(WebhookGraphql, CreateKeepsAGivenSecret) {
  auto body = create(server(), {{"targetUrl", "https://a.example/h"},
                                {"operations", json::array{"*.*"}},
                                {"secret", "s3cr3t"}});
  EXPECT_EQ(body.at("data").at("createWebhook").at("secret"), json::value("s3cr3t"));
}

TEST_F(WebhookGraphql, InvalidTargetUrlsAreRefusedWithTwentysError) {
  for (const char* url : {"invalid-url", "ftp://files.example/x", "", "http://"}) {
    auto body = create(server(), {{"targetUrl", url}, {"operations", json::array{"*.*"}}});
    EXPECT_EQ(body.at("data"), json::value(nullptr)) << url;
    const auto& error = body.at("errors").at(0);
    EXPECT_EQ(error.at("message"), json::value("Invalid target URL provided")) << url;
    EXPECT_EQ(error.at("extensions").at("code"), json::value("BAD_USER_INPUT"));
    EXPECT_EQ(error.at("extensions").at("subCode"), json::value("INVALID_TARGET_URL"));
    EXPECT_EQ(error.at("extensions").at("userFriendlyMessage"),
              json::value("Please provide a valid HTTP or HTTPS URL."));
  }
  EXPECT_EQ(server().sql("SELECT count(*) FROM core.webhook WHERE deleted_at IS NULL").get(0, 0),
            "0");
}

TEST_F(WebhookGraphql, ListAndReadOne) {
  std::string a = server().create_webhook("https://a.example/h", R"(["*.*"])");
  std::string b = server().create_webhook("https://b.example/h", R"(["person.*"])");
  auto list = server().graphql("/metadata", "{ webhooks { id targetUrl operations } }").body;
  const auto& items = list.at("data").at("webhooks").as_array();
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].at("id"), json::value(a));
  EXPECT_EQ(items[1].at("id"), json::value(b));
  EXPECT_EQ(items[1].at("operations"), json::parse(R"(["person.*"])"));
  auto one = server()
                 .graphql("/metadata",
                          "query($id: UUID!) { webhook(input: {id: $id}) { id targetUrl "
                          "workspace { id } } }",
                          json::object{{"id", b}})
                 .body;
  EXPECT_EQ(one.at("data").at("webhook").at("targetUrl"), json::value("https://b.example/h"));
  EXPECT_EQ(one.at("data").at("webhook").at("workspace").at("id"),
            json::value(server().workspace_id));
}

TEST_F(WebhookGraphql, UpdateChangesOnlyTheGivenFields) {
  std::string id = server().create_webhook("https://a.example/h", R"(["*.*"])", "keep-me");
  auto body =
      server()
          .graphql(
              "/metadata",
              "mutation($input: UpdateWebhookDTO!) { updateWebhook(input: $input) { "
              "targetUrl operations description secret } }",
              json::object{{"input", json::object{{"id", id},
                                                  {"targetUrl", "http://New.example"},
                                                  {"operations", json::array{"company.created"}}}}})
          .body;
  const auto& w = body.at("data").at("updateWebhook");
  EXPECT_EQ(w.at("targetUrl"), json::value("http://new.example/"));
  EXPECT_EQ(w.at("operations"), json::parse(R"(["company.created"])"));
  EXPECT_EQ(w.at("secret"), json::value("keep-me"));
  auto bad =
      server()
          .graphql("/metadata",
                   "mutation($input: UpdateWebhookDTO!) { updateWebhook(input: $input) { id } }",
                   json::object{{"input", json::object{{"id", id}, {"targetUrl", "nope"}}}})
          .body;
  EXPECT_EQ(bad.at("errors").at(0).at("extensions").at("code"), json::value("BAD_USER_INPUT"));
  EXPECT_EQ(bad.at("errors").at(0).at("message"), json::value("Invalid target URL provided"));
}

TEST_F(WebhookGraphql, DeleteIsSoftAndAnswersWhetherThereWasOne) {
  std::string id = server().create_webhook("https://a.example/h", R"(["*.*"])");
  const std::string mutation = "mutation($id: UUID!) { deleteWebhook(input: {id: $id}) }";
  auto first = server().graphql("/metadata", mutation, json::object{{"id", id}}).body;
  EXPECT_EQ(first.at("data").at("deleteWebhook"), json::value(true));
  auto again = server().graphql("/metadata", mutation, json::object{{"id", id}}).body;
  EXPECT_EQ(again.at("data").at("deleteWebhook"), json::value(false));
  auto read = server()
                  .graphql("/metadata", "query($id: UUID!) { webhook(input: {id: $id}) { id } }",
                           json::object{{"id", id}})
                  .body;
  EXPECT_EQ(read.at("data").at("webhook"), json::value(nullptr));
  EXPECT_EQ(server()
                .sql("SELECT deleted_at IS NOT NULL FROM core.webhook WHERE id = '" + id + "'")
                .get(0, 0),
            "t");
}

TEST_F(WebhookGraphql, UnknownIdsAnswerNull) {
  const std::string unknown = "00000000-0000-4000-8000-000000000001";
  auto read = server()
                  .graphql("/metadata", "query($id: UUID!) { webhook(input: {id: $id}) { id } }",
                           json::object{{"id", unknown}})
                  .body;
  EXPECT_EQ(read.at("data").at("webhook"), json::value(nullptr));
  EXPECT_FALSE(read.as_object().contains("errors"));
  auto update = server()
                    .graphql("/metadata",
                             "mutation($id: UUID!) { updateWebhook(input: {id: $id, description: "
                             "\"x\"}) { id } }",
                             json::object{{"id", unknown}})
                    .body;
  EXPECT_EQ(update.at("data").at("updateWebhook"), json::value(nullptr));
}

TEST_F(WebhookGraphql, AnotherWorkspacesWebhookIsNotFound) {
  auto& s = server();
  auto ws = s.sql(
      "INSERT INTO core.workspace (subdomain, display_name, activation_status) VALUES "
      "('other-' || substr(md5(random()::text), 1, 8), 'Other', 'ACTIVE') RETURNING id");
  ASSERT_TRUE(ws.ok()) << ws.error().message;
  auto hook = s.sql("INSERT INTO core.webhook (workspace_id, target_url, secret) VALUES ('" +
                    std::string(ws.get(0, 0)) + "', 'https://other.example/', 'x') RETURNING id");
  ASSERT_TRUE(hook.ok()) << hook.error().message;
  std::string id(hook.get(0, 0));
  auto read = s.graphql("/metadata", "query($id: UUID!) { webhook(input: {id: $id}) { id } }",
                        json::object{{"id", id}})
                  .body;
  EXPECT_EQ(read.at("data").at("webhook"), json::value(nullptr));
  auto del = s.graphql("/metadata", "mutation($id: UUID!) { deleteWebhook(input: {id: $id}) }",
                       json::object{{"id", id}})
                 .body;
  EXPECT_EQ(del.at("data").at("deleteWebhook"), json::value(false));
  auto list = s.graphql("/metadata", "{ webhooks { id } }").body;
  for (const auto& w : list.at("data").at("webhooks").as_array())
    EXPECT_NE(w.at("id"), json::value(id));
  EXPECT_EQ(s.sql("SELECT deleted_at IS NULL FROM core.webhook WHERE id = '" + id + "'").get(0, 0),
            "t");
}

TEST_F(WebhookGraphql, AnonymousCallersAreRefused) {
  auto body = server().graphql("/metadata", "{ webhooks { id } }", nullptr, "").body;
  ASSERT_TRUE(body.as_object().contains("errors")) << json::serialize(body);
  EXPECT_EQ(body.at("errors").at(0).at("message"), json::value("Forbidden resource"));
  EXPECT_EQ(body.at("data"), json::value(nullptr));
}

TEST_F(WebhookGraphql, WorkspaceAgnosticTokensAreRefused) {
  auto body =
      server().graphql("/metadata", "{ webhooks { id } }", nullptr, server().agnostic_token).body;
  ASSERT_TRUE(body.as_object().contains("errors")) << json::serialize(body);
  EXPECT_EQ(body.at("errors").at(0).at("message"), json::value("Forbidden resource"));
  auto create = server()
                    .graphql("/metadata",
                             "mutation { createWebhook(input: {targetUrl: \"https://a.example\", "
                             "operations: [\"*.*\"]}) { id } }",
                             nullptr, server().agnostic_token)
                    .body;
  EXPECT_EQ(create.at("errors").at(0).at("message"), json::value("Forbidden resource"));
  EXPECT_EQ(server().sql("SELECT count(*) FROM core.webhook WHERE deleted_at IS NULL").get(0, 0),
            "0");
}
