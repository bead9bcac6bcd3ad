// serve(): whole exchanges. The golden request-level errors of Twenty's /graphql (syntax error,
// validation errors, invalid variables, GET without a query, a non-JSON body) replayed against
// the golden workspace schema must give Twenty's status and body byte for byte; then the status
// mapping of GraphQL over HTTP by media type, mutations over GET, and batches.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <future>
#include <sstream>

#include "api/graphql_http/graphql_http.hpp"
#include "graphql/type/schema_builder.hpp"
#include "graphql/utilities/build_client_schema.hpp"

namespace {

namespace json = boost::json;
namespace gh = cohort::api::graphql_http;
namespace http = cohort::api::http;
namespace gql = cohort::graphql;

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const std::string golden_dir = std::string(COHORT_SHARED_DIR) + "/spec/twenty-golden/";

std::shared_ptr<const gql::type::schema> twenty_schema() {
  // Twenty's scalars really coerced (UUID refuses "not-a-uuid"), as in a workspace schema.
  static auto schema = [] {
    gql::type::schema_builder builder;
    auto imported = gql::utilities::add_introspection_types(
        builder, json::parse(slurp(golden_dir + "introspection-graphql.json")));
    EXPECT_TRUE(imported.ok()) << (imported.errors.empty() ? "" : imported.errors[0]);
    auto built = std::move(builder).build();
    EXPECT_TRUE(built) << (built.errors.empty() ? "" : built.errors[0]);
    return built.schema;
  }();
  return schema;
}

http::response serve(const gql::service::graphql_service& svc, const http::request& req,
                     gh::http_options options = {}) {
  std::promise<http::response> promise;
  auto future = promise.get_future();
  gh::serve(req, svc, nullptr, {}, options,
            [&promise](http::response res) { promise.set_value(std::move(res)); });
  return future.get();
}

std::string header(const http::response& res, std::string_view name) {
  for (const auto& [k, v] : res.headers)
    if (k == name) return v;
  return "";
}

http::request from_exchange(const json::object& exchange) {
  http::request req;
  req.method = exchange.at("method").as_string();
  std::string target(exchange.at("path").as_string());
  req.target = target;
  auto q = target.find('?');
  req.path = target.substr(0, q);
  if (q != std::string::npos) req.query = target.substr(q + 1);
  for (const auto& [k, v] : exchange.at("request_headers").as_object()) {
    std::string name(k);
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    req.headers.emplace_back(name, std::string(v.as_string()));
  }
  const auto& body = exchange.at("request_body");
  if (body.is_string()) {
    req.body = body.as_string();
  } else if (!body.is_null()) {
    req.body = json::serialize(body);
  }
  return req;
}

TEST(GraphqlHttpServe, GoldenRequestErrorsOfTwenty) {
  gql::service::graphql_service svc(twenty_schema());
  const char* names[] = {
      "graphql: syntax error",
      "graphql: unknown field in selection (people.node.nonExistentField)",
      "graphql: unknown field in filter (PersonFilterInput.unknownField)",
      "graphql: bad filter operator (city: { contains: \"x\" })",
      "graphql: invalid orderBy enum value",
      "graphql: unknown object type (unicorns)",
      "graphql: bad filter value type via variables (position: { gt: \"abc\" })",
      "graphql: findOne with invalid UUID",
      "graphql: createPerson with unknown field in data",
      "graphql: non-JSON body",
      "graphql: GET /graphql (no query)",
  };
  std::ifstream in(golden_dir + "errors.jsonl");
  std::string line;
  int replayed = 0;
  while (std::getline(in, line)) {
    auto exchange = json::parse(line).as_object();
    std::string name(exchange.at("name").as_string());
    if (std::find(std::begin(names), std::end(names), name) == std::end(names)) continue;
    ++replayed;
    auto res = serve(svc, from_exchange(exchange));
    EXPECT_EQ(res.status, exchange.at("status").as_int64()) << name;
    EXPECT_EQ(res.body, json::serialize(exchange.at("response_body"))) << name;
    EXPECT_EQ(res.content_type, "application/json; charset=utf-8") << name;
    if (name == "graphql: GET /graphql (no query)") {
      EXPECT_EQ(header(res, "Allow"), "GET, POST");
    }
  }
  EXPECT_EQ(replayed, static_cast<int>(std::size(names)));
}

std::shared_ptr<const gql::type::schema> small_schema() {
  gql::type::schema_builder b;
  auto& q = b.add_object("Query");
  q.field("hello", "String");
  q.field("echo", "Int").arg("n", "Int!");
  auto& m = b.add_object("Mutation");
  m.field("bump", "Int");
  auto built = std::move(b).build();
  EXPECT_TRUE(built);
  return built.schema;
}

struct small_service {
  std::shared_ptr<const gql::type::schema> schema = small_schema();
  std::shared_ptr<gql::execution::resolver_map> resolvers =
      std::make_shared<gql::execution::resolver_map>(schema);
  std::atomic<int> bumps{0};
  std::unique_ptr<gql::service::graphql_service> svc;
  small_service() {
    resolvers->set("Query", "hello",
                   [](auto&, gql::execution::completion done) { done.resolve("world"); });
    resolvers->set("Query", "echo",
                   [](gql::execution::resolve_info& info, gql::execution::completion done) {
                     // From another thread, as a database answer would come.
                     std::thread([n = info.args().at("n"), d = std::move(done)]() mutable {
                       d.resolve(n);
                     }).detach();
                   });
    resolvers->set("Mutation", "bump",
                   [this](auto&, gql::execution::completion done) { done.resolve(++bumps); });
    svc = std::make_unique<gql::service::graphql_service>(schema, resolvers);
  }
};

http::request post(std::string body, std::string accept = "") {
  http::request r;
  r.method = "POST";
  r.path = r.target = "/graphql";
  r.headers.emplace_back("content-type", "application/json");
  if (!accept.empty()) r.headers.emplace_back("accept", accept);
  r.body = std::move(body);
  return r;
}

TEST(GraphqlHttpServe, StatusByOutcomeAndMediaType) {
  small_service s;
  const std::string gr = "application/graphql-response+json";
  struct {
    const char* body;
    unsigned json_status;
    unsigned graphql_response_status;
  } cases[] = {
      {R"({"query":"{ hello }"})", 200, 200},
      {R"({"query":"{"})", 200, 400},         // parse error
      {R"({"query":"{ nope }"})", 200, 400},  // validation error
      {R"({"query":"query($n: Int!) { echo(n: $n) }","variables":{"n":"x"}})", 400, 400},
      {R"({"query":"query A { hello } query B { hello }"})", 400, 400},
      {R"({"query":"{ hello }","operationName":"B"})", 400, 400},
  };
  for (const auto& c : cases) {
    auto as_json = serve(*s.svc, post(c.body));
    auto as_gr = serve(*s.svc, post(c.body, gr));
    EXPECT_EQ(as_json.status, c.json_status) << c.body;
    EXPECT_EQ(as_gr.status, c.graphql_response_status) << c.body;
    EXPECT_EQ(as_json.content_type, "application/json; charset=utf-8");
    EXPECT_EQ(as_gr.content_type, "application/graphql-response+json; charset=utf-8");
    EXPECT_EQ(as_json.body, as_gr.body);
  }
  EXPECT_EQ(serve(*s.svc, post(R"({"query":"{ hello }","operationName":"B"})")).body,
            R"({"errors":[{"message":"Could not determine what operation to execute."}]})");
  EXPECT_EQ(
      serve(*s.svc, post(R"({"query":"query($n: Int!) { echo(n: $n) }","variables":{"n":"x"}})"))
          .body,
      R"({"errors":[{"message":"Int cannot represent non-integer value: \"x\"","extensions":{"http":{"status":400},"code":"BAD_USER_INPUT","userFriendlyMessage":"An error occurred."}}]})");
  gh::http_options plain;
  plain.twenty_variable_errors = false;
  EXPECT_EQ(
      serve(*s.svc, post(R"({"query":"query($n: Int!) { echo(n: $n) }","variables":{}})"), plain)
          .body,
      R"({"errors":[{"message":"Variable \"$n\" of required type \"Int!\" was not provided.","locations":[{"line":1,"column":7}]}]})");
}

TEST(GraphqlHttpServe, ResolversOnOtherThreads) {
  small_service s;
  auto res = serve(
      *s.svc, post(R"({"query":"query($n: Int!) { echo(n: $n) hello }","variables":{"n":7}})"));
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(res.body, R"({"data":{"echo":7,"hello":"world"}})");
}

TEST(GraphqlHttpServe, GetMayOnlyQuery) {
  small_service s;
  http::request req;
  req.method = "GET";
  req.path = "/graphql";
  req.query = "query=mutation+%7B+bump+%7D";
  req.target = "/graphql?" + req.query;
  auto res = serve(*s.svc, req);
  EXPECT_EQ(res.status, 405);
  EXPECT_EQ(header(res, "Allow"), "POST");
  EXPECT_EQ(
      res.body,
      R"({"errors":[{"message":"Can only perform a mutation operation from a POST request."}]})");
  EXPECT_EQ(s.bumps.load(), 0);

  req.query = "query=query+Q+%7B+hello+%7D+mutation+M+%7B+bump+%7D&operationName=Q";
  EXPECT_EQ(serve(*s.svc, req).body, R"({"data":{"hello":"world"}})");
  EXPECT_EQ(serve(*s.svc, post(R"({"query":"mutation { bump }"})")).body, R"({"data":{"bump":1}})");
}

TEST(GraphqlHttpServe, BatchAnswersAnArrayInRequestOrder) {
  small_service s;
  gh::http_options options;
  options.batching = true;
  auto res = serve(
      *s.svc, post(R"([{"query":"{ echo(n: 1) }"},{"query":"{ nope }"},{"query":"{ hello }"}])"),
      options);
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(
      res.body,
      R"([{"data":{"echo":1}},{"errors":[{"message":"Cannot query field \"nope\" on type \"Query\".","locations":[{"line":1,"column":3}]}]},{"data":{"hello":"world"}}])");
}

TEST(GraphqlHttpServe, ErrorResponseForTheCallersOwnRefusals) {
  // The golden "graphql: tampered token" body.
  auto res = gh::error_response(
      gh::response_media::json, 200, "Token invalid.",
      {{"userFriendlyMessage", "You must be authenticated to perform this action."},
       {"subCode", "UNAUTHENTICATED"},
       {"code", "UNAUTHENTICATED"}});
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(
      res.body,
      R"({"errors":[{"message":"Token invalid.","extensions":{"userFriendlyMessage":"You must be authenticated to perform this action.","subCode":"UNAUTHENTICATED","code":"UNAUTHENTICATED"}}]})");
  EXPECT_EQ(gh::error_response(gh::response_media::graphql_response_json, 401, "No").content_type,
            "application/graphql-response+json; charset=utf-8");
}

}  // namespace
