// A server on 127.0.0.1, port 0, with a handler each test can replace; and threads for handlers
// that answer later, joined before the server stops.
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "api/http/server.hpp"
#include "fixtures/raw_client.hpp"

namespace cohort::testing {

namespace http = cohort::api::http;

class function_handler : public http::handler {
 public:
  std::function<void(http::request, http::responder)> fn;
  void handle(http::request req, http::responder done) override {
    fn(std::move(req), std::move(done));
  }
};

class ServerTest : public ::testing::Test {
 protected:
  ServerTest() {
    options.address = "127.0.0.1";
    options.port = 0;
    options.access_log = false;
    app.fn = [](http::request req, http::responder done) {
      http::response res;
      res.body = "{\"method\":\"" + req.method + "\",\"path\":\"" + req.path + "\",\"body\":\"" +
                 req.body + "\"}";
      res.route = "/echo";
      done(std::move(res));
    };
  }

  void start() {
    server = std::make_unique<http::server>();
    auto ec = server->start(options, app, &registry);
    ASSERT_FALSE(ec) << ec.message();
    ASSERT_NE(server->port(), 0);
  }

  raw_client connect() { return raw_client(server->port()); }

  // Runs f on a thread of its own (a stand-in for an actor answering later).
  void later(std::function<void()> f) {
    std::lock_guard lock{threads_mutex};
    threads.emplace_back(std::move(f));
  }

  void join_threads() {
    std::vector<std::thread> all;
    {
      std::lock_guard lock{threads_mutex};
      all.swap(threads);
    }
    for (auto& t : all) t.join();
  }

  void TearDown() override {
    join_threads();
    if (server) server->shutdown(std::chrono::seconds(2));
  }

  http::server_options options;
  http::metrics_registry registry;
  function_handler app;
  std::unique_ptr<http::server> server;
  std::mutex threads_mutex;
  std::vector<std::thread> threads;
};

}  // namespace cohort::testing
