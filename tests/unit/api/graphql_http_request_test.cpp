// parse_request: what an HTTP request asks GraphQL to run, or the response refusing it, with the
// statuses, headers and messages graphql-yoga (Twenty's server) answers; Accept negotiation.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "api/graphql_http/request_parser.hpp"

namespace {

namespace json = boost::json;
namespace gh = cohort::api::graphql_http;
namespace http = cohort::api::http;

http::request post(std::string body, std::string content_type = "application/json",
                   std::string accept = "") {
  http::request r;
  r.method = "POST";
  r.target = r.path = "/graphql";
  if (!content_type.empty()) r.headers.emplace_back("content-type", content_type);
  if (!accept.empty()) r.headers.emplace_back("accept", accept);
  r.body = std::move(body);
  return r;
}

http::request get(std::string query, std::string accept = "") {
  http::request r;
  r.method = "GET";
  r.path = "/graphql";
  r.target = "/graphql?" + query;
  r.query = std::move(query);
  if (!accept.empty()) r.headers.emplace_back("accept", accept);
  return r;
}

// Copies: the outcome is usually a temporary.
http::response refused(const gh::parse_outcome& outcome) {
  static const http::response none{};
  const auto* res = std::get_if<http::response>(&outcome);
  EXPECT_NE(res, nullptr) << "the request was accepted";
  return res ? *res : none;
}

gh::graphql_request accepted(const gh::parse_outcome& outcome) {
  static const gh::graphql_request none{};
  const auto* req = std::get_if<gh::graphql_request>(&outcome);
  EXPECT_NE(req, nullptr) << (std::holds_alternative<http::response>(outcome)
                                  ? std::get<http::response>(outcome).body
                                  : "");
  return req ? *req : none;
}

std::string header(const http::response& res, std::string_view name) {
  for (const auto& [k, v] : res.headers)
    if (k == name) return v;
  return "";
}

TEST(GraphqlHttpRequest, PostJsonObject) {
  auto outcome = gh::parse_request(post(
      R"({"query":"query Q($a: Int) { f(a: $a) }","variables":{"a":1},"operationName":"Q","extensions":{"x":true}})"));
  auto req = accepted(outcome);
  ASSERT_EQ(req.operations.size(), 1u);
  EXPECT_EQ(req.operations[0].query, "query Q($a: Int) { f(a: $a) }");
  EXPECT_EQ(req.operations[0].operation_name, "Q");
  EXPECT_EQ(json::value(req.operations[0].variables), json::parse(R"({"a":1})"));
  EXPECT_EQ(json::value(req.operations[0].extensions), json::parse(R"({"x":true})"));
  EXPECT_FALSE(req.from_get);
  EXPECT_FALSE(req.batch);
  EXPECT_EQ(req.media, gh::response_media::json);
}

TEST(GraphqlHttpRequest, NullParametersAreAbsent) {
  auto req = accepted(gh::parse_request(post(
      R"({"query":"{ a }","variables":null,"operationName":null,"extensions":null,"x":null})")));
  ASSERT_EQ(req.operations.size(), 1u);
  EXPECT_FALSE(req.operations[0].operation_name.has_value());
  EXPECT_TRUE(req.operations[0].variables.empty());
}

TEST(GraphqlHttpRequest, ParameterErrorsAsYogaAnswersThem) {
  struct {
    const char* body;
    unsigned status;
    const char* message;
    const char* allow;
  } cases[] = {
      {R"({"query":{"a":1}})", 400, R"(Expected \"query\" param to be a string, but given object.)",
       "GET, POST"},
      {R"({"query":0})", 400, R"(Expected \"query\" param to be a string, but given number.)",
       "GET, POST"},
      {R"({"query":false})", 400, R"(Expected \"query\" param to be a string, but given boolean.)",
       "GET, POST"},
      {R"({"query":["x"]})", 400, R"(Expected \"query\" param to be a string, but given array.)",
       "GET, POST"},
      {R"({"query":"{a}","variables":"x"})", 400,
       R"(Expected \"variables\" param to be empty or an object, but given string.)", "GET, POST"},
      {R"({"query":"{a}","variables":[]})", 400,
       R"(Expected \"variables\" param to be empty or an object, but given array.)", "GET, POST"},
      {R"({"query":"{a}","extensions":0})", 400,
       R"(Expected \"extensions\" param to be empty or an object, but given number.)", "GET, POST"},
      {R"({"qeury":"{a}"})", 400, R"(Unexpected parameter \"qeury\" in the request body.)", ""},
      {R"({"query":"{a}","operationName":0})", 400,
       "Could not determine what operation to execute.", ""},
      {R"([{"query":"{a}"}])", 400, "Batching is not supported.", ""},
      {"", 400, "POST body sent invalid JSON.", ""},
      // Missing query: a "spec" error, 200 with application/json as the golden GET shows.
      {R"({})", 200, "Must provide query string.", "GET, POST"},
      {R"({"query":null})", 200, "Must provide query string.", "GET, POST"},
  };
  for (const auto& c : cases) {
    auto res = refused(gh::parse_request(post(c.body)));
    EXPECT_EQ(res.status, c.status) << c.body;
    EXPECT_EQ(res.body, std::string(R"({"errors":[{"message":")") + c.message + "\"}]}") << c.body;
    EXPECT_EQ(header(res, "Allow"), c.allow) << c.body;
    EXPECT_EQ(res.content_type, "application/json; charset=utf-8");
  }
}

TEST(GraphqlHttpRequest, MissingQueryIs400ForGraphqlResponseJson) {
  auto res = refused(gh::parse_request(
      post(R"({"notquery":null})", "application/json", "application/graphql-response+json")));
  EXPECT_EQ(res.status, 400);
  EXPECT_EQ(res.content_type, "application/graphql-response+json; charset=utf-8");
}

TEST(GraphqlHttpRequest, MalformedJsonGetsNestsBadRequest) {
  // The golden "graphql: non-JSON body" exchange.
  auto res = refused(gh::parse_request(post("this is not json")));
  EXPECT_EQ(res.status, 400);
  EXPECT_EQ(
      res.body,
      R"({"statusCode":400,"message":"Unexpected token 't', \"this is not json\" is not valid JSON","error":"Bad Request"})");
  EXPECT_EQ(refused(gh::parse_request(post("{ \"not a JSON"))).status, 400);
}

TEST(GraphqlHttpRequest, MethodsAndContentTypes) {
  auto put = post(R"({"query":"{a}"})");
  put.method = "PUT";
  auto res = refused(gh::parse_request(put));
  EXPECT_EQ(res.status, 405);
  EXPECT_EQ(header(res, "Allow"), "GET, POST");
  EXPECT_EQ(res.body, R"({"errors":[{"message":"GraphQL only supports GET and POST requests."}]})");

  EXPECT_EQ(refused(gh::parse_request(post(R"({"query":"{a}"})", ""))).status, 415);
  EXPECT_EQ(refused(gh::parse_request(post(R"({"query":"{a}"})", "text/plain"))).status, 415);
  EXPECT_EQ(
      accepted(gh::parse_request(post(R"({"query":"{a}"})", "application/json; charset=utf-8")))
          .operations.size(),
      1u);
  EXPECT_EQ(accepted(gh::parse_request(post("{ a }", "application/graphql"))).operations[0].query,
            "{ a }");
  const auto& form =
      accepted(gh::parse_request(post("query=%7B+a+%7D&operationName=&variables=%7B%22x%22%3A1%7D",
                                      "application/x-www-form-urlencoded")));
  EXPECT_EQ(form.operations[0].query, "{ a }");
  EXPECT_FALSE(form.operations[0].operation_name.has_value());
  EXPECT_EQ(json::value(form.operations[0].variables), json::parse(R"({"x":1})"));
  EXPECT_FALSE(form.from_get);
}

TEST(GraphqlHttpRequest, GetParameters) {
  auto req = accepted(gh::parse_request(
      get("query=query+Type(%24name%3A+String!)+%7B+__type(name%3A+%24name)+%7B+name+%7D+%7D"
          "&variables=%7B%22name%22%3A%22sometype%22%7D&operationName=Type&other=1")));
  ASSERT_EQ(req.operations.size(), 1u);
  EXPECT_EQ(req.operations[0].query, "query Type($name: String!) { __type(name: $name) { name } }");
  EXPECT_EQ(req.operations[0].operation_name, "Type");
  EXPECT_EQ(json::value(req.operations[0].variables), json::parse(R"({"name":"sometype"})"));
  EXPECT_TRUE(req.from_get);

  // The golden "GET /graphql (no query)" exchange: 200, Allow: GET, POST.
  auto none = refused(gh::parse_request(get("")));
  EXPECT_EQ(none.status, 200);
  EXPECT_EQ(none.body, R"({"errors":[{"message":"Must provide query string."}]})");
  EXPECT_EQ(header(none, "Allow"), "GET, POST");
  EXPECT_EQ(refused(gh::parse_request(get("query="))).status, 200);

  EXPECT_EQ(refused(gh::parse_request(get("query=%7Ba%7D&variables=%7Bx"))).body,
            R"({"errors":[{"message":"Variables are invalid JSON."}]})");
  EXPECT_EQ(refused(gh::parse_request(get("query=%7Ba%7D&variables=%5B%5D"))).status, 400);
  EXPECT_EQ(refused(gh::parse_request(get("query=%7Ba%7D&extensions=%22x%22"))).status, 400);
}

TEST(GraphqlHttpRequest, AcceptNegotiation) {
  auto media = [](std::string accept) {
    auto outcome = gh::parse_request(post(R"({"query":"{a}"})", "application/json", accept));
    if (auto* res = std::get_if<http::response>(&outcome))
      return "refused " + std::to_string(res->status);
    return std::string(std::get<gh::graphql_request>(outcome).media == gh::response_media::json
                           ? "json"
                           : "graphql-response");
  };
  EXPECT_EQ(media(""), "json");
  EXPECT_EQ(media("application/json"), "json");
  EXPECT_EQ(media("*/*"), "json");
  EXPECT_EQ(media("application/*"), "json");
  EXPECT_EQ(media("text/html, */*;q=0.8"), "json");
  EXPECT_EQ(media("application/graphql-response+json"), "graphql-response");
  EXPECT_EQ(media("application/graphql-response+json, application/json;q=0.9"), "graphql-response");
  // graphql-yoga takes the first acceptable entry, whatever the q values.
  EXPECT_EQ(media("application/json;q=0.5, application/graphql-response+json"), "json");
  EXPECT_EQ(media("application/xml"), "refused 406");
}

TEST(GraphqlHttpRequest, Batches) {
  gh::http_options options;
  options.batching = true;
  options.max_batch = 2;
  const auto& req =
      accepted(gh::parse_request(post(R"([{"query":"{a}"},{"query":"{b}"}])"), options));
  EXPECT_TRUE(req.batch);
  ASSERT_EQ(req.operations.size(), 2u);
  EXPECT_EQ(req.operations[1].query, "{b}");
  EXPECT_EQ(refused(gh::parse_request(post(R"([{"query":"{a}"},{"query":"{b}"},{"query":"{c}"}])"),
                                      options))
                .status,
            413);
  EXPECT_EQ(refused(gh::parse_request(post(R"([{"query":"{a}"},1])"), options)).body,
            R"({"errors":[{"message":"Expected params to be an object but given number."}]})");
  EXPECT_EQ(refused(gh::parse_request(post("[]"), options)).status, 400);
}

TEST(GraphqlHttpRequest, DeepJsonIsTakenOrRefusedCleanly) {
  std::string ok = R"({"query":"{a}","variables":{"v":)" + std::string(1000, '[') +
                   std::string(1000, ']') + "}}";
  EXPECT_EQ(accepted(gh::parse_request(post(ok))).operations.size(), 1u);
  std::string deep = R"({"query":"{a}","variables":{"v":)" + std::string(200000, '[') +
                     std::string(200000, ']') + "}}";
  auto res = refused(gh::parse_request(post(deep)));
  EXPECT_EQ(res.status, 400);
  EXPECT_NE(res.body.find("\"statusCode\":400"), std::string::npos);
}

TEST(GraphqlHttpRequest, InvalidUtf8IsDecodedWithReplacement) {
  auto req = accepted(gh::parse_request(post("{\"query\":\"{ a(s: \\\"\xff\\\") }\"}")));
  ASSERT_EQ(req.operations.size(), 1u);
  EXPECT_EQ(req.operations[0].query, "{ a(s: \"\xEF\xBF\xBD\") }");
  auto from_get = accepted(gh::parse_request(get("query=%7B+a(s%3A+%22%FF%22)+%7D")));
  EXPECT_EQ(from_get.operations[0].query, "{ a(s: \"\xEF\xBF\xBD\") }");
}

}  // namespace
