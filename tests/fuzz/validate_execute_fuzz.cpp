// Fuzz target: a request through graphql_service (parse, operation selection, validate, execute
// with variable coercion) against a sample schema with interfaces, unions, enums, input objects,
// lists and non-null types. The input is the query, then optionally a NUL byte and the variables
// as JSON. Whatever the input, the answer must be one well-formed JSON object, "data" exactly
// when the operation ran. The cache is small, so eviction runs too.
#include <boost/json.hpp>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "graphql/service/graphql_service.hpp"
#include "graphql/type/schema_builder.hpp"

namespace gql = cohort::graphql;
namespace json = boost::json;

namespace {

std::shared_ptr<const gql::type::schema> sample_schema() {
  gql::type::schema_builder b;
  b.add_interface("Node").field("id", "ID!");
  auto& person = b.add_object("Person");
  person.implements("Node");
  person.field("id", "ID!");
  person.field("name", "String");
  person.field("friends", "[Person!]").arg("first", "Int").default_to(2);
  person.field("pet", "Pet");
  person.field("tags", "[String]");
  person.field("score", "Float!");
  auto& dog = b.add_object("Dog");
  dog.implements("Node");
  dog.field("id", "ID!");
  dog.field("barks", "Boolean");
  auto& cat = b.add_object("Cat");
  cat.implements("Node");
  cat.field("id", "ID!");
  cat.field("lives", "Int");
  b.add_union("Pet").member("Dog").member("Cat");
  auto& color = b.add_enum("Color");
  color.value("RED");
  color.value("GREEN");
  auto& filter = b.add_input_object("Filter");
  filter.field("name", "String");
  filter.field("and", "[Filter!]");
  filter.field("color", "Color").default_to("RED");
  auto& q = b.add_object("Query");
  q.field("person", "Person").arg("id", "ID!");
  auto& people = q.field("people", "[Person!]!");
  people.arg("filter", "Filter");
  people.arg("limit", "Int").default_to(3);
  q.field("node", "Node").arg("id", "ID");
  auto& echo = q.field("echo", "String");
  echo.arg("v", "String");
  echo.arg("n", "Int");
  echo.arg("f", "Float");
  echo.arg("c", "Color");
  echo.arg("l", "[[Int!]]");
  echo.arg("filter", "Filter");
  q.field("pets", "[Pet]");
  q.field("broken", "Person!");
  auto& m = b.add_object("Mutation");
  m.field("rename", "Person").arg("name", "String!");
  auto built = std::move(b).build();
  if (!built) {
    std::fprintf(stderr, "schema: %s\n", built.errors.empty() ? "?" : built.errors[0].c_str());
    std::abort();
  }
  return built.schema;
}

const gql::service::graphql_service& service() {
  static auto schema = sample_schema();
  static auto root = std::make_shared<const json::value>(json::parse(R"({
    "person": {"__typename": "Person", "id": "1", "name": "Ada", "score": 1.5, "tags": ["a", null],
               "friends": [{"__typename": "Person", "id": "2", "name": "Alan", "score": 2}],
               "pet": {"__typename": "Dog", "id": "d", "barks": true}},
    "people": [{"__typename": "Person", "id": "3", "score": 0, "pet": {"__typename": "Cat", "id": "c", "lives": 9}},
               {"__typename": "Person", "id": "4", "score": null}],
    "node": {"__typename": "Cat", "id": "c", "lives": 7},
    "pets": [{"__typename": "Dog", "id": "d"}, null, {"__typename": "Cat", "id": "c"}],
    "broken": null,
    "rename": {"__typename": "Person", "id": "1", "score": 3}
  })"));
  static auto resolvers = [] {
    auto map = std::make_shared<gql::execution::resolver_map>(schema);
    map->set("Query", "echo",
             [](gql::execution::resolve_info& info, gql::execution::completion done) {
               done.resolve(json::string(json::serialize(info.args())));
             });
    return map;
  }();
  static gql::service::graphql_service svc(schema, resolvers, [] {
    gql::service::service_options o;
    o.cache.max_entries = 16;
    o.root_value = root;
    return o;
  }());
  return svc;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  gql::service::graphql_params params;
  auto nul = input.find('\0');
  params.query = std::string(input.substr(0, nul));
  if (nul != std::string_view::npos) {
    json::error_code ec;
    json::value v = json::parse(input.substr(nul + 1), ec);
    if (!ec && v.is_object()) params.variables = std::move(v.as_object());
  }
  bool called = false;
  service().run(std::move(params), nullptr, {}, [&called](gql::service::run_result r) {
    called = true;
    json::error_code ec;
    json::value body = json::parse(r.body, ec);
    bool executed = r.status == gql::service::run_status::executed;
    if (ec || !body.is_object() || (body.as_object().contains("data") != executed)) {
      std::fprintf(stderr, "malformed response (status %d): %s\n", static_cast<int>(r.status),
                   r.body.c_str());
      std::abort();
    }
  });
  if (!called) {
    std::fprintf(stderr, "no answer from a synchronous schema\n");
    std::abort();
  }
  return 0;
}
