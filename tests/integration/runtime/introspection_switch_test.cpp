// COHORT_GRAPHQL_INTROSPECTION / COHORT_METADATA_INTROSPECTION: an operator can switch
// introspection off per endpoint; __typename and ordinary queries keep working.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "fixtures/cohort_server.hpp"
#include "fixtures/raw_client.hpp"

using namespace cohort::testing;
namespace json = boost::json;

namespace {

json::value post(cohort_server& server, const std::string& target, const std::string& query) {
  raw_client client(server.port());
  json::object body{{"query", query}};
  client.send(http_post(target, json::serialize(body), "Content-Type: application/json\r\n"));
  auto res = client.read_response();
  EXPECT_TRUE(res);
  return res ? json::parse(res->body) : json::value();
}

}  // namespace

TEST(IntrospectionSwitch, OffOnGraphqlOnlyRefusesSchemaThereAndKeepsMetadataOpen) {
  temp_dir dir("cohort-introspection");
  cohort_server server({.args = {},
                        .env = {{"COHORT_GRAPHQL_INTROSPECTION", "false"}},
                        .data_dir = (dir.path() / "data").string()});
  ASSERT_TRUE(server.wait_ready()) << server.proc().output();

  auto refused = post(server, "/graphql", "{ __schema { queryType { name } } }");
  ASSERT_TRUE(refused.as_object().contains("errors")) << refused;
  EXPECT_EQ(refused.at("errors").at(0).at("message"),
            json::value("GraphQL introspection has been disabled, but the requested query "
                        "contained the field \"__schema\"."));
  // One error per introspection-typed field, in Twenty's validation-error shape (no data).
  EXPECT_EQ(refused.at("errors").as_array().size(), 2u) << refused;
  EXPECT_FALSE(refused.as_object().contains("data")) << refused;

  auto typename_only = post(server, "/graphql", "{ __typename }");
  EXPECT_EQ(typename_only, json::parse(R"({"data":{"__typename":"Query"}})"));

  auto metadata = post(server, "/metadata", "{ __schema { queryType { name } } }");
  EXPECT_EQ(metadata, json::parse(R"({"data":{"__schema":{"queryType":{"name":"Query"}}}})"));
}
