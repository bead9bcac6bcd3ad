// HTTP/1.1 behaviour over real loopback sockets: keep-alive, pipelining, what reaches the
// handler, limits (413, 431), malformed requests, Expect: 100-continue, HEAD.
#include <boost/json.hpp>

#include "server_fixture.hpp"

using namespace std::chrono_literals;
using cohort::testing::http_get;
using cohort::testing::http_post;
using cohort::testing::ServerTest;
namespace http = cohort::api::http;

TEST_F(ServerTest, KeepAliveServesSeveralRequestsOnOneConnection) {
  start();
  auto client = connect();
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(client.send(http_get("/n/" + std::to_string(i))));
    auto res = client.read_response();
    ASSERT_TRUE(res) << "request " << i;
    EXPECT_EQ(res->status, 200u);
    EXPECT_EQ(res->get("content-type"), "application/json; charset=utf-8");
    EXPECT_EQ(res->get("connection"), "keep-alive");
    EXPECT_EQ(res->get("keep-alive"), "timeout=5");
    EXPECT_NE(res->body.find("\"/n/" + std::to_string(i) + "\""), std::string::npos);
    EXPECT_TRUE(res->header("date"));
  }
  EXPECT_EQ(server->open_connections(), 1u);
}

TEST_F(ServerTest, PipelinedRequestsAreAnsweredInOrder) {
  start();
  auto client = connect();
  ASSERT_TRUE(client.send(http_get("/first") + http_post("/second", "xyz") + http_get("/third")));
  for (auto path : {"/first", "/second", "/third"}) {
    auto res = client.read_response();
    ASSERT_TRUE(res) << path;
    EXPECT_NE(res->body.find(path), std::string::npos) << res->body;
  }
}

TEST_F(ServerTest, HandlerSeesDecodedPathQueryLowerCasedHeadersAndBody) {
  http::request seen;
  app.fn = [&](http::request req, http::responder done) {
    seen = req;
    done(http::response{});
  };
  start();
  auto client = connect();
  ASSERT_TRUE(client.send(
      http_post("/rest/some%20thing?limit=3&q=a%20b", "{\"a\":1}", "X-Custom-Header: Value\r\n")));
  ASSERT_TRUE(client.read_response());
  EXPECT_EQ(seen.method, "POST");
  EXPECT_EQ(seen.target, "/rest/some%20thing?limit=3&q=a%20b");
  EXPECT_EQ(seen.path, "/rest/some thing");
  EXPECT_EQ(seen.query, "limit=3&q=a%20b");
  EXPECT_EQ(seen.body, "{\"a\":1}");
  EXPECT_EQ(seen.remote_address, "127.0.0.1");
  ASSERT_TRUE(seen.header("X-CUSTOM-HEADER"));
  EXPECT_EQ(*seen.header("x-custom-header"), "Value");
  bool lower_name = false;
  for (const auto& [name, value] : seen.headers) lower_name |= name == "x-custom-header";
  EXPECT_TRUE(lower_name);
  EXPECT_EQ(seen.header("absent"), nullptr);
}

TEST_F(ServerTest, OversizedBodyGets413WithJsonErrorAndTheConnectionCloses) {
  options.max_body_bytes = 1024;
  start();
  auto client = connect();
  // Announce 5000 bytes and send only part: the server must answer without waiting for the rest.
  ASSERT_TRUE(client.send("POST /upload HTTP/1.1\r\nHost: t\r\nContent-Length: 5000\r\n\r\n" +
                          std::string(2000, 'x')));
  auto res = client.read_response(3s);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 413u);
  EXPECT_EQ(res->get("connection"), "close");
  auto body = boost::json::parse(res->body).as_object();
  EXPECT_EQ(body.at("statusCode").as_int64(), 413);
  EXPECT_EQ(body.at("error").as_string(), "Payload Too Large");
  EXPECT_TRUE(client.wait_closed(3s));
}

TEST_F(ServerTest, OversizedChunkedBodyGets413) {
  options.max_body_bytes = 1024;
  start();
  auto client = connect();
  std::string chunk(800, 'y');
  std::string req = "POST /upload HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 3; ++i) req += "320\r\n" + chunk + "\r\n";
  ASSERT_TRUE(client.send(req));
  auto res = client.read_response(3s);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 413u);
  EXPECT_TRUE(client.wait_closed(3s));
}

TEST_F(ServerTest, BodyAtTheLimitIsAccepted) {
  options.max_body_bytes = 1024;
  start();
  auto client = connect();
  ASSERT_TRUE(client.send(http_post("/ok", std::string(1024, 'z'))));
  auto res = client.read_response();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200u);
}

TEST_F(ServerTest, OversizedHeaderGets431AndCloses) {
  options.max_header_bytes = 2048;
  start();
  auto client = connect();
  ASSERT_TRUE(client.send(http_get("/", "X-Big: " + std::string(4000, 'a') + "\r\n")));
  auto res = client.read_response(3s);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 431u);
  EXPECT_TRUE(client.wait_closed(3s));
}

TEST_F(ServerTest, MalformedRequestLineGets400AndCloses) {
  bool called = false;
  app.fn = [&](http::request, http::responder done) {
    called = true;
    done({});
  };
  start();
  auto client = connect();
  ASSERT_TRUE(client.send("GARBAGE\x01 / NOT-HTTP\r\n\r\n"));
  auto res = client.read_response(3s);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400u);
  EXPECT_EQ(boost::json::parse(res->body).at("statusCode").as_int64(), 400);
  EXPECT_TRUE(client.wait_closed(3s));
  EXPECT_FALSE(called);
}

TEST_F(ServerTest, BadHeaderSyntaxGets400) {
  start();
  auto client = connect();
  ASSERT_TRUE(client.send("GET / HTTP/1.1\r\nHost: t\r\nNo colon here\r\n\r\n"));
  auto res = client.read_response(3s);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400u);
  EXPECT_TRUE(client.wait_closed(3s));
}

TEST_F(ServerTest, ExpectContinueGets100ThenTheAnswer) {
  start();
  auto client = connect();
  ASSERT_TRUE(client.send(
      "POST /up HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n"));
  auto interim = client.read_response(3s);
  ASSERT_TRUE(interim);
  EXPECT_EQ(interim->status, 100u);
  ASSERT_TRUE(client.send("hello"));
  auto res = client.read_response(3s);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200u);
  EXPECT_NE(res->body.find("hello"), std::string::npos);
}

TEST_F(ServerTest, ExpectContinueWithTooLargeBodyGets413Without100) {
  options.max_body_bytes = 10;
  start();
  auto client = connect();
  ASSERT_TRUE(client.send(
      "POST /up HTTP/1.1\r\nHost: t\r\nContent-Length: 500\r\nExpect: 100-continue\r\n\r\n"));
  auto res = client.read_response(3s);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 413u);
  EXPECT_TRUE(client.wait_closed(3s));
}

TEST_F(ServerTest, HeadAnswersContentLengthWithoutBody) {
  start();
  auto client = connect();
  ASSERT_TRUE(client.send("HEAD /h HTTP/1.1\r\nHost: t\r\n\r\n" + http_get("/after")));
  auto head = client.read_response(3s, true);
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200u);
  EXPECT_NE(std::stoul(head->get("content-length")), 0u);
  // Had the body been sent, it would be read as the start of the next response.
  auto next = client.read_response(3s);
  ASSERT_TRUE(next);
  EXPECT_EQ(next->status, 200u);
  EXPECT_NE(next->body.find("/after"), std::string::npos);
}

TEST_F(ServerTest, ConnectionCloseRequestIsHonoured) {
  start();
  auto client = connect();
  ASSERT_TRUE(client.send(http_get("/bye", "Connection: close\r\n")));
  auto res = client.read_response();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->get("connection"), "close");
  EXPECT_TRUE(client.wait_closed(3s));
}

TEST_F(ServerTest, NoContentAnswerHasNoBodyOrLength) {
  app.fn = [](http::request, http::responder done) {
    http::response res;
    res.status = 204;
    done(std::move(res));
  };
  start();
  auto client = connect();
  ASSERT_TRUE(client.send(http_get("/x") + http_get("/y")));
  for (int i = 0; i < 2; ++i) {
    auto res = client.read_response();
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 204u);
    EXPECT_EQ(res->header("content-length"), nullptr);
    EXPECT_EQ(res->header("content-type"), nullptr);
  }
}

TEST_F(ServerTest, HandlerHeadersAndStatusReachTheClient) {
  app.fn = [](http::request, http::responder done) {
    http::response res;
    res.status = 404;
    res.content_type = "text/plain";
    res.body = "nope";
    res.headers.emplace_back("Set-Cookie", "a=1");
    res.headers.emplace_back("Set-Cookie", "b=2");
    done(std::move(res));
  };
  start();
  auto client = connect();
  ASSERT_TRUE(client.send(http_get("/missing")));
  auto res = client.read_response();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404u);
  EXPECT_EQ(res->get("content-type"), "text/plain");
  EXPECT_EQ(res->body, "nope");
  int cookies = 0;
  for (const auto& [name, value] : res->headers) cookies += name == "set-cookie";
  EXPECT_EQ(cookies, 2);
}

TEST_F(ServerTest, HandlerHeadersThatWouldSplitTheResponseAreDropped) {
  app.fn = [](http::request, http::responder done) {
    http::response res;
    res.headers.emplace_back("X-Fine", "yes");
    res.headers.emplace_back("X-Evil", "a\r\nSet-Cookie: stolen=1");
    res.headers.emplace_back("Bad Name", "v");
    done(std::move(res));
  };
  start();
  auto client = connect();
  ASSERT_TRUE(client.send(http_get("/h") + http_get("/h2")));
  for (int i = 0; i < 2; ++i) {
    auto res = client.read_response();
    ASSERT_TRUE(res);
    EXPECT_EQ(res->get("x-fine"), "yes");
    EXPECT_EQ(res->header("x-evil"), nullptr);
    EXPECT_EQ(res->header("set-cookie"), nullptr);
  }
}

TEST_F(ServerTest, OutOfRangeStatusFromTheHandlerBecomes500) {
  app.fn = [](http::request, http::responder done) {
    http::response res;
    res.status = 42;
    done(std::move(res));
  };
  start();
  auto client = connect();
  ASSERT_TRUE(client.send(http_get("/")));
  auto res = client.read_response();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 500u);
}

TEST_F(ServerTest, LargeBodyArrivingInPiecesIsReadWhole) {
  options.max_body_bytes = 4 << 20;
  std::size_t seen = 0;
  app.fn = [&](http::request req, http::responder done) {
    seen = req.body.size();
    done({});
  };
  start();
  auto client = connect();
  std::string body(3 << 20, 'b');
  ASSERT_TRUE(client.send("POST /big HTTP/1.1\r\nHost: t\r\nContent-Length: " +
                          std::to_string(body.size()) + "\r\n\r\n"));
  for (std::size_t off = 0; off < body.size(); off += 100000)
    ASSERT_TRUE(client.send(std::string_view(body).substr(off, 100000)));
  auto res = client.read_response(5s);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200u);
  EXPECT_EQ(seen, body.size());
}
