// bench_http_server: Cohort's own HTTP server (api/http) with a trivial handler that answers
// inline, to measure what the server itself costs over bare Beast (bench_hello_server).
//
//   bench_http_server [--port N] [--threads N] [--access-log 0|1]
//   prints "listening <port>" once bound; stops on SIGINT/SIGTERM with a graceful shutdown.
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <string>

#include "api/http/server.hpp"

namespace http = cohort::api::http;

namespace {

class hello_handler : public http::handler {
 public:
  void handle(http::request req, http::responder done) override {
    http::response res;
    res.body = R"({"hello":"world"})";
    res.route = req.path == "/_internal/echo" ? "/_internal/echo" : "/hello";
    done(std::move(res));
  }
};

}  // namespace

int main(int argc, char** argv) {
  http::server_options options;
  options.address = "127.0.0.1";
  options.port = 0;
  options.access_log = false;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--port") options.port = static_cast<std::uint16_t>(std::atoi(argv[i + 1]));
    if (flag == "--threads") options.io_threads = static_cast<unsigned>(std::atoi(argv[i + 1]));
    if (flag == "--access-log") options.access_log = std::string(argv[i + 1]) == "1";
  }
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGINT);
  sigaddset(&stop, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop, nullptr);  // before the io threads start: they inherit it

  hello_handler app;
  http::server server;
  if (auto ec = server.start(options, app)) {
    std::cerr << "bench_http_server: " << ec.message() << "\n";
    return 1;
  }
  std::cout << "listening " << server.port() << std::endl;
  int sig = 0;
  sigwait(&stop, &sig);
  server.shutdown(std::chrono::seconds(2));
}
