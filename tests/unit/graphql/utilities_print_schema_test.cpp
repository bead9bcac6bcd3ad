// printSchema and introspection output for small schemas (graphql-js's expectations), the value
// literal printer, and the Twenty scalars' names and descriptions against the recorded schemas.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <sstream>

#include "graphql/type/scalars_extra.hpp"
#include "graphql/type/schema.hpp"
#include "graphql/type/schema_builder.hpp"
#include "graphql/utilities/ast_from_value.hpp"
#include "graphql/utilities/introspection_from_schema.hpp"
#include "graphql/utilities/print_schema.hpp"

namespace {

namespace json = boost::json;
using namespace cohort::graphql;
using namespace cohort::graphql::type;

std::shared_ptr<const schema> build(schema_builder b) {
  auto r = std::move(b).build();
  EXPECT_TRUE(r) << (r.errors.empty() ? "" : r.errors.front());
  return r.schema;
}

TEST(UtilitiesPrintSchema, PrintsTypesDescriptionsDefaultsAndDeprecations) {
  schema_builder b;
  auto& q = b.add_object("Query");
  q.describe("The root");
  auto& f = q.field("users", "[User!]!");
  f.arg("first", "Int").default_to(10);
  f.arg("role", "[Role!]").default_to("ADMIN");  // a single value for a list prints bare
  q.field("old", "String").deprecate();
  b.add_object("User").implements("Node").field("id", "ID!").describe("Line one\nline two");
  b.add_interface("Node").field("id", "ID!");
  auto& role = b.add_enum("Role");
  role.value("ADMIN");
  role.value("GUEST").deprecate("Gone");
  b.add_input_object("By").set_one_of().field("id", "ID");
  auto s = build(std::move(b));
  EXPECT_EQ(utilities::print_schema(*s),
            "\"\"\"The root\"\"\"\n"
            "type Query {\n"
            "  users(first: Int = 10, role: [Role!] = ADMIN): [User!]!\n"
            "  old: String @deprecated\n"
            "}\n\n"
            "type User implements Node {\n"
            "  \"\"\"\n  Line one\n  line two\n  \"\"\"\n"
            "  id: ID!\n"
            "}\n\n"
            "interface Node {\n  id: ID!\n}\n\n"
            "enum Role {\n  ADMIN\n  GUEST @deprecated(reason: \"Gone\")\n}\n\n"
            "input By @oneOf {\n  id: ID\n}");
}

TEST(UtilitiesPrintSchema, PrintsTheSchemaDefinitionOnlyWhenNeeded) {
  schema_builder b;
  b.add_object("Root").field("f", "String");
  b.query("Root");
  EXPECT_EQ(utilities::print_schema(*build(std::move(b))),
            "schema {\n  query: Root\n}\n\ntype Root {\n  f: String\n}");
  schema_builder c;
  c.description("Described");
  c.add_object("Query").field("f", "String");
  EXPECT_EQ(utilities::print_schema(*build(std::move(c))),
            "\"\"\"Described\"\"\"\nschema {\n  query: Query\n}\n\ntype Query {\n  f: String\n}");
}

TEST(UtilitiesPrintSchema, PrintsValueLiteralsForTheirTypes) {
  schema_builder b;
  auto& query = b.add_object("Query");
  query.field("id", "ID");
  query.field("x", "Float");
  b.add_enum("E").value("ONE").internal_value(1);
  auto& in = b.add_input_object("In");
  in.field("b", "Int");
  in.field("a", "String");
  b.add_scalar(twenty_scalars::json());
  auto s = build(std::move(b));
  auto print = [&](const json::value& v, type_ref t) {
    return utilities::print_value_literal(v, t).value_or("<none>");
  };
  type_ref in_type(s->type("In")), e(s->type("E")), id(s->type("ID")), fl(s->type("Float"));
  EXPECT_EQ(print(json::parse(R"({"a": "x\n", "b": 2, "z": 1})"), in_type), "{b: 2, a: \"x\\n\"}");
  EXPECT_EQ(print(1, e), "ONE");
  EXPECT_EQ(print(2, e), "<none>");  // not a value of the enum
  EXPECT_EQ(print("42", id), "42");
  EXPECT_EQ(print("x42", id), "\"x42\"");
  EXPECT_EQ(print(1e21, fl), "1e+21");
  EXPECT_EQ(print(nullptr, type_ref::non_null_of(fl)), "<none>");
  EXPECT_EQ(print(json::parse("[1, null]"), type_ref::list_of(type_ref::non_null_of(fl))), "[1]");
  EXPECT_EQ(print(json::parse(R"({"k": [1, "v"]})"), type_ref(s->type("JSON"))), "{k: [1, \"v\"]}");
}

TEST(UtilitiesIntrospection, FollowsTheQueryShapeAndOptions) {
  schema_builder b;
  b.add_object("Query").field("f", "[[Int!]]").arg("old", "Int").deprecate();
  b.add_directive("gone").on(directive_location::field).deprecate();
  auto s = build(std::move(b));
  json::value all = utilities::introspection_from_schema(*s);
  const auto& schema_obj = all.at("__schema").as_object();
  std::vector<std::string> keys;
  for (const auto& kv : schema_obj) keys.emplace_back(kv.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"description", "queryType", "mutationType",
                                            "subscriptionType", "types", "directives"}));
  const auto& query = schema_obj.at("types").as_array()[0];
  EXPECT_EQ(
      json::serialize(query.at("fields").at(0).at("type")),
      R"({"kind":"LIST","name":null,"ofType":{"name":null,"kind":"LIST","ofType":{"name":null,"kind":"NON_NULL","ofType":{"name":"Int","kind":"SCALAR","ofType":null}}}})");
  EXPECT_EQ(query.at("fields").at(0).at("args").as_array().size(), 1u);
  EXPECT_EQ(schema_obj.at("directives").as_array().size(), 6u);

  utilities::introspection_options plain;
  plain.input_value_deprecation = false;
  plain.experimental_directive_deprecation = false;
  plain.descriptions = false;
  json::value minimal = utilities::introspection_from_schema(*s, plain);
  const auto& m = minimal.at("__schema").as_object();
  EXPECT_FALSE(m.contains("description"));
  EXPECT_TRUE(m.at("types").as_array()[0].at("fields").at(0).at("args").as_array().empty());
  EXPECT_EQ(m.at("directives").as_array().size(), 5u);  // the deprecated directive is left out
}

TEST(TypeScalarsExtra, MatchTwentysRecordedNamesAndDescriptions) {
  std::map<std::string, std::string> recorded;
  for (const char* file : {"introspection-graphql.json", "introspection-metadata.json"}) {
    std::ifstream in(std::string(COHORT_SHARED_DIR) + "/spec/twenty-golden/" + file);
    std::stringstream ss;
    ss << in.rdbuf();
    json::value golden = json::parse(ss.str());
    for (const auto& t : golden.at("data").at("__schema").at("types").as_array()) {
      if (t.at("kind") == "SCALAR") {
        recorded[std::string(t.at("name").as_string())] =
            std::string(t.at("description").as_string());
      }
    }
  }
  int matched = 0;
  for (auto make : {twenty_scalars::uuid, twenty_scalars::date_time, twenty_scalars::date,
                    twenty_scalars::json, twenty_scalars::json_object, twenty_scalars::big_float,
                    twenty_scalars::cursor, twenty_scalars::connection_cursor,
                    twenty_scalars::position, twenty_scalars::ts_vector, twenty_scalars::upload}) {
    scalar_config c = make();
    ASSERT_TRUE(recorded.count(c.name)) << c.name;
    EXPECT_EQ(c.description.value_or(""), recorded[c.name]) << c.name;
    ++matched;
  }
  EXPECT_EQ(matched, 11);
  EXPECT_EQ(twenty_scalars::big_int().name, "BigInt");
  EXPECT_EQ(twenty_scalars::raw_json().name, "RawJSONScalar");
}

TEST(TypeScalarsExtra, CoerceLikeTwenty) {
  auto uuid = twenty_scalars::uuid().functions;
  EXPECT_TRUE(uuid.parse_value("20202020-b374-4779-a561-80086cb2e17f"));
  EXPECT_EQ(uuid.parse_value("nope").error_message(), "Invalid UUID");
  EXPECT_EQ(uuid.parse_value(3).error_message(), "UUID must be a string");
  auto dt = twenty_scalars::date_time().functions;
  EXPECT_EQ(dt.parse_value("2019-12-03T10:54:33+01:00").value(), "2019-12-03T09:54:33.000Z");
  EXPECT_EQ(dt.serialize("2025-09-19 10:12:33.123456+00").value(), "2025-09-19T10:12:33.123Z");
  EXPECT_FALSE(dt.parse_value("2019-02-30"));
  auto pos = twenty_scalars::position().functions;
  EXPECT_TRUE(pos.parse_value("first"));
  EXPECT_TRUE(pos.parse_value(1.5));
  EXPECT_EQ(pos.parse_value("middle").error_message(),
            "Invalid position value: 'middle'. Position must be 'first', 'last', or a number");
  auto obj = twenty_scalars::json_object().functions;
  EXPECT_EQ(obj.parse_value(json::parse("[1,2]")).error_message(),
            "JSONObject cannot represent non-object value: 1,2");
  auto raw = twenty_scalars::raw_json().functions;
  EXPECT_EQ(raw.parse_value(json::parse(R"({"a":1})")).value(), R"({"a":1})");
  EXPECT_EQ(raw.serialize(R"({"a":1})").value(), json::parse(R"({"a":1})"));
}

}  // namespace
