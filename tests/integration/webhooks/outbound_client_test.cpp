// The outbound HTTP client on real loopback sockets: what it sends and reads, and each way an
// exchange can fail (refused target, timeout, closed port, bad URL, TLS with a peer that does not
// speak it, an oversized answer).
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <future>
#include <thread>

#include "api/http/outbound_client.hpp"
#include "fixtures/process.hpp"
#include "fixtures/webhook_receiver.hpp"

using namespace cohort::testing;
using cohort::api::http::outbound_client;
using cohort::api::http::outbound_failure;
using cohort::api::http::outbound_request;
using cohort::api::http::outbound_response;

namespace {

outbound_response send(outbound_client& client, outbound_request request) {
  std::promise<outbound_response> answer;
  auto future = answer.get_future();
  client.send(std::move(request),
              [&answer](outbound_response r) { answer.set_value(std::move(r)); });
  return future.get();
}

outbound_request post(std::string url, bool allow_private = true) {
  outbound_request r;
  r.url = std::move(url);
  r.headers = {{"Content-Type", "application/json"}, {"X-Test", "1"}};
  r.body = R"({"a":1})";
  r.timeout = std::chrono::milliseconds(2000);
  r.allow_private_targets = allow_private;
  return r;
}

}  // namespace

TEST(OutboundClient, PostsTheBodyAndHeadersAndReadsTheAnswer) {
  webhook_receiver receiver;
  receiver.respond([](const received_request&, std::size_t) {
    return receiver_reply{.status = 202, .headers = {{"X-Answer", "yes"}}, .body = "accepted"};
  });
  outbound_client client;
  auto res = send(client, post(receiver.url("/in?x=1")));
  EXPECT_EQ(res.failure, outbound_failure::none) << res.error;
  EXPECT_EQ(res.status, 202u);
  EXPECT_EQ(res.body, "accepted");
  ASSERT_NE(res.header("x-answer"), nullptr);
  EXPECT_EQ(*res.header("x-answer"), "yes");
  EXPECT_EQ(res.address, "127.0.0.1");
  ASSERT_EQ(receiver.count(), 1u);
  auto req = receiver.requests()[0];
  EXPECT_EQ(req.method, "POST");
  EXPECT_EQ(req.target, "/in?x=1");
  EXPECT_EQ(req.body, R"({"a":1})");
  EXPECT_EQ(req.header("host"), "127.0.0.1:" + std::to_string(receiver.port()));
  EXPECT_EQ(req.header("content-length"), "7");
  EXPECT_EQ(req.header("x-test"), "1");
  EXPECT_EQ(req.header("content-type"), "application/json");
}

TEST(OutboundClient, RefusedTargetsAreNeverContacted) {
  webhook_receiver receiver;
  outbound_client client;
  auto res = send(client, post(receiver.url(), false));
  EXPECT_EQ(res.failure, outbound_failure::refused_target);
  EXPECT_EQ(res.error, "refused target 127.0.0.1: 127.0.0.1 is a loopback address");
  EXPECT_EQ(receiver.count(), 0u);
}

TEST(OutboundClient, ASlowReceiverTimesOut) {
  webhook_receiver receiver;
  receiver.respond([](const received_request&, std::size_t) {
    return receiver_reply{.delay = std::chrono::milliseconds(1500)};
  });
  outbound_client client;
  auto request = post(receiver.url());
  request.timeout = std::chrono::milliseconds(200);
  auto res = send(client, request);
  EXPECT_EQ(res.failure, outbound_failure::timeout);
  EXPECT_EQ(res.error, "no answer within 200 ms");
}

TEST(OutboundClient, AClosedPortIsAConnectFailure) {
  int port = free_loopback_port();
  outbound_client client;
  auto res = send(client, post("http://127.0.0.1:" + std::to_string(port) + "/"));
  EXPECT_EQ(res.failure, outbound_failure::connect);
  EXPECT_NE(res.error.find("cannot connect to 127.0.0.1:" + std::to_string(port)),
            std::string::npos)
      << res.error;
}

TEST(OutboundClient, OnlyHttpUrlsAreSent) {
  outbound_client client;
  for (const char* url : {"ftp://127.0.0.1/", "not a url", "http://"}) {
    auto res = send(client, post(url));
    EXPECT_EQ(res.failure, outbound_failure::invalid_url) << url;
  }
}

TEST(OutboundClient, HttpsToAPeerWithoutTlsFailsTheHandshake) {
  // A peer that answers anything with a plain HTTP error, as a non-TLS server does.
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::listen(fd, 1);
  std::thread peer([fd] {
    int c = ::accept(fd, nullptr, nullptr);
    if (c < 0) return;
    char buf[512];
    (void)::recv(c, buf, sizeof buf, 0);
    const char reply[] = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n";
    (void)::send(c, reply, sizeof reply - 1, MSG_NOSIGNAL);
    ::close(c);
  });
  outbound_client client;
  auto res = send(client, post("https://127.0.0.1:" + std::to_string(ntohs(addr.sin_port)) + "/"));
  peer.join();
  ::close(fd);
  EXPECT_EQ(res.failure, outbound_failure::tls);
  EXPECT_EQ(res.error.rfind("TLS handshake failed", 0), 0u) << res.error;
}

TEST(OutboundClient, AnOversizedAnswerStillGivesItsStatus) {
  webhook_receiver receiver;
  receiver.respond([](const received_request&, std::size_t) {
    return receiver_reply{.status = 500, .body = std::string(200 * 1024, 'x')};
  });
  outbound_client client;
  auto res = send(client, post(receiver.url()));
  EXPECT_EQ(res.failure, outbound_failure::none) << res.error;
  EXPECT_EQ(res.status, 500u);
}
