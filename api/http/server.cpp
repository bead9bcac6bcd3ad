#include "api/http/server.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <future>

#include "api/http/detail/server_core.hpp"
#include "api/http/detail/session.hpp"

namespace cohort::api::http {

namespace detail {

namespace {

using tcp = net::ip::tcp;

// A quarter of the shortest timeout, between 10 ms and 250 ms: timeouts fire at most that late.
std::chrono::milliseconds sweep_interval_for(const server_options& o) {
  auto shortest = std::min({o.idle_timeout, o.read_timeout, o.write_timeout});
  return std::clamp(shortest / 4, std::chrono::milliseconds(10), std::chrono::milliseconds(250));
}

std::string keep_alive_header(std::chrono::milliseconds idle) {
  auto seconds =
      std::max<long long>(1, std::chrono::duration_cast<std::chrono::seconds>(idle).count());
  return "timeout=" + std::to_string(seconds);
}

}  // namespace

server_core::server_core(const server_options& opts, handler& handler, metrics_registry* registry)
    : options(opts),
      app(handler),
      own_metrics(registry ? nullptr : std::make_unique<metrics_registry>()),
      metrics(registry ? *registry : *own_metrics),
      cors(opts.frontend_url, opts.cors_max_age_seconds),
      keep_alive_value(keep_alive_header(opts.idle_timeout)),
      requests_total(metrics.counter("http_requests_total",
                                     "HTTP requests answered, by method, route and status.",
                                     {"method", "route", "status"})),
      request_duration(metrics.histogram(
          "http_request_duration_seconds",
          "Seconds from the first byte of a request to the last byte of its answer, by route.",
          {"route"})),
      ioc(static_cast<int>(std::max(1u, opts.io_threads))),
      acceptor(net::make_strand(ioc)),
      sweeper(net::make_strand(ioc)),
      sweep_interval(sweep_interval_for(opts)) {}

// Runs on the acceptor's strand. `this` stays valid: the server joins the io threads before it
// lets go of the core.
void server_core::accept_next() {
  acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, socket_type socket) {
    if (ec == net::error::operation_aborted || !acceptor.is_open()) return;
    if (ec) {
      // Out of descriptors, usually: leave a moment before trying again rather than spin.
      spdlog::warn("http: accept failed: {}", ec.message());
      auto timer = std::make_shared<net::steady_timer>(acceptor.get_executor(),
                                                       std::chrono::milliseconds(50));
      timer->async_wait([this, timer](beast::error_code) {
        if (acceptor.is_open()) accept_next();
      });
      return;
    }
    add_session(std::move(socket));
    accept_next();
  });
}

void server_core::sweep() {
  sweeper.expires_after(sweep_interval);
  sweeper.async_wait([this](beast::error_code ec) {
    if (ec) return;  // cancelled at shutdown
    auto now = std::chrono::duration_cast<std::chrono::nanoseconds>(
                   std::chrono::steady_clock::now().time_since_epoch())
                   .count();
    {
      std::lock_guard lock{sessions_mutex};
      for (const auto& [id, s] : sessions) s->check_deadline(now);
    }
    sweep();
  });
}

void server_core::add_session(socket_type socket) {
  beast::error_code ec;
  if (draining.load()) {
    socket.close(ec);
    return;
  }
  socket.set_option(tcp::no_delay(true), ec);
  std::shared_ptr<session> s;
  {
    std::lock_guard lock{sessions_mutex};
    auto id = next_session_id++;
    s = std::make_shared<session>(*this, std::move(socket), id);
    sessions.emplace(id, s);
    open_connections.store(sessions.size());
  }
  s->start();
}

void server_core::remove_session(std::uint64_t id) {
  std::shared_ptr<session> removed;  // released outside the lock
  {
    std::lock_guard lock{sessions_mutex};
    auto it = sessions.find(id);
    if (it == sessions.end()) return;
    removed = std::move(it->second);
    sessions.erase(it);
    open_connections.store(sessions.size());
  }
  sessions_changed.notify_all();
}

void server_core::request_answered() {
  in_flight.fetch_sub(1);
  sessions_changed.notify_all();
}

std::vector<std::shared_ptr<session>> server_core::snapshot_sessions() const {
  std::lock_guard lock{sessions_mutex};
  std::vector<std::shared_ptr<session>> out;
  out.reserve(sessions.size());
  for (const auto& [id, s] : sessions) out.push_back(s);
  return out;
}

}  // namespace detail

server::server() = default;

server::~server() {
  if (core_) shutdown(std::chrono::milliseconds(0));
}

std::error_code server::start(const server_options& options, handler& handler,
                              metrics_registry* metrics) {
  if (core_) return std::make_error_code(std::errc::already_connected);
  auto core = std::make_shared<detail::server_core>(options, handler, metrics);
  namespace net = boost::asio;
  boost::system::error_code ec;
  auto address = net::ip::make_address(options.address, ec);
  if (ec) return ec;
  net::ip::tcp::endpoint endpoint{address, options.port};
  auto& acceptor = core->acceptor;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) return ec;
  core->port = acceptor.local_endpoint(ec).port();

  // Gauges are read through the core's weak_ptr, so a registry that outlives the server
  // never reads freed memory.
  std::weak_ptr<detail::server_core> weak = core;
  auto& registry = core->metrics;
  core->gauge_callbacks.push_back(
      registry.add_gauge_callback("http_connections_open", "Open HTTP connections.", [weak] {
        auto c = weak.lock();
        return c ? static_cast<double>(c->open_connections.load()) : 0.0;
      }));
  core->gauge_callbacks.push_back(registry.add_gauge_callback(
      "http_requests_in_flight", "Requests handed to the handler and not answered yet.", [weak] {
        auto c = weak.lock();
        return c ? static_cast<double>(c->in_flight.load()) : 0.0;
      }));

  core->work.emplace(core->ioc.get_executor());
  net::post(acceptor.get_executor(), [c = core.get()] { c->accept_next(); });
  net::post(core->sweeper.get_executor(), [c = core.get()] { c->sweep(); });
  for (unsigned i = 0; i < std::max(1u, options.io_threads); ++i) {
    core->threads.emplace_back([c = core.get()] {
      for (;;) {
        try {
          c->ioc.run();
          return;
        } catch (const std::exception& e) {
          spdlog::error("http: io thread caught: {}", e.what());
        }
      }
    });
  }
  core_ = std::move(core);
  return {};
}

std::uint16_t server::port() const {
  return core_ ? core_->port.load() : 0;
}

void server::stop_accepting() {
  if (!core_ || core_->threads.empty()) return;
  auto core = core_;
  auto closed = std::make_shared<std::promise<void>>();
  auto done = closed->get_future();
  boost::asio::post(core->acceptor.get_executor(), [core, closed] {
    boost::system::error_code ec;
    core->acceptor.close(ec);
    closed->set_value();
  });
  // From an io thread (a handler), waiting could block the very thread that must close it.
  if (!core->ioc.get_executor().running_in_this_thread()) done.wait();
}

bool server::shutdown(std::chrono::milliseconds deadline) {
  if (!core_ || core_->threads.empty()) return true;
  auto& core = *core_;
  stop_accepting();
  core.draining = true;
  for (auto& s : core.snapshot_sessions()) s->on_shutdown();

  auto all_closed = [&] { return core.sessions.empty(); };
  bool clean;
  {
    std::unique_lock lock{core.sessions_mutex};
    clean = core.sessions_changed.wait_until(lock, std::chrono::steady_clock::now() + deadline,
                                             all_closed);
  }
  if (!clean) {
    auto left = core.snapshot_sessions();
    spdlog::warn(
        "http: shutdown deadline passed; closing {} connection(s), {} request(s) "
        "unanswered",
        left.size(), core.in_flight.load());
    for (auto& s : left) s->force_close();
    std::unique_lock lock{core.sessions_mutex};
    core.sessions_changed.wait_for(lock, std::chrono::seconds(1), all_closed);
  }
  core.work.reset();
  core.ioc.stop();
  for (auto& t : core.threads) t.join();
  core.threads.clear();
  for (auto id : core.gauge_callbacks) core.metrics.remove_gauge_callback(id);
  core.gauge_callbacks.clear();
  return clean;
}

std::size_t server::open_connections() const {
  return core_ ? core_->open_connections.load() : 0;
}

std::size_t server::in_flight() const {
  return core_ ? core_->in_flight.load() : 0;
}

metrics_registry& server::metrics() {
  if (!core_) throw std::logic_error("http::server::metrics() before start()");
  return core_->metrics;
}

}  // namespace cohort::api::http
