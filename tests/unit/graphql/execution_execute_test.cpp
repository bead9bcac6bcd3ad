// Execution semantics with resolvers answering at once: operation selection, fragments and
// directives, null propagation at several depths and in lists, errors with locations, path and
// extensions, abstract types through resolveType / isTypeOf / __typename, key order on the wire.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "graphql/execution/execute.hpp"
#include "graphql/language/parser.hpp"
#include "graphql/type/schema_builder.hpp"

namespace {

namespace json = boost::json;
using namespace cohort::graphql;
using execution::completion;
using execution::resolve_info;

std::shared_ptr<const type::schema> make_schema() {
  type::schema_builder b;
  auto& node = b.add_interface("Node");
  node.field("id", "ID!");
  auto& person = b.add_object("Person");
  person.implements("Node");
  person.field("id", "ID!");
  person.field("name", "String");
  person.field("email", "String!");
  person.field("friends", "[Person]");
  person.field("strictFriends", "[Person!]!");
  person.field("best", "Person");
  auto& company = b.add_object("Company");
  company.implements("Node");
  company.field("id", "ID!");
  company.field("size", "Int");
  b.add_union("Entity").member("Person").member("Company");
  auto& q = b.add_object("Query");
  q.field("hello", "String");
  q.field("count", "Int!");
  q.field("me", "Person");
  q.field("mustMe", "Person!");
  q.field("notFound", "Person");
  q.field("forbidden", "String!");
  q.field("node", "Node").arg("id", "ID!");
  q.field("entities", "[Entity!]");
  q.field("ratio", "Float");
  auto built = std::move(b).build();
  EXPECT_TRUE(built) << (built.errors.empty() ? "" : built.errors[0]);
  return built.schema;
}

json::value ada() {
  return json::parse(R"({"id":"p1","name":"Ada","email":"ada@x.io",
    "friends":[{"id":"p2","name":"Bob","email":"bob@x.io"},{"id":"p3","name":"Eve","email":null}],
    "strictFriends":[{"id":"p2","email":"bob@x.io"},{"id":"p3","email":null}],
    "best":{"id":"p2","email":null}})");
}

std::string run(std::string_view query, std::optional<std::string> operation = std::nullopt,
                json::object variables = {}) {
  static auto schema = make_schema();
  static auto map = [] {
    auto m = std::make_shared<execution::resolver_map>(schema);
    m->set("Query", "hello", [](resolve_info&, completion done) { done.resolve("world"); });
    m->set("Query", "count", [](resolve_info&, completion done) { done.resolve(3); });
    m->set("Query", "ratio", [](resolve_info&, completion done) { done.resolve(0.1 + 0.2); });
    m->set("Query", "me", [](resolve_info&, completion done) { done.resolve(ada()); });
    m->set("Query", "mustMe", [](resolve_info&, completion done) {
      done.resolve(json::parse(R"({"id":"p9","email":null})"));
    });
    m->set("Query", "notFound", [](resolve_info&, completion done) {
      json::object ext{{"subCode", "RECORD_NOT_FOUND"}, {"code", "NOT_FOUND"}};
      done.fail(execution::field_error("Record not found", ext));
    });
    m->set("Query", "forbidden", [](resolve_info&, completion done) {
      done.fail(execution::field_error::with_code("Forbidden resource", "FORBIDDEN"));
    });
    m->set("Query", "node", [](resolve_info& info, completion done) {
      const auto& id = info.args().at("id").as_string();
      if (id == "c1") {
        done.resolve(json::parse(R"({"id":"c1","size":10})"));
      } else if (id == "bad") {
        done.resolve(json::parse(R"({"id":"x","kind":"Mystery"})"));
      } else {
        done.resolve(json::parse(R"({"id":"p1","email":"ada@x.io"})"));
      }
    });
    m->set("Query", "entities", [](resolve_info&, completion done) {
      done.resolve(json::parse(
          R"([{"__typename":"Company","id":"c1","size":1},{"id":"p1","email":"a@b.c"}])"));
    });
    // Node resolves by looking at the value; Person is recognised by isTypeOf for the union.
    m->set_type_resolver(
        "Node",
        [](const json::value& v, const resolve_info&, const type::named_type&) -> std::string {
          const auto& o = v.as_object();
          if (o.contains("size")) return "Company";
          if (o.contains("email")) return "Person";
          return "Mystery";
        });
    m->set_is_type_of("Person", [](const json::value& v, const resolve_info&) {
      return v.as_object().contains("email");
    });
    return m;
  }();
  auto parsed = language::parse(query);
  EXPECT_TRUE(parsed.ok()) << query;
  execution::execution_request req;
  req.schema = schema;
  req.resolvers = map;
  req.document = std::make_shared<const language::document>(std::move(parsed).value());
  req.operation_name = std::move(operation);
  req.variables = std::move(variables);
  auto result = execution::execute_sync(std::move(req));
  return result ? result->body : "DID NOT COMPLETE";
}

TEST(ExecutionExecute, OperationSelection) {
  EXPECT_EQ(run("query A { hello } query B { count }", "B"), R"({"data":{"count":3}})");
  EXPECT_EQ(
      run("query A { hello } query B { count }"),
      R"({"errors":[{"message":"Must provide operation name if query contains multiple operations."}]})");
  EXPECT_EQ(run("query A { hello }", "x"),
            R"({"errors":[{"message":"Unknown operation named \"x\"."}]})");
  EXPECT_EQ(run("fragment F on Query { hello }"),
            R"({"errors":[{"message":"Must provide an operation."}]})");
  EXPECT_EQ(
      run("mutation { hello }"),
      R"({"errors":[{"message":"Schema is not configured to execute mutation operation.","locations":[{"line":1,"column":1}]}],"data":null})");
}

TEST(ExecutionExecute, FragmentsDirectivesAndFieldOrder) {
  EXPECT_EQ(run("{ count hello ratio }"),
            R"({"data":{"count":3,"hello":"world","ratio":0.30000000000000004}})");
  EXPECT_EQ(run("query { me { ...F name @skip(if: true) } } fragment F on Person { id name }"),
            R"({"data":{"me":{"id":"p1","name":"Ada"}}})");
  EXPECT_EQ(run("query ($x: Boolean!) { me { id ... @include(if: $x) { name } n: name } }",
                std::nullopt, {{"x", false}}),
            R"({"data":{"me":{"id":"p1","n":"Ada"}}})");
  EXPECT_EQ(run("{ me { id } me { name } }"), R"({"data":{"me":{"id":"p1","name":"Ada"}}})");
  // An unknown field is left out, as graphql-js does for documents it did not validate.
  EXPECT_EQ(run("{ hello nope }"), R"({"data":{"hello":"world"}})");
  EXPECT_EQ(
      run("query ($s: Boolean!) { hello @skip(if: $s) }"),
      R"({"errors":[{"message":"Variable \"$s\" of required type \"Boolean!\" was not provided.","locations":[{"line":1,"column":8}]}]})");
}

TEST(ExecutionExecute, NullPropagation) {
  // A nullable list item absorbs the error.
  EXPECT_EQ(
      run("{ me { friends { id email } } }"),
      R"({"errors":[{"message":"Cannot return null for non-nullable field Person.email.","locations":[{"line":1,"column":21}],"path":["me","friends",1,"email"]}],"data":{"me":{"friends":[{"id":"p2","email":"bob@x.io"},null]}}})");
  // Non-null items and a non-null list: the error bubbles to `me`.
  EXPECT_EQ(
      run("{ me { id strictFriends { email } } hello }"),
      R"({"errors":[{"message":"Cannot return null for non-nullable field Person.email.","locations":[{"line":1,"column":27}],"path":["me","strictFriends",1,"email"]}],"data":{"me":null,"hello":"world"}})");
  // Two levels down to the nearest nullable field.
  EXPECT_EQ(
      run("{ me { best { email } name } }"),
      R"({"errors":[{"message":"Cannot return null for non-nullable field Person.email.","locations":[{"line":1,"column":15}],"path":["me","best","email"]}],"data":{"me":{"best":null,"name":"Ada"}}})");
  // A non-null root field nulls the whole data.
  EXPECT_EQ(
      run("{ hello mustMe { email } }"),
      R"({"errors":[{"message":"Cannot return null for non-nullable field Person.email.","locations":[{"line":1,"column":18}],"path":["mustMe","email"]}],"data":null})");
}

TEST(ExecutionExecute, ResolverErrorsCarryExtensions) {
  EXPECT_EQ(
      run("{ notFound { id } hello }"),
      R"({"errors":[{"message":"Record not found","locations":[{"line":1,"column":3}],"path":["notFound"],"extensions":{"subCode":"RECORD_NOT_FOUND","code":"NOT_FOUND"}}],"data":{"notFound":null,"hello":"world"}})");
  EXPECT_EQ(
      run("{ forbidden }"),
      R"({"errors":[{"message":"Forbidden resource","locations":[{"line":1,"column":3}],"path":["forbidden"],"extensions":{"code":"FORBIDDEN"}}],"data":null})");
}

TEST(ExecutionExecute, AbstractTypes) {
  EXPECT_EQ(run(R"({ node(id: "c1") { __typename id ... on Company { size } } })"),
            R"({"data":{"node":{"__typename":"Company","id":"c1","size":10}}})");
  EXPECT_EQ(run(R"({ node(id: "p1") { __typename ... on Person { email } } })"),
            R"({"data":{"node":{"__typename":"Person","email":"ada@x.io"}}})");
  EXPECT_EQ(
      run(R"({ node(id: "bad") { id } })"),
      R"({"errors":[{"message":"Abstract type \"Node\" was resolved to a type \"Mystery\" that does not exist inside the schema.","locations":[{"line":1,"column":3}],"path":["node"]}],"data":{"node":null}})");
  // Union: __typename in the value first, then isTypeOf of each possible type.
  EXPECT_EQ(
      run("{ entities { __typename ... on Node { id } } }"),
      R"({"data":{"entities":[{"__typename":"Company","id":"c1"},{"__typename":"Person","id":"p1"}]}})");
}

}  // namespace
