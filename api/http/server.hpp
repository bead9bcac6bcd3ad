// Cohort's HTTP/1.1 server: Boost.Beast on its own io_context threads, one strand per
// connection. It enforces limits and timeouts, answers CORS preflights and /metrics itself, and
// hands every other request to a `handler` without ever waiting for it. Beast stays in the .cpp
// files: this header is plain C++ so that CAF code can include it.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <system_error>

#include "api/http/message.hpp"
#include "api/http/metrics.hpp"
#include "api/http/server_options.hpp"

namespace cohort::api::http {

namespace detail {
struct server_core;
}

class server {
 public:
  server();
  ~server();  // stops at once if still running (shutdown with no grace period)
  server(const server&) = delete;
  server& operator=(const server&) = delete;

  // Binds, listens and starts options.io_threads threads. The handler (and the registry, when
  // given) must outlive the server. Without a registry the server keeps its own (metrics()).
  // Returns the bind/listen error, e.g. address in use.
  std::error_code start(const server_options& options, handler& handler,
                        metrics_registry* metrics = nullptr);

  // The bound port (useful with options.port == 0); 0 before start().
  std::uint16_t port() const;

  // Closes the listening socket; open connections go on.
  void stop_accepting();

  // Stops accepting, closes idle connections, lets requests in progress finish and answers them
  // with `Connection: close`, until the deadline; then closes what is left and joins the
  // threads. Returns true when everything finished before the deadline. Idempotent. Must not be
  // called from a handler (it joins the threads handlers run on).
  bool shutdown(std::chrono::milliseconds deadline = std::chrono::seconds(10));

  std::size_t open_connections() const;
  std::size_t in_flight() const;  // handed to the handler, not answered yet
  metrics_registry& metrics();

 private:
  std::shared_ptr<detail::server_core> core_;
};

}  // namespace cohort::api::http
