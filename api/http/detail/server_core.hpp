// Internal (includes Asio): the state a server shares with its sessions and with responders that
// may outlive the server object. Responders hold it by shared_ptr so that the io_context they
// post to stays alive; sessions refer to it by reference, since they never outlive it.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <vector>

#include <boost/asio.hpp>

#include "api/http/cors.hpp"
#include "api/http/detail/session.hpp"
#include "api/http/message.hpp"
#include "api/http/metrics.hpp"
#include "api/http/server_options.hpp"

namespace cohort::api::http::detail {

struct server_core : std::enable_shared_from_this<server_core> {
  server_core(const server_options& options, handler& handler, metrics_registry* metrics);

  server_options options;
  handler& app;
  std::unique_ptr<metrics_registry> own_metrics;
  metrics_registry& metrics;
  cors_policy cors;
  std::string keep_alive_value;  // "timeout=5"

  counter_family& requests_total;
  histogram_family& request_duration;
  std::vector<std::uint64_t> gauge_callbacks;  // removed from the registry at stop

  net::io_context ioc;
  std::optional<net::executor_work_guard<net::io_context::executor_type>> work;
  net::ip::tcp::acceptor acceptor;
  net::steady_timer sweeper;  // closes sessions whose deadline passed
  std::chrono::milliseconds sweep_interval;
  std::vector<std::thread> threads;
  std::atomic<std::uint16_t> port{0};
  std::atomic<bool> draining{false};
  std::atomic<std::size_t> in_flight{0};
  std::atomic<std::size_t> open_connections{0};

  mutable std::mutex sessions_mutex;
  std::condition_variable sessions_changed;
  std::unordered_map<std::uint64_t, std::shared_ptr<session>> sessions;
  std::uint64_t next_session_id = 1;

  void accept_next();
  void add_session(socket_type socket);
  void sweep();
  void remove_session(std::uint64_t id);
  void request_answered();
  std::vector<std::shared_ptr<session>> snapshot_sessions() const;
};

}  // namespace cohort::api::http::detail
