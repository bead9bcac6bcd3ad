// Streamed responses (api/http/stream.hpp) on a loopback server: chunks pushed after the head
// reach the client in order with chunked framing, finish() ends the body and the connection, and
// on_close runs once whether the client leaves, the stream finishes or the server shuts down.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <future>

#include "api/http/stream.hpp"
#include "server_fixture.hpp"

namespace {

using cohort::testing::ServerTest;
namespace http = cohort::api::http;

// A raw connection that sends one request and reads what comes back.
struct stream_socket {
  explicit stream_socket(std::uint16_t port) {
    fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    EXPECT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    std::string req = "GET /events HTTP/1.1\r\nHost: test\r\n\r\n";
    EXPECT_EQ(::send(fd, req.data(), req.size(), MSG_NOSIGNAL), static_cast<ssize_t>(req.size()));
  }
  ~stream_socket() { close(); }
  void close() {
    if (fd >= 0) ::close(fd);
    fd = -1;
  }
  // Reads until `text` has arrived (true) or EOF / timeout (false).
  bool read_until(std::string_view text, std::chrono::milliseconds timeout) {
    auto until = std::chrono::steady_clock::now() + timeout;
    while (received.find(text) == std::string::npos) {
      if (!read_some(until)) return false;
    }
    return true;
  }
  bool read_to_eof(std::chrono::milliseconds timeout) {
    auto until = std::chrono::steady_clock::now() + timeout;
    while (!eof) {
      if (!read_some(until) && !eof) return false;
    }
    return true;
  }
  bool read_some(std::chrono::steady_clock::time_point until) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        until - std::chrono::steady_clock::now());
    if (left.count() <= 0 || eof) return false;
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
    char buf[4096];
    auto n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) {
      eof = true;
      return false;
    }
    received.append(buf, static_cast<std::size_t>(n));
    return true;
  }
  int fd = -1;
  bool eof = false;
  std::string received;
};

struct StreamTest : ServerTest {
  // Answers every request with a stream; the writer and the close are reported to the test.
  void stream_everything(unsigned status = 200) {
    app.fn = [this, status](http::request, http::responder done) {
      auto stream = std::make_shared<http::stream_handler>();
      stream->on_open = [this](std::shared_ptr<http::stream_writer> w) {
        writer_promise.set_value(std::move(w));
      };
      stream->on_close = [this] {
        if (++closes == 1) closed_promise.set_value();
      };
      http::response res;
      res.status = status;
      res.content_type = "text/event-stream";
      res.body = "ignored unless not streamed";
      res.stream = std::move(stream);
      done(std::move(res));
    };
  }
  std::shared_ptr<http::stream_writer> writer() {
    auto f = writer_promise.get_future();
    EXPECT_EQ(f.wait_for(std::chrono::seconds(5)), std::future_status::ready);
    return f.get();
  }
  bool closed_within(std::chrono::seconds s) {
    return closed.wait_for(s) == std::future_status::ready;
  }

  std::promise<std::shared_ptr<http::stream_writer>> writer_promise;
  std::promise<void> closed_promise;
  std::future<void> closed = closed_promise.get_future();
  std::atomic<int> closes{0};
};

TEST_F(StreamTest, chunks_pushed_later_arrive_in_order_and_finish_ends_the_connection) {
  stream_everything();
  start();
  stream_socket client(server->port());
  auto w = writer();
  ASSERT_TRUE(client.read_until("\r\n\r\n", std::chrono::seconds(5)));
  EXPECT_NE(client.received.find("HTTP/1.1 200 OK"), std::string::npos) << client.received;
  EXPECT_NE(client.received.find("Transfer-Encoding: chunked"), std::string::npos);
  EXPECT_NE(client.received.find("Content-Type: text/event-stream"), std::string::npos);
  EXPECT_EQ(client.received.find("Content-Length"), std::string::npos);
  w->write("event: next\n");
  w->write("data: 1\n\n");
  ASSERT_TRUE(client.read_until("data: 1\n\n", std::chrono::seconds(5))) << client.received;
  w->write("data: 2\n\n");
  w->finish();
  ASSERT_TRUE(client.read_to_eof(std::chrono::seconds(5)));
  auto body = client.received.substr(client.received.find("\r\n\r\n") + 4);
  EXPECT_NE(body.find("data: 2\n\n\r\n0\r\n\r\n"), std::string::npos) << body;
  EXPECT_EQ(body.find("ignored"), std::string::npos);
  EXPECT_TRUE(closed_within(std::chrono::seconds(5)));
  w->write("after the end");  // ignored, harmless
  EXPECT_EQ(closes.load(), 1);
}

TEST_F(StreamTest, a_client_that_goes_away_closes_the_stream) {
  stream_everything();
  start();
  stream_socket client(server->port());
  auto w = writer();
  ASSERT_TRUE(client.read_until("\r\n\r\n", std::chrono::seconds(5)));
  client.close();
  EXPECT_TRUE(closed_within(std::chrono::seconds(5)));
  EXPECT_EQ(closes.load(), 1);
  w->write("nobody listens");
}

TEST_F(StreamTest, shutdown_ends_open_streams_within_its_deadline) {
  stream_everything();
  start();
  stream_socket client(server->port());
  auto w = writer();
  ASSERT_TRUE(client.read_until("\r\n\r\n", std::chrono::seconds(5)));
  EXPECT_TRUE(server->shutdown(std::chrono::seconds(3)));
  EXPECT_TRUE(closed_within(std::chrono::seconds(1)));
  ASSERT_TRUE(client.read_to_eof(std::chrono::seconds(5)));
  EXPECT_NE(client.received.find("0\r\n\r\n"), std::string::npos);
}

TEST_F(StreamTest, a_stream_on_an_error_status_is_not_opened) {
  stream_everything(503);
  start();
  stream_socket client(server->port());
  ASSERT_TRUE(client.read_until("ignored unless not streamed", std::chrono::seconds(5)))
      << client.received;
  EXPECT_NE(client.received.find("Content-Length: 27"), std::string::npos) << client.received;
  EXPECT_TRUE(closed_within(std::chrono::seconds(5)));
}

}  // namespace

namespace {

TEST_F(StreamTest, a_client_that_does_not_read_is_dropped_once_its_backlog_is_too_large) {
  stream_everything();
  start();
  stream_socket client(server->port());
  auto w = writer();
  const std::string chunk(64 * 1024, 'x');
  for (int i = 0; i < 1024 && !closed_within(std::chrono::seconds(0)); ++i) w->write(chunk);
  EXPECT_TRUE(closed_within(std::chrono::seconds(10)));
}

}  // namespace
