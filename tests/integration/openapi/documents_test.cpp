// GET /rest/open-api/core and /rest/open-api/metadata as a client fetches them: per-workspace
// contents, the token from the header or ?token=, the skeleton for anonymous callers, and a
// custom object and field showing up once /metadata has added them.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "fixtures/postgres_server.hpp"
#include "openapi_server.hpp"

using namespace cohort::testing;
namespace json = boost::json;

namespace {

const json::object& paths_of(const openapi_answer& answer) {
  return answer.body.at("paths").as_object();
}

const json::object& schema_of(const openapi_answer& answer, std::string_view name) {
  return answer.body.at("components").at("schemas").at(name).as_object();
}

bool has(const json::object& object, std::string_view key) {
  return object.contains(key);
}

bool lists(const json::value& array, std::string_view value) {
  if (!array.is_array()) return false;
  for (const auto& v : array.as_array()) {
    if (v.is_string() && v.as_string() == value) return true;
  }
  return false;
}

// The schema of a property, through the anyOf a nullable reference is wrapped in.
const json::object& unwrapped(const json::value& schema) {
  const auto& object = schema.as_object();
  if (auto* any = object.if_contains("anyOf")) return any->as_array().front().as_object();
  return object;
}

}  // namespace

TEST(OpenApiCore, DescribesEveryObjectOfTheCallersWorkspace) {
  auto& s = openapi_server::shared();
  auto doc = s.get("/rest/open-api/core");
  ASSERT_EQ(doc.status, 200u) << doc.text;
  EXPECT_EQ(doc.body.at("openapi"), json::value("3.1.1"));
  EXPECT_EQ(doc.body.at("servers").at(0).at("url"), json::value(s.base_url() + "/rest"));
  EXPECT_EQ(doc.body.at("components").at("securitySchemes").at("bearerAuth").at("scheme"),
            json::value("bearer"));

  const auto& paths = paths_of(doc);
  for (const char* path : {"/people", "/people/{id}", "/batch/people", "/people/restore",
                           "/people/{id}/restore", "/companies", "/opportunities/{id}"}) {
    EXPECT_TRUE(has(paths, path)) << path;
  }
  const auto& people = paths.at("/people").as_object();
  EXPECT_EQ(people.at("get").at("operationId"), json::value("findManyPeople"));
  EXPECT_EQ(people.at("post").at("operationId"), json::value("createOnePerson"));
  EXPECT_EQ(paths.at("/people/{id}").at("delete").at("operationId"),
            json::value("deleteOnePerson"));
  // The list answers Twenty's envelope.
  const auto& list =
      people.at("get").at("responses").at("200").at("content").at("application/json").at("schema");
  EXPECT_TRUE(list.at("properties").at("data").at("properties").as_object().contains("people"));
  EXPECT_TRUE(list.at("properties").as_object().contains("totalCount"));
  EXPECT_EQ(people.at("get").at("responses").at("400").at("$ref"),
            json::value("#/components/responses/400"));

  // A person as REST answers it: composites by reference, the join column, the relation.
  const auto& person = schema_of(doc, "PersonForResponse").at("properties").as_object();
  EXPECT_EQ(unwrapped(person.at("name")).at("$ref"),
            json::value("#/components/schemas/FullNameComposite"));
  EXPECT_TRUE(has(person, "emails"));
  EXPECT_TRUE(has(person, "companyId"));
  EXPECT_TRUE(has(person, "company"));
  EXPECT_TRUE(lists(schema_of(doc, "PersonForResponse").at("required"), "companyId"));
  EXPECT_FALSE(lists(schema_of(doc, "PersonForResponse").at("required"), "company"));
  // Writes take the join column and the writable subfields only.
  const auto& create = schema_of(doc, "Person").at("properties").as_object();
  EXPECT_TRUE(has(create, "companyId"));
  EXPECT_FALSE(has(create, "company"));
  EXPECT_FALSE(has(create, "searchVector"));
  const auto& actor_input = schema_of(doc, "ActorCompositeInput").at("properties").as_object();
  EXPECT_TRUE(has(actor_input, "source"));
  EXPECT_FALSE(has(actor_input, "workspaceMemberId"));
  EXPECT_TRUE(has(schema_of(doc, "FullNameComposite").at("properties").as_object(), "lastName"));
  // Select options become enums.
  const auto& stage =
      unwrapped(schema_of(doc, "OpportunityForResponse").at("properties").at("stage"));
  EXPECT_TRUE(lists(stage.at("enum"), "NEW")) << json::serialize(stage);
  // What a webhook receives when a person changes.
  const auto& created = doc.body.at("webhooks").at("Person Created").at("post");
  EXPECT_EQ(created.at("requestBody").at("content").at("application/json").at("schema").at("$ref"),
            json::value("#/components/schemas/PersonEvent"));
  const auto& payload = schema_of(doc, "PersonEvent").at("properties");
  EXPECT_EQ(payload.at("record").at("$ref"), json::value("#/components/schemas/PersonForResponse"));
  EXPECT_TRUE(lists(payload.at("eventName").at("enum"), "person.created"));
  EXPECT_TRUE(doc.body.at("webhooks").as_object().contains("Company Restored"));
}

TEST(OpenApiCore, ReadsTheTokenFromTheQueryWhenTheHeaderHasNone) {
  auto& s = openapi_server::shared();
  auto by_header = s.get("/rest/open-api/core");
  auto by_query = s.get("/rest/open-api/core?token=" + s.token, "");
  ASSERT_EQ(by_query.status, 200u) << by_query.text;
  EXPECT_EQ(paths_of(by_query).size(), paths_of(by_header).size());
  EXPECT_TRUE(paths_of(by_query).contains("/people"));
}

TEST(OpenApiCore, ServersNameTheAddressTheClientUsedThroughAProxy) {
  auto& s = openapi_server::shared();
  auto doc = s.call("GET", "/rest/open-api/core", {}, "<demo>",
                    "X-Forwarded-Host: crm.example.com\r\nX-Forwarded-Proto: https\r\n");
  ASSERT_EQ(doc.status, 200u);
  EXPECT_EQ(doc.body.at("servers").at(0).at("url"), json::value("https://crm.example.com/rest"));
  // The cached document of the same model is not served for another address.
  auto direct = s.get("/rest/open-api/core");
  EXPECT_EQ(direct.body.at("servers").at(0).at("url"), json::value(s.base_url() + "/rest"));
  auto meta = s.call("GET", "/rest/open-api/metadata", {}, "<demo>",
                     "X-Forwarded-Host: crm.example.com\r\n");
  EXPECT_EQ(meta.body.at("servers").at(0).at("url"),
            json::value("http://crm.example.com/rest/metadata"));
}

TEST(OpenApiCore, ServersNameServerUrlWhenItIsSet) {
  auto& s = openapi_server::shared();
  // A second node of the same demo data, told its public address.
  cohort_server other(cohort_server::options{
      .args = {"--seed", "demo"},
      .env = {{"PG_DATABASE_URL", postgres_server::shared().create_database("openapi_url")},
              {"APP_SECRET", openapi_app_secret},
              {"SERVER_URL", "https://crm.example.com/"}},
      .data_dir = std::nullopt});
  ASSERT_TRUE(other.wait_ready(std::chrono::seconds(60))) << other.proc().output();
  auto core = http_exchange(other.port(), "GET", "/rest/open-api/core", {}, s.token,
                            "X-Forwarded-Host: elsewhere.example.com\r\n");
  ASSERT_EQ(core.status, 200u) << core.text;
  EXPECT_EQ(core.body.at("servers").at(0).at("url"), json::value("https://crm.example.com/rest"));
  EXPECT_TRUE(paths_of(core).contains("/people"));
  auto meta = http_exchange(other.port(), "GET", "/open-api/metadata", {}, s.token);
  EXPECT_EQ(meta.body.at("servers").at(0).at("url"),
            json::value("https://crm.example.com/rest/metadata"));
}

TEST(OpenApiCore, IsAlsoServedWithoutTheRestPrefix) {
  auto& s = openapi_server::shared();
  auto prefixed = s.get("/rest/open-api/core");
  auto bare = s.get("/open-api/core");
  ASSERT_EQ(bare.status, 200u) << bare.text;
  EXPECT_EQ(bare.body, prefixed.body);
  auto meta = s.get("/open-api/metadata");
  ASSERT_EQ(meta.status, 200u) << meta.text;
  EXPECT_TRUE(paths_of(meta).contains("/objects"));
  EXPECT_EQ(s.get("/open-api/other").status, 404u);
}

TEST(OpenApiCore, AnonymousCallersGetTheDocumentWithoutObjects) {
  auto& s = openapi_server::shared();
  for (const std::string& bearer : {std::string(), std::string("not-a-token")}) {
    auto doc = s.get("/rest/open-api/core", bearer);
    ASSERT_EQ(doc.status, 200u) << doc.text;
    EXPECT_EQ(paths_of(doc).size(), 1u) << doc.text;
    EXPECT_TRUE(paths_of(doc).contains("/open-api/core"));
    auto meta = s.get("/rest/open-api/metadata", bearer);
    ASSERT_EQ(meta.status, 200u) << meta.text;
    EXPECT_TRUE(paths_of(meta).empty()) << meta.text;
  }
  auto wrong = s.get("/rest/open-api/core?token=garbage", "");
  EXPECT_EQ(paths_of(wrong).size(), 1u);
}

TEST(OpenApiCore, OnlyGetIsServed) {
  auto& s = openapi_server::shared();
  auto post = s.call("POST", "/rest/open-api/core", "{}");
  EXPECT_EQ(post.status, 404u);
  EXPECT_EQ(post.body, json::parse(R"({"statusCode":404,"error":"NotFoundException",)"
                                   R"("messages":["Cannot POST /rest/open-api/core"]})"));
}

TEST(OpenApiMetadata, ListsWhatRestMetadataServes) {
  auto& s = openapi_server::shared();
  auto doc = s.get("/rest/open-api/metadata");
  ASSERT_EQ(doc.status, 200u) << doc.text;
  EXPECT_EQ(doc.body.at("servers").at(0).at("url"), json::value(s.base_url() + "/rest/metadata"));
  const auto& paths = paths_of(doc);
  for (const char* path :
       {"/objects", "/objects/{id}", "/fields", "/fields/{id}", "/webhooks", "/webhooks/{id}",
        "/webhooks/{id}/deliveries", "/apiKeys", "/apiKeys/{id}", "/apiKeys/{id}/revoke"}) {
    EXPECT_TRUE(has(paths, path)) << path;
  }
  // Every collection it lists answers on the server.
  for (const char* path : {"/objects", "/fields", "/webhooks", "/apiKeys"}) {
    auto answer = s.get(std::string("/rest/metadata") + path + "?limit=1");
    EXPECT_EQ(answer.status, 200u) << path << ": " << answer.text;
  }
  EXPECT_TRUE(has(schema_of(doc, "Object").at("properties").as_object(), "fields"));
  EXPECT_TRUE(lists(schema_of(doc, "Field").at("properties").at("type").at("enum"), "FULL_NAME"));
}

TEST(OpenApiCore, ShowsACustomObjectAndFieldOnceMetadataHasThem) {
  auto& s = openapi_server::shared();
  auto before = s.get("/rest/open-api/core");
  ASSERT_FALSE(paths_of(before).contains("/pets"));

  auto object = s.metadata(
      "mutation($input: CreateOneObjectInput!) { createOneObject(input: $input) { id } }",
      {{"input",
        {{"object",
          {{"nameSingular", "pet"},
           {"namePlural", "pets"},
           {"labelSingular", "Pet"},
           {"labelPlural", "Pets"}}}}}});
  ASSERT_FALSE(object.is_null());
  std::string object_id(object.at("createOneObject").at("id").as_string());
  json::array options{
      json::object{{"label", "Dog"}, {"value", "DOG"}, {"color", "green"}, {"position", 0}},
      json::object{{"label", "Cat"}, {"value", "CAT"}, {"color", "red"}, {"position", 1}}};
  for (json::object field :
       {json::object{{"type", "TEXT"}, {"name", "nickname"}, {"label", "Nickname"}},
        json::object{
            {"type", "SELECT"}, {"name", "species"}, {"label", "Species"}, {"options", options}}}) {
    field["objectMetadataId"] = object_id;
    ASSERT_FALSE(s.metadata("mutation($input: CreateOneFieldMetadataInput!) { "
                            "createOneField(input: $input) { id } }",
                            {{"input", {{"field", field}}}})
                     .is_null());
  }

  auto after = s.get("/rest/open-api/core");
  ASSERT_EQ(after.status, 200u);
  const auto& paths = paths_of(after);
  EXPECT_TRUE(paths.contains("/pets"));
  EXPECT_TRUE(paths.contains("/pets/{id}"));
  EXPECT_EQ(paths.at("/pets").at("post").at("operationId"), json::value("createOnePet"));
  const auto& pet = schema_of(after, "PetForResponse").at("properties").as_object();
  EXPECT_TRUE(has(pet, "nickname"));
  EXPECT_TRUE(lists(unwrapped(pet.at("species")).at("enum"), "CAT"));
  EXPECT_TRUE(has(schema_of(after, "Pet").at("properties").as_object(), "species"));

  // And the real tools still accept both documents.
  auto run = s.run_checks("--validate-only");
  if (!run) GTEST_SKIP() << "node is not installed: the OpenAPI tools were not run";
  EXPECT_EQ(run->status, 0) << run->output;
  EXPECT_NE(run->output.find("valid core"), std::string::npos) << run->output;
  EXPECT_NE(run->output.find("lint metadata: 0 errors"), std::string::npos) << run->output;
}
