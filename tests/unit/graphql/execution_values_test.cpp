// Variable and argument coercion (graphql-js values.ts, coerceInputValue.ts, valueFromAST.ts):
// coerced values and graphql-js's exact messages, paths inside inputs, oneOf rules, limits.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "graphql/execution/execute.hpp"
#include "graphql/execution/values.hpp"
#include "graphql/language/parser.hpp"
#include "graphql/type/schema_builder.hpp"

namespace {

namespace json = boost::json;
using namespace cohort::graphql;
using execution::coerce_input_value;

std::shared_ptr<const type::schema> make_schema() {
  type::schema_builder b;
  auto& status = b.add_enum("Status");
  status.value("ACTIVE");
  status.value("INACTIVE");
  auto& filter = b.add_input_object("Filter");
  filter.field("name", "String");
  filter.field("minAge", "Int").default_to(0);
  filter.field("status", "Status");
  filter.field("tags", "[String!]");
  filter.field("and", "[Filter!]");
  filter.field("required", "Boolean!");
  auto& lookup = b.add_input_object("Lookup");
  lookup.set_one_of();
  lookup.field("id", "ID");
  lookup.field("email", "String");
  auto& q = b.add_object("Query");
  auto& echo = q.field("echo", "String");
  echo.arg("i", "Int");
  echo.arg("s", "String");
  echo.arg("f", "Filter");
  echo.arg("by", "Lookup");
  echo.arg("st", "Status");
  echo.arg("ids", "[ID!]");
  echo.arg("need", "Int!");
  echo.arg("dflt", "Int").default_to(7);
  auto built = std::move(b).build();
  EXPECT_TRUE(built) << (built.errors.empty() ? "" : built.errors[0]);
  return built.schema;
}

const type::schema& schema() {
  static auto s = make_schema();
  return *s;
}

type::type_ref input(std::string_view name) {
  return type::type_ref(schema().type(name));
}

std::string run(std::string_view query, json::object variables,
                std::function<void(execution::resolver_map&)> setup = {}) {
  static auto shared = make_schema();
  auto parsed = language::parse(query);
  EXPECT_TRUE(parsed.ok()) << query;
  execution::execution_request req;
  req.schema = shared;
  req.document = std::make_shared<const language::document>(std::move(parsed).value());
  req.variables = std::move(variables);
  auto map = std::make_shared<execution::resolver_map>(shared);
  // echo answers its coerced arguments as JSON text.
  map->set("Query", "echo", [](execution::resolve_info& info, execution::completion done) {
    done.resolve(json::string(json::serialize(info.args())));
  });
  if (setup) setup(*map);
  req.resolvers = map;
  auto result = execution::execute_sync(std::move(req));
  return result ? result->body : "DID NOT COMPLETE";
}

TEST(ExecutionValues, CoerceInputValueSuccessTable) {
  auto i = input("Int");
  EXPECT_EQ(json::serialize(*coerce_input_value(json::value(3), i).value), "3");
  EXPECT_EQ(json::serialize(*coerce_input_value(json::value(nullptr), i).value), "null");
  auto list = type::type_ref::list_of(i);
  EXPECT_EQ(json::serialize(*coerce_input_value(json::value(4), list).value), "[4]");
  EXPECT_EQ(json::serialize(*coerce_input_value(json::parse("[1,null]"), list).value), "[1,null]");
  auto r = coerce_input_value(json::parse(R"({"name":"a","required":true})"), input("Filter"));
  ASSERT_TRUE(r.value) << r.error;
  // Defaults filled in, in the type's field order.
  EXPECT_EQ(json::serialize(*r.value), R"({"name":"a","minAge":0,"required":true})");
  EXPECT_EQ(json::serialize(*coerce_input_value(json::value("ACTIVE"), input("Status")).value),
            R"("ACTIVE")");
}

TEST(ExecutionValues, CoerceInputValueErrorTable) {
  struct row {
    const char* input;
    type::type_ref type;
    const char* message;
  };
  auto nn_int = type::type_ref::non_null_of(input("Int"));
  std::vector<row> rows = {
      {R"("abc")", input("Int"),
       R"(Invalid value "abc": Int cannot represent non-integer value: "abc")"},
      {"null", nn_int, R"(Invalid value null: Expected non-nullable type "Int!" not to be null.)"},
      {"1.5", input("Int"), "Invalid value 1.5: Int cannot represent non-integer value: 1.5"},
      {R"({"minAge":"x","required":true})", input("Filter"),
       R"(Invalid value "x" at "value.minAge": Int cannot represent non-integer value: "x")"},
      {R"({"required":true,"and":[{"required":true,"tags":["a",null]}]})", input("Filter"),
       R"(Invalid value null at "value.and[0].tags[1]": Expected non-nullable type "String!" not to be null.)"},
      {"{}", input("Filter"),
       R"(Invalid value {}: Field "required" of required type "Boolean!" was not provided.)"},
      {R"({"required":true,"nam":"x"})", input("Filter"),
       R"(Invalid value { required: true, nam: "x" }: Field "nam" is not defined by type "Filter". Did you mean "name" or "and"?)"},
      {"[]", input("Filter"), R"(Invalid value []: Expected type "Filter" to be an object.)"},
      {R"("ACTIV")", input("Status"),
       R"(Invalid value "ACTIV": Value "ACTIV" does not exist in "Status" enum. Did you mean the enum value "ACTIVE" or "INACTIVE"?)"},
      {R"({"id":"1","email":"e"})", input("Lookup"),
       R"(Invalid value { id: "1", email: "e" }: Exactly one key must be specified for OneOf type "Lookup".)"},
      {R"({"id":null})", input("Lookup"),
       R"(Invalid value null at "value.id": Field "id" must be non-null.)"},
  };
  for (const auto& r : rows) {
    auto result = coerce_input_value(json::parse(r.input), r.type);
    EXPECT_FALSE(result.value) << r.input;
    EXPECT_EQ(result.error, r.message) << r.input;
  }
}

TEST(ExecutionValues, VariableErrorsStopExecutionWithGraphqlJsMessages) {
  EXPECT_EQ(
      run("query ($x: Int) { echo(i: $x) }", {{"x", "abc"}}),
      R"({"errors":[{"message":"Variable \"$x\" got invalid value \"abc\"; Int cannot represent non-integer value: \"abc\"","locations":[{"line":1,"column":8}]}]})");
  EXPECT_EQ(
      run("query ($x: Int!) { echo(i: $x) }", {}),
      R"({"errors":[{"message":"Variable \"$x\" of required type \"Int!\" was not provided.","locations":[{"line":1,"column":8}]}]})");
  EXPECT_EQ(
      run("query ($x: Int!) { echo(i: $x) }", {{"x", nullptr}}),
      R"({"errors":[{"message":"Variable \"$x\" of non-null type \"Int!\" must not be null.","locations":[{"line":1,"column":8}]}]})");
  EXPECT_EQ(
      run("query ($f: Filter) { echo(f: $f) }",
          {{"f", json::parse(R"({"minAge":"x","tags":[1]})")}}),
      R"({"errors":[{"message":"Variable \"$f\" got invalid value \"x\" at \"f.minAge\"; Int cannot represent non-integer value: \"x\"","locations":[{"line":1,"column":8}]},{"message":"Variable \"$f\" got invalid value 1 at \"f.tags[0]\"; String cannot represent a non string value: 1","locations":[{"line":1,"column":8}]},{"message":"Variable \"$f\" got invalid value { minAge: \"x\", tags: [1] }; Field \"required\" of required type \"Boolean!\" was not provided.","locations":[{"line":1,"column":8}]}]})");
  EXPECT_EQ(
      run("query ($by: Lookup) { echo(by: $by) }", {{"by", json::object()}}),
      R"({"errors":[{"message":"Variable \"$by\" got invalid value {}; Exactly one key must be specified for OneOf type \"Lookup\".","locations":[{"line":1,"column":8}]}]})");
  EXPECT_EQ(
      run("query ($x: Filter2) { echo }", {}),
      R"({"errors":[{"message":"Variable \"$x\" expected value of type \"Filter2\" which cannot be used as an input type.","locations":[{"line":1,"column":12}]}]})");
}

TEST(ExecutionValues, CoercionErrorLimit) {
  std::string query = "query (";
  json::object vars;
  for (int i = 0; i < 60; ++i) {
    std::string name = std::string("v").append(std::to_string(i));
    query.append("$").append(name).append(": Int ");
    vars[name] = "x";
  }
  query += ") { echo }";
  auto body = json::parse(run(query, vars)).as_object();
  auto& errors = body["errors"].as_array();
  ASSERT_EQ(errors.size(), 51u);
  EXPECT_EQ(errors.back().as_object().at("message").as_string(),
            "Too many errors processing variables, error limit reached. Execution aborted.");
  EXPECT_FALSE(body.contains("data"));
}

TEST(ExecutionValues, ArgumentsCoercedFromLiteralsVariablesAndDefaults) {
  EXPECT_EQ(
      run(R"({ echo(need: 1, i: 2, s: "x", st: INACTIVE, ids: 5) })", {}),
      R"({"data":{"echo":"{\"i\":2,\"s\":\"x\",\"st\":\"INACTIVE\",\"ids\":[\"5\"],\"need\":1,\"dflt\":7}"}})");
  // A variable not provided leaves its argument out (or takes the argument's default).
  EXPECT_EQ(run("query ($a: Int, $d: Int) { echo(need: 1, i: $a, dflt: $d) }", {}),
            R"({"data":{"echo":"{\"need\":1,\"dflt\":7}"}})");
  EXPECT_EQ(
      run(R"(query ($e: String) { echo(need: 1, by: {email: $e}, f: {required: true, and: [{required: false}]}) })",
          {{"e", "a@b"}}),
      R"({"data":{"echo":"{\"f\":{\"minAge\":0,\"and\":[{\"minAge\":0,\"required\":false}],\"required\":true},\"by\":{\"email\":\"a@b\"},\"need\":1,\"dflt\":7}"}})");
}

TEST(ExecutionValues, ArgumentErrorsAreFieldErrors) {
  // Documents validation would refuse still execute cleanly.
  EXPECT_EQ(
      run("{ echo }", {}),
      R"({"errors":[{"message":"Argument \"need\" of required type \"Int!\" was not provided.","locations":[{"line":1,"column":3}],"path":["echo"]}],"data":{"echo":null}})");
  EXPECT_EQ(
      run("query ($n: Int) { echo(need: $n) }", {}),
      R"({"errors":[{"message":"Argument \"need\" of required type \"Int!\" was provided the variable \"$n\" which was not provided a runtime value.","locations":[{"line":1,"column":30}],"path":["echo"]}],"data":{"echo":null}})");
  EXPECT_EQ(
      run("{ echo(need: null) }", {}),
      R"({"errors":[{"message":"Argument \"need\" of non-null type \"Int!\" must not be null.","locations":[{"line":1,"column":14}],"path":["echo"]}],"data":{"echo":null}})");
  EXPECT_EQ(
      run(R"({ echo(need: "x") })", {}),
      R"({"errors":[{"message":"Argument \"need\" has invalid value \"x\".","locations":[{"line":1,"column":14}],"path":["echo"]}],"data":{"echo":null}})");
  EXPECT_EQ(
      run(R"({ echo(need: 1, by: {id: 1, email: "x"}) })", {}),
      R"({"errors":[{"message":"Argument \"by\" has invalid value {id: 1, email: \"x\"}.","locations":[{"line":1,"column":21}],"path":["echo"]}],"data":{"echo":null}})");
}

TEST(ExecutionValues, ValueFromAstAndPathPrinting) {
  auto parsed = language::parse_value("[1, $v, 3]");
  ASSERT_TRUE(parsed.ok());
  json::object vars{{"v", 2}};
  auto list = type::type_ref::list_of(input("Int"));
  EXPECT_EQ(json::serialize(*execution::value_from_ast(&parsed->root(), list, &vars)), "[1,2,3]");
  // A missing variable in a list of non-null items makes the literal invalid.
  auto nn = type::type_ref::list_of(type::type_ref::non_null_of(input("Int")));
  EXPECT_FALSE(execution::value_from_ast(&parsed->root(), nn, nullptr));
  EXPECT_EQ(execution::print_path_array({std::string("a"), std::size_t{0}, std::string("b")}),
            ".a[0].b");
}

}  // namespace
