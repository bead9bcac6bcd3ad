// The HTTP gateway: the actor that owns the public HTTP server. Starting it binds the port;
// stopping it drains in-flight requests (up to the shutdown deadline) before it exits. It runs
// detached (its own thread) because draining waits for the server's threads to finish.
//
// Protocol:
//   (get_atom)  -> std::uint16_t bound port, or an error if the server could not start
//   (stop_atom) -> bool: drained everything before the deadline; the gateway then exits
#pragma once

#include <caf/fwd.hpp>

#include <chrono>
#include <memory>

#include "api/http/message.hpp"
#include "api/http/metrics.hpp"
#include "api/http/server_options.hpp"

namespace cohort::api {

struct gateway_options {
  http::server_options server;
  std::shared_ptr<http::handler> handler;
  std::shared_ptr<http::metrics_registry> metrics;
  std::chrono::milliseconds drain_deadline = std::chrono::seconds(10);
};

caf::actor spawn_gateway(caf::actor_system& sys, gateway_options options);

}  // namespace cohort::api
