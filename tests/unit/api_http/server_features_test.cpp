// What the server adds around the handler: CORS, request ids, the access log and /metrics.
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <boost/json.hpp>
#include <mutex>
#include <regex>
#include <set>
#include <sstream>

#include "api/http/cors.hpp"
#include "api/http/request_id.hpp"
#include "api/http/target.hpp"
#include "fixtures/prometheus_text.hpp"
#include "server_fixture.hpp"

using namespace std::chrono_literals;
using cohort::testing::http_get;
using cohort::testing::parse_prometheus;
using cohort::testing::ServerTest;
namespace http = cohort::api::http;

TEST_F(ServerTest, PreflightIsAnsweredByTheServerWithAnyOriginByDefault) {
  bool called = false;
  app.fn = [&](http::request, http::responder done) {
    called = true;
    done({});
  };
  start();
  auto client = connect();
  ASSERT_TRUE(
      client.send("OPTIONS /graphql HTTP/1.1\r\nHost: t\r\nOrigin: https://app.example.com\r\n"
                  "Access-Control-Request-Method: POST\r\n\r\n"));
  auto res = client.read_response();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 204u);
  EXPECT_EQ(res->get("access-control-allow-origin"), "*");
  EXPECT_NE(res->header("access-control-allow-methods")->find("POST"), std::string::npos);
  const auto& allowed = res->get("access-control-allow-headers");
  for (auto name : {"Authorization", "Content-Type", "X-Request-Id"})
    EXPECT_NE(allowed.find(name), std::string::npos) << name;
  EXPECT_EQ(res->get("access-control-max-age"), "7200");
  EXPECT_EQ(res->header("vary"), nullptr);
  EXPECT_FALSE(called);
}

TEST_F(ServerTest, PreflightAllowsTheRequestedHeaders) {
  start();
  auto client = connect();
  ASSERT_TRUE(
      client.send("OPTIONS /rest/people HTTP/1.1\r\nHost: t\r\nOrigin: https://a.example\r\n"
                  "Access-Control-Request-Method: PATCH\r\n"
                  "Access-Control-Request-Headers: authorization, x-schema-version\r\n\r\n"));
  auto res = client.read_response();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->get("access-control-allow-headers"), "authorization, x-schema-version");
}

TEST_F(ServerTest, FrontendUrlNamesTheOriginAndVariesOnIt) {
  options.frontend_url = "https://App.Example.com:8443/settings";
  start();
  auto client = connect();
  ASSERT_TRUE(
      client.send("OPTIONS /graphql HTTP/1.1\r\nHost: t\r\nOrigin: https://app.example.com:8443\r\n"
                  "Access-Control-Request-Method: POST\r\n\r\n" +
                  http_get("/plain", "Origin: https://app.example.com:8443\r\n")));
  for (unsigned expected : {204u, 200u}) {
    auto res = client.read_response();
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, expected);
    EXPECT_EQ(res->get("access-control-allow-origin"), "https://app.example.com:8443");
    EXPECT_EQ(res->get("vary"), "Origin");
    EXPECT_EQ(res->get("access-control-allow-credentials"), "true");
  }
}

TEST_F(ServerTest, OrdinaryAnswersCarryCorsHeaders) {
  start();
  auto client = connect();
  ASSERT_TRUE(client.send(http_get("/x", "Origin: https://anywhere.example\r\n")));
  auto res = client.read_response();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->get("access-control-allow-origin"), "*");
  EXPECT_EQ(res->get("access-control-expose-headers"), "X-Request-Id");
}

TEST(Cors, OriginOfAUrl) {
  EXPECT_EQ(http::origin_of("https://App.Example.com:8443/x?y#z"), "https://app.example.com:8443");
  EXPECT_EQ(http::origin_of("http://localhost:3001"), "http://localhost:3001");
  EXPECT_EQ(http::origin_of("not a url"), "");
  EXPECT_EQ(http::origin_of(""), "");
}

TEST_F(ServerTest, ClientRequestIdIsEchoedAndReachesTheHandler) {
  std::string seen;
  app.fn = [&](http::request req, http::responder done) {
    seen = req.request_id;
    done({});
  };
  start();
  auto client = connect();
  ASSERT_TRUE(client.send(http_get("/", "X-Request-Id: abc-123_trace.7\r\n")));
  auto res = client.read_response();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->get("x-request-id"), "abc-123_trace.7");
  EXPECT_EQ(seen, "abc-123_trace.7");
}

TEST_F(ServerTest, MissingOrUnsafeRequestIdIsReplacedByAGeneratedOne) {
  // The handler runs on the server's threads while this one reads: the next request's push_back
  // may reallocate while an earlier id is compared, so both sides take the mutex.
  std::mutex seen_mutex;
  std::vector<std::string> seen;
  app.fn = [&](http::request req, http::responder done) {
    {
      std::lock_guard lock(seen_mutex);
      seen.push_back(req.request_id);
    }
    done({});
  };
  start();
  auto client = connect();
  ASSERT_TRUE(client.send(http_get("/") + http_get("/", "X-Request-Id: has space\"quote\r\n") +
                          http_get("/", "X-Request-Id: " + std::string(200, 'a') + "\r\n")));
  std::regex uuid("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  std::set<std::string> ids;
  for (int i = 0; i < 3; ++i) {
    auto res = client.read_response();
    ASSERT_TRUE(res);
    const auto& id = res->get("x-request-id");
    EXPECT_TRUE(std::regex_match(id, uuid)) << id;
    {
      std::lock_guard lock(seen_mutex);
      EXPECT_EQ(id, seen.at(i));
    }
    ids.insert(id);
  }
  EXPECT_EQ(ids.size(), 3u);
}

TEST(RequestId, SanityRules) {
  EXPECT_TRUE(http::is_sane_request_id("0f8fad5b-d9cb-469f-a165-70867728950e"));
  EXPECT_TRUE(http::is_sane_request_id("trace:1/2+3=@x"));
  EXPECT_FALSE(http::is_sane_request_id(""));
  EXPECT_FALSE(http::is_sane_request_id("a b"));
  EXPECT_FALSE(http::is_sane_request_id("a\nb"));
  EXPECT_FALSE(http::is_sane_request_id(std::string(129, 'a')));
}

TEST(Target, SplitsAndDecodes) {
  auto t = http::parse_target("/a%2Fb%20c+d?x=%20&y=1");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->path, "/a/b c+d");
  EXPECT_EQ(t->query, "x=%20&y=1");
  auto absolute = http::parse_target("http://host:80/p?q=1");
  ASSERT_TRUE(absolute);
  EXPECT_EQ(absolute->path, "/p");
  EXPECT_EQ(absolute->query, "q=1");
  EXPECT_EQ(http::parse_target("http://host")->path, "/");
  EXPECT_EQ(http::parse_target("/bad%zz")->path, "/bad%zz");
  EXPECT_FALSE(http::parse_target("/nul%00byte"));
  EXPECT_FALSE(http::parse_target("relative/path"));
  EXPECT_EQ(http::parse_target("*")->path, "*");
}

TEST_F(ServerTest, NulInPathGets400) {
  start();
  auto client = connect();
  ASSERT_TRUE(client.send(http_get("/a%00b")));
  auto res = client.read_response();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400u);
}

TEST_F(ServerTest, MetricsCountRequestsByMethodRouteAndStatus) {
  app.fn = [](http::request req, http::responder done) {
    http::response res;
    if (req.path.rfind("/rest/people/", 0) == 0) {
      res.route = "/rest/people/{id}";
    } else {
      res.status = 404;  // route left empty: counted as "other"
    }
    done(std::move(res));
  };
  start();
  auto client = connect();
  std::string batch;
  for (int i = 0; i < 5; ++i) batch += http_get("/rest/people/" + std::to_string(i));
  for (int i = 0; i < 2; ++i) batch += http_get("/random/" + std::to_string(i));
  ASSERT_TRUE(client.send(batch));
  for (int i = 0; i < 7; ++i) ASSERT_TRUE(client.read_response());

  ASSERT_TRUE(client.send(http_get("/metrics")));
  auto res = client.read_response();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200u);
  EXPECT_EQ(res->get("content-type"), "text/plain; version=0.0.4; charset=utf-8");
  auto text = parse_prometheus(res->body);
  EXPECT_TRUE(text.errors.empty());
  EXPECT_EQ(text.types["http_requests_total"], "counter");
  EXPECT_EQ(text.value("http_requests_total",
                       {{"method", "GET"}, {"route", "/rest/people/{id}"}, {"status", "200"}}),
            5.0);
  EXPECT_EQ(
      text.value("http_requests_total", {{"method", "GET"}, {"route", "other"}, {"status", "404"}}),
      2.0);
  EXPECT_EQ(text.types["http_request_duration_seconds"], "histogram");
  EXPECT_EQ(text.value("http_request_duration_seconds_count", {{"route", "/rest/people/{id}"}}),
            5.0);
  EXPECT_EQ(text.value("http_request_duration_seconds_bucket",
                       {{"route", "/rest/people/{id}"}, {"le", "+Inf"}}),
            5.0);
  EXPECT_GT(*text.value("http_request_duration_seconds_sum", {{"route", "other"}}), 0.0);
  EXPECT_EQ(text.value("http_connections_open"), 1.0);
  EXPECT_EQ(text.value("http_requests_in_flight"), 0.0);
  // No series was made from a raw path.
  for (const auto& s : text.samples)
    if (s.labels.count("route")) {
      EXPECT_EQ(s.labels.at("route").find("/random"), std::string::npos);
    }
}

TEST_F(ServerTest, AccessLogWritesOneJsonLinePerRequest) {
  std::ostringstream captured;
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(captured);
  sink->set_pattern("%v");
  auto previous = spdlog::default_logger();
  spdlog::set_default_logger(std::make_shared<spdlog::logger>("capture", sink));
  options.access_log = true;
  options.log_format = cohort::config::log_format::json;
  start();
  {
    auto client = connect();
    ASSERT_TRUE(client.send(http_get("/logged?x=1", "X-Request-Id: rid-42\r\n")));
    ASSERT_TRUE(client.read_response());
  }
  server->shutdown(1s);
  spdlog::set_default_logger(previous);

  std::istringstream lines(captured.str());
  std::string line;
  int count = 0;
  while (std::getline(lines, line)) {
    if (line.find("rid-42") == std::string::npos) continue;
    ++count;
    auto entry = boost::json::parse(line).as_object();
    EXPECT_EQ(entry.at("method").as_string(), "GET");
    EXPECT_EQ(entry.at("path").as_string(), "/logged");
    EXPECT_EQ(entry.at("status").as_int64(), 200);
    EXPECT_GT(entry.at("bytes").as_int64(), 0);
    EXPECT_GE(entry.at("duration_us").as_int64(), 0);
    EXPECT_EQ(entry.at("remote").as_string(), "127.0.0.1");
  }
  EXPECT_EQ(count, 1);
}
