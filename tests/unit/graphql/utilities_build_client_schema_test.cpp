// buildClientSchema against Twenty's recorded schemas: our schema rebuilt from the golden
// introspection results introspects back to the same types, fields, arguments and enum values
// (same query options as the recording), and building it takes milliseconds.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <fstream>
#include <sstream>

#include "graphql/type/introspection.hpp"
#include "graphql/type/schema.hpp"
#include "graphql/utilities/build_client_schema.hpp"
#include "graphql/utilities/introspection_from_schema.hpp"

namespace {

namespace json = boost::json;
using namespace cohort::graphql;

json::value load_golden(const std::string& name) {
  std::ifstream in(std::string(COHORT_SHARED_DIR) + "/spec/twenty-golden/" + name);
  std::stringstream ss;
  ss << in.rdbuf();
  return json::parse(ss.str());
}

// The options of the query Twenty's introspection was recorded with (graphql-js's defaults).
utilities::introspection_options recorded_query_options() {
  utilities::introspection_options o;
  o.specified_by_url = false;
  o.directive_is_repeatable = false;
  o.schema_description = false;
  o.input_value_deprecation = false;
  o.experimental_directive_deprecation = false;
  o.one_of = false;
  return o;
}

double milliseconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

void expect_round_trip(const std::string& file, std::size_t expected_types) {
  json::value golden = load_golden(file);
  const json::object& recorded = golden.at("data").at("__schema").as_object();

  auto built = utilities::build_client_schema(golden);
  ASSERT_TRUE(built) << (built.errors.empty() ? "" : built.errors.front());
  json::value ours = utilities::introspection_from_schema(*built.schema, recorded_query_options());
  const json::object& schema = ours.at("__schema").as_object();

  for (const char* root : {"queryType", "mutationType", "subscriptionType"}) {
    EXPECT_EQ(schema.at(root).at("name"), recorded.at(root).at("name")) << root;
  }
  EXPECT_EQ(schema.at("directives"), recorded.at("directives"));

  const auto& our_types = schema.at("types").as_array();
  const auto& recorded_types = recorded.at("types").as_array();
  ASSERT_EQ(our_types.size(), recorded_types.size());
  std::size_t compared = 0;
  for (std::size_t i = 0; i < our_types.size(); ++i) {
    const auto& name = recorded_types[i].at("name").as_string();
    ASSERT_EQ(our_types[i].at("name").as_string(), name) << "type #" << i;
    // The introspection types are graphql-js 16.15's, not those of Twenty's graphql-js.
    if (type::is_introspection_type_name(name)) continue;
    // Whole-type equality: kind, description, fields with args and types, input fields with
    // defaults, interfaces, enum values, possible types. (Key order differs: the recording's
    // graphql-js selected `kind name` inside ofType, 16.15 selects `name kind`.)
    EXPECT_TRUE(our_types[i] == recorded_types[i]) << name;
    ++compared;
  }
  EXPECT_EQ(compared, expected_types);
}

TEST(UtilitiesBuildClientSchema, TwentyMetadataSchemaRoundTrips) {
  expect_round_trip("introspection-metadata.json", 337);
}

TEST(UtilitiesBuildClientSchema, TwentyWorkspaceSchemaRoundTrips) {
  expect_round_trip("introspection-graphql.json", 857);
}

TEST(UtilitiesBuildClientSchema, TwentySchemasBuildInMilliseconds) {
  for (const char* file : {"introspection-metadata.json", "introspection-graphql.json"}) {
    json::value golden = load_golden(file);
    double best = 1e9;
    std::size_t types = 0;
    for (int run = 0; run < 5; ++run) {
      auto start = std::chrono::steady_clock::now();
      auto built = utilities::build_client_schema(golden);
      best = std::min(best, milliseconds_since(start));
      ASSERT_TRUE(built);
      types = built.schema->types().size();
    }
    std::cout << "[ timing   ] build_client_schema(" << file << "): " << types << " types in "
              << best << " ms\n";
    // Generous: a sanitizer build on a loaded machine must pass too.
    EXPECT_LT(best, 500.0);
  }
}

TEST(UtilitiesBuildClientSchema, MalformedIntrospectionGivesGraphqlJsMessages) {
  auto error_of = [](const char* text) {
    auto r = utilities::build_client_schema(json::parse(text));
    EXPECT_FALSE(r);
    return r.errors.empty() ? std::string() : r.errors.front();
  };
  EXPECT_THAT(error_of(R"({"data": null})"),
              ::testing::StartsWith("Invalid or incomplete introspection result. Ensure that you "
                                    "are passing \"data\" property"));
  EXPECT_EQ(error_of(R"({"__schema": {"queryType": {"name": "Q"}, "types": [
                 {"kind": "OBJECT", "name": "Q", "interfaces": [], "fields": [
                   {"name": "f", "args": [], "type": {"kind": "SCALAR", "name": "Nope"}}]}]}})"),
            "Invalid or incomplete schema, unknown type: Nope. Ensure that a full introspection "
            "query is used in order to build a client schema.");
  EXPECT_EQ(
      error_of(R"({"__schema": {"queryType": {"name": "Q"}, "types": [
                 {"kind": "OBJECT", "name": "Q", "interfaces": []}]}})"),
      "Introspection result missing fields: { kind: \"OBJECT\", name: \"Q\", interfaces: [] }.");
  EXPECT_EQ(error_of(R"({"__schema": {"queryType": {"name": "Q"}, "types": [
                 {"kind": "OBJECT", "name": "Q", "interfaces": [], "fields": [
                   {"name": "f", "args": [], "type": {"kind": "LIST", "ofType": null}}]}]}})"),
            "Decorated type deeper than introspection query.");
}

TEST(UtilitiesBuildClientSchema, DefaultValuesAreCoercedAgainstTheirTypes) {
  auto built = utilities::build_client_schema(json::parse(R"({"__schema": {
    "queryType": {"name": "Query"},
    "types": [
      {"kind": "OBJECT", "name": "Query", "interfaces": [], "fields": [
        {"name": "f", "type": {"kind": "SCALAR", "name": "Int"}, "args": [
          {"name": "e", "type": {"kind": "ENUM", "name": "E"}, "defaultValue": "B"},
          {"name": "l", "type": {"kind": "LIST", "name": null, "ofType": {"kind": "ENUM", "name": "E"}}, "defaultValue": "A"},
          {"name": "i", "type": {"kind": "INPUT_OBJECT", "name": "In"}, "defaultValue": "{a: 1}"},
          {"name": "bad", "type": {"kind": "SCALAR", "name": "Int"}, "defaultValue": "\"x\""}
        ]}]},
      {"kind": "SCALAR", "name": "Int"},
      {"kind": "ENUM", "name": "E", "enumValues": [{"name": "A"}, {"name": "B"}]},
      {"kind": "INPUT_OBJECT", "name": "In", "inputFields": [
        {"name": "a", "type": {"kind": "SCALAR", "name": "Int"}},
        {"name": "b", "type": {"kind": "SCALAR", "name": "Int"}, "defaultValue": "7"}]}
    ]}})"));
  ASSERT_TRUE(built) << built.errors.front();
  const auto* f = type::as_object(built.schema->type("Query"))->field("f");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(*f->arg("e")->default_value, json::value("B"));
  EXPECT_EQ(*f->arg("l")->default_value, json::parse(R"(["A"])"));
  // graphql-js's valueFromAST fills in the defaults of fields the literal leaves out.
  EXPECT_EQ(*f->arg("i")->default_value, json::parse(R"({"a": 1, "b": 7})"));
  EXPECT_FALSE(f->arg("bad")->default_value.has_value());
}

}  // namespace
