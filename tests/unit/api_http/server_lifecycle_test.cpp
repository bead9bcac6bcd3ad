// Threads, timeouts and shutdown: handlers answering later from other threads, dropped or
// throwing handlers, slow clients, idle keep-alive, graceful and forced shutdown.
#include <atomic>
#include <future>

#include "server_fixture.hpp"

using namespace std::chrono_literals;
using cohort::testing::http_get;
using cohort::testing::raw_client;
using cohort::testing::ServerTest;
namespace http = cohort::api::http;

namespace {

http::response text(std::string body) {
  http::response res;
  res.content_type = "text/plain";
  res.body = std::move(body);
  return res;
}

}  // namespace

TEST_F(ServerTest, HandlerAnswersLaterFromAnotherThreadWithoutBlockingOthers) {
  options.io_threads = 1;  // a blocked io thread would stall the second client
  app.fn = [this](http::request req, http::responder done) {
    if (req.path == "/slow") {
      later([done] {
        std::this_thread::sleep_for(300ms);
        done(text("slow"));
      });
    } else {
      done(text("fast"));
    }
  };
  start();
  auto slow = connect();
  auto fast = connect();
  auto t0 = std::chrono::steady_clock::now();
  ASSERT_TRUE(slow.send(http_get("/slow")));
  std::this_thread::sleep_for(20ms);
  ASSERT_TRUE(fast.send(http_get("/fast")));
  auto fast_res = fast.read_response();
  ASSERT_TRUE(fast_res);
  EXPECT_EQ(fast_res->body, "fast");
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 250ms);
  auto slow_res = slow.read_response();
  ASSERT_TRUE(slow_res);
  EXPECT_EQ(slow_res->body, "slow");
  // The slow connection is still usable afterwards.
  ASSERT_TRUE(slow.send(http_get("/again")));
  auto again = slow.read_response();
  ASSERT_TRUE(again);
  EXPECT_EQ(again->body, "fast");
}

TEST_F(ServerTest, DroppedResponderAnswers500) {
  app.fn = [](http::request, http::responder) {};  // forgets to answer
  start();
  auto client = connect();
  ASSERT_TRUE(client.send(http_get("/lost")));
  auto res = client.read_response();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 500u);
}

TEST_F(ServerTest, ThrowingHandlerAnswers500AndKeepsServing) {
  app.fn = [](http::request req, http::responder done) {
    if (req.path == "/throw") throw std::runtime_error("boom");
    done(text("ok"));
  };
  start();
  auto client = connect();
  ASSERT_TRUE(client.send(http_get("/throw")));
  auto res = client.read_response();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 500u);
  ASSERT_TRUE(client.send(http_get("/fine")));
  res = client.read_response();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->body, "ok");
}

TEST_F(ServerTest, SecondAnswerIsIgnored) {
  app.fn = [](http::request, http::responder done) {
    done(text("one"));
    done(text("two"));
  };
  start();
  auto client = connect();
  ASSERT_TRUE(client.send(http_get("/a") + http_get("/b")));
  auto first = client.read_response();
  auto second = client.read_response();
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->body, "one");
  EXPECT_EQ(second->body, "one");
}

TEST_F(ServerTest, ReadTimeoutClosesASlowClient) {
  options.read_timeout = 300ms;
  start();
  auto client = connect();
  auto t0 = std::chrono::steady_clock::now();
  // Trickle a header one byte every 100 ms: each byte arrives well within any per-read limit,
  // but the whole request takes too long.
  std::string head = "GET /slowloris HTTP/1.1\r\nHost: t\r\nX-Trickle: abcdefghijklmnop";
  bool closed = false;
  for (char c : head) {
    if (!client.send(std::string(1, c))) break;
    if (client.wait_closed(100ms)) {
      closed = true;
      break;
    }
  }
  EXPECT_TRUE(closed || client.wait_closed(2s));
  auto elapsed = std::chrono::steady_clock::now() - t0;
  EXPECT_GE(elapsed, 250ms);
  EXPECT_LT(elapsed, 2s);
}

TEST_F(ServerTest, IdleKeepAliveConnectionIsClosedAfterTheIdleTimeout) {
  options.idle_timeout = 200ms;
  start();
  auto client = connect();
  ASSERT_TRUE(client.send(http_get("/once")));
  ASSERT_TRUE(client.read_response());
  auto t0 = std::chrono::steady_clock::now();
  EXPECT_TRUE(client.wait_closed(2s));
  EXPECT_GE(std::chrono::steady_clock::now() - t0, 150ms);
}

TEST_F(ServerTest, GracefulShutdownFinishesInFlightRequestsAndClosesIdleOnes) {
  std::promise<void> handed;
  app.fn = [&](http::request req, http::responder done) {
    if (req.path != "/slow") return done(text("quick"));
    handed.set_value();
    later([done] {
      std::this_thread::sleep_for(400ms);
      done(text("finished"));
    });
  };
  start();
  auto idle = connect();
  ASSERT_TRUE(idle.send(http_get("/warm")));
  ASSERT_TRUE(idle.read_response());
  auto busy = connect();
  ASSERT_TRUE(busy.send(http_get("/slow")));
  handed.get_future().wait();
  EXPECT_EQ(server->in_flight(), 1u);

  auto t0 = std::chrono::steady_clock::now();
  auto clean = std::async(std::launch::async, [&] { return server->shutdown(5s); });
  EXPECT_TRUE(idle.wait_closed(1s));  // idle connections go at once
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 300ms);
  auto res = busy.read_response(3s);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->body, "finished");
  EXPECT_EQ(res->get("connection"), "close");
  EXPECT_TRUE(busy.wait_closed(2s));
  EXPECT_TRUE(clean.get());
  EXPECT_EQ(server->open_connections(), 0u);
  // No longer accepting.
  raw_client late(server->port());
  EXPECT_TRUE(!late.connected() || late.wait_closed(1s) || !late.send(http_get("/")));
}

TEST_F(ServerTest, ShutdownDeadlineClosesAConnectionWhoseHandlerNeverAnswers) {
  std::promise<void> handed;
  http::responder kept;
  app.fn = [&](http::request, http::responder done) {
    kept = std::move(done);  // never called
    handed.set_value();
  };
  start();
  auto client = connect();
  ASSERT_TRUE(client.send(http_get("/never")));
  handed.get_future().wait();
  auto t0 = std::chrono::steady_clock::now();
  EXPECT_FALSE(server->shutdown(300ms));
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 2s);
  EXPECT_TRUE(client.wait_closed(1s));
  // Answering after the server stopped is harmless.
  kept(text("too late"));
  server.reset();
  kept = nullptr;
}

TEST_F(ServerTest, ResponderOutlivingTheServerIsHarmless) {
  http::responder kept;
  std::promise<void> handed;
  app.fn = [&](http::request, http::responder done) {
    kept = std::move(done);
    handed.set_value();
  };
  start();
  auto client = connect();
  ASSERT_TRUE(client.send(http_get("/x")));
  handed.get_future().wait();
  server.reset();  // destructor: immediate shutdown
  kept(text("nobody listens"));
  kept = nullptr;
  SUCCEED();
}

TEST_F(ServerTest, StopAcceptingKeepsExistingConnections) {
  start();
  auto client = connect();
  ASSERT_TRUE(client.send(http_get("/a")));
  ASSERT_TRUE(client.read_response());
  server->stop_accepting();
  ASSERT_TRUE(client.send(http_get("/b")));
  auto res = client.read_response();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200u);
  raw_client late(server->port());
  EXPECT_FALSE(late.connected());
}

TEST_F(ServerTest, StartFailsCleanlyWhenThePortIsTaken) {
  start();
  http::server second;
  options.port = server->port();
  auto ec = second.start(options, app);
  EXPECT_TRUE(ec);
}

TEST_F(ServerTest, ManyConcurrentConnectionsAreServedByTwoThreads) {
  options.io_threads = 2;
  start();
  std::vector<std::thread> clients;
  std::atomic<int> ok{0};
  for (int c = 0; c < 16; ++c)
    clients.emplace_back([&, c] {
      raw_client client(server->port());
      for (int i = 0; i < 50; ++i) {
        if (!client.send(http_get("/c" + std::to_string(c)))) return;
        auto res = client.read_response();
        if (res && res->status == 200) ++ok;
      }
    });
  for (auto& t : clients) t.join();
  EXPECT_EQ(ok.load(), 16 * 50);
}
