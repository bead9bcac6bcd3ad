#include "api/http/detail/session.hpp"

#include <spdlog/spdlog.h>

#include <ctime>

#include "api/http/access_log.hpp"
#include "api/http/detail/server_core.hpp"
#include "api/http/request_id.hpp"
#include "api/http/target.hpp"

namespace cohort::api::http::detail {

namespace {

constexpr std::size_t first_read_size = 4096;
constexpr std::size_t max_drain_bytes = 1 << 20;
constexpr auto drain_timeout = std::chrono::seconds(1);
constexpr std::string_view continue_line = "HTTP/1.1 100 Continue\r\n\r\n";

// The Date header, formatted once per second per thread.
std::string_view http_date() {
  thread_local std::time_t last = 0;
  thread_local char text[64] = {0};
  std::time_t now = std::time(nullptr);
  if (now != last) {
    std::tm tm{};
    gmtime_r(&now, &tm);
    std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &tm);
    last = now;
  }
  return text;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool is_http_parse_error(const beast::error_code& ec) {
  return ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category();
}

// A response that must not carry a body or Content-Length (RFC 9110 §8.6).
bool bodiless_status(unsigned status) {
  return status < 200 || status == 204 || status == 304;
}

// The responder's shared state: answers once, and answers 500 if every copy is dropped unused.
struct reply_slot {
  reply_slot(std::shared_ptr<server_core> core, std::weak_ptr<session> target)
      : core(std::move(core)), target(std::move(target)) {}
  ~reply_slot() {
    if (!answered.load(std::memory_order_acquire)) {
      spdlog::warn("http: handler dropped a request without answering it");
      answer(error_response(500, "The request was not answered"));
    }
  }
  void answer(response res) {
    if (answered.exchange(true, std::memory_order_acq_rel)) {
      spdlog::warn("http: responder called more than once; later answers ignored");
      return;
    }
    if (auto s = target.lock()) {
      s->post_response(std::move(res));
    } else {
      core->request_answered();  // the connection is gone already
    }
  }
  std::shared_ptr<server_core> core;  // keeps the io_context alive for the post
  std::weak_ptr<session> target;
  std::atomic<bool> answered{false};
};

}  // namespace

session::session(server_core& core, net::ip::tcp::socket socket, std::uint64_t id)
    : core_(core), stream_(std::move(socket)), id_(id) {
  beast::error_code ec;
  auto endpoint = stream_.socket().remote_endpoint(ec);
  if (!ec) remote_ = endpoint.address().to_string();
}

void session::start() {
  net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->wait_for_request(); });
}

void session::on_shutdown() {
  net::post(stream_.get_executor(), [self = shared_from_this()] {
    if (self->phase_ == phase::idle) self->close();
  });
}

void session::force_close() {
  net::post(stream_.get_executor(), [self = shared_from_this()] { self->close(); });
}

void session::post_response(response res) {
  net::post(stream_.get_executor(), [self = shared_from_this(), res = std::move(res)]() mutable {
    self->on_handler_response(std::move(res));
  });
}

// ---- reading -----------------------------------------------------------------------------------

void session::wait_for_request() {
  if (core_.draining.load()) return close();
  parser_.emplace();
  parser_->header_limit(static_cast<std::uint32_t>(
      std::min<std::size_t>(core_.options.max_header_bytes, UINT32_MAX)));
  parser_->body_limit(core_.options.max_body_bytes);
  if (buffer_.size() > 0) return begin_request();  // a pipelined request is already here
  // Idle keep-alive: wait for the first byte with the short timeout only.
  phase_ = phase::idle;
  stream_.expires_after(core_.options.idle_timeout);
  stream_.async_read_some(buffer_.prepare(first_read_size),
                          beast::bind_front_handler(&session::on_first_bytes, shared_from_this()));
}

void session::on_first_bytes(beast::error_code ec, std::size_t n) {
  if (ec) return close();  // idle timeout, client closed, or shutdown closed us
  buffer_.commit(n);
  begin_request();
}

void session::begin_request() {
  phase_ = phase::reading;
  current_ = {};
  current_.started = std::chrono::steady_clock::now();
  // One deadline for the whole request, so that a slow client cannot hold the connection by
  // trickling bytes (slowloris).
  stream_.expires_after(core_.options.read_timeout);
  bhttp::async_read_header(stream_, buffer_, *parser_,
                           beast::bind_front_handler(&session::on_header, shared_from_this()));
}

void session::on_header(beast::error_code ec, std::size_t) {
  if (ec) return on_read_error(ec);
  if (parser_->is_done()) return on_request();
  const auto& req = parser_->get();
  if (beast::iequals(req[bhttp::field::expect], "100-continue")) {
    net::async_write(stream_, net::buffer(continue_line.data(), continue_line.size()),
                     beast::bind_front_handler(&session::on_continue_sent, shared_from_this()));
    return;
  }
  read_body();
}

void session::on_continue_sent(beast::error_code ec, std::size_t) {
  if (ec) return close();
  read_body();
}

void session::read_body() {
  bhttp::async_read(stream_, buffer_, *parser_,
                    beast::bind_front_handler(&session::on_body, shared_from_this()));
}

void session::on_body(beast::error_code ec, std::size_t) {
  if (ec) return on_read_error(ec);
  on_request();
}

void session::on_read_error(beast::error_code ec) {
  if (phase_ == phase::closed) return;
  const auto& partial = parser_->get();
  current_.method = std::string(partial.method_string());
  current_.path = std::string(partial.target().substr(0, partial.target().find('?')));
  if (ec == bhttp::error::header_limit)
    return reject(431, "Request header fields are larger than " +
                           std::to_string(core_.options.max_header_bytes) + " bytes");
  if (ec == bhttp::error::body_limit)
    return reject(413, "Request body is larger than " +
                           std::to_string(core_.options.max_body_bytes) + " bytes");
  // A timeout has already closed the socket (tcp_stream does), and end_of_stream or
  // partial_message mean the client went away: nobody to answer.
  if (is_http_parse_error(ec) && ec != bhttp::error::end_of_stream &&
      ec != bhttp::error::partial_message)
    return reject(400, "Malformed HTTP request: " + ec.message());
  close();
}

// ---- dispatching -------------------------------------------------------------------------------

void session::on_request() {
  stream_.expires_never();
  auto msg = parser_->release();
  current_.method = std::string(msg.method_string());
  current_.method_label = msg.method() == bhttp::verb::unknown ? "other" : current_.method;
  current_.version = msg.version();
  current_.keep_alive = msg.keep_alive();
  current_.head = msg.method() == bhttp::verb::head;

  request req;
  req.target = std::string(msg.target());
  auto split = parse_target(req.target);
  current_.path = split ? split->path : req.target.substr(0, req.target.find('?'));
  if (!split) return reject(400, "Malformed request target");
  req.method = current_.method;
  req.path = std::move(split->path);
  req.query = std::move(split->query);
  req.headers.reserve(16);
  for (const auto& field : msg)
    req.headers.emplace_back(lower(field.name_string()), std::string(field.value()));
  const std::string* given_id = req.header("x-request-id");
  req.request_id = given_id && is_sane_request_id(*given_id) ? *given_id : generate_request_id();
  current_.request_id = req.request_id;
  req.body = std::move(msg.body());
  req.remote_address = remote_;
  dispatch(std::move(req));
}

void session::dispatch(request req) {
  if (req.method == "OPTIONS") return send(core_.cors.preflight(req));
  const auto& metrics_path = core_.options.metrics_path;
  if (!metrics_path.empty() && req.path == metrics_path &&
      (req.method == "GET" || req.method == "HEAD")) {
    response res;
    res.content_type = std::string(metrics_registry::content_type);
    res.body = core_.metrics.render();
    res.route = metrics_path;
    return send(std::move(res));
  }

  phase_ = phase::handling;
  core_.in_flight.fetch_add(1);
  auto slot = std::make_shared<reply_slot>(core_.shared_from_this(), weak_from_this());
  responder done = [slot](response res) { slot->answer(std::move(res)); };
  try {
    core_.app.handle(std::move(req), std::move(done));
  } catch (const std::exception& e) {
    spdlog::error("http: handler threw for {} {}: {}", current_.method, current_.path, e.what());
    slot->answer(error_response(500, "Internal server error"));
  }
}

void session::on_handler_response(response res) {
  core_.request_answered();
  if (phase_ != phase::handling) return;  // closed meanwhile (shutdown deadline, client gone)
  send(std::move(res));
}

// ---- writing -----------------------------------------------------------------------------------

void session::reject(unsigned status, std::string_view message) {
  current_.keep_alive = false;
  if (current_.request_id.empty()) current_.request_id = generate_request_id();
  if (current_.started == std::chrono::steady_clock::time_point{})
    current_.started = std::chrono::steady_clock::now();
  if (current_.method_label.empty()) current_.method_label = "other";
  send(error_response(status, message));
}

void session::send(response res) {
  current_.status = res.status;
  current_.route = res.route.empty() ? "other" : std::move(res.route);
  if (current_.method_label.empty()) current_.method_label = current_.method;
  bool keep_alive = current_.keep_alive && !core_.draining.load() && res.status != 400;

  res_ = {};
  res_.version(current_.version);
  res_.result(res.status);
  res_.set(bhttp::field::date, http_date());
  if (!res.content_type.empty() && !bodiless_status(res.status))
    res_.set(bhttp::field::content_type, res.content_type);
  res_.set("X-Request-Id", current_.request_id);
  for (const auto& [name, value] : core_.cors.response_headers()) res_.insert(name, value);
  for (const auto& [name, value] : res.headers) res_.insert(name, value);
  res_.keep_alive(keep_alive);
  if (keep_alive) {
    // Beast leaves the HTTP/1.1 default implicit; Twenty (Express) states it, and so do we.
    res_.set(bhttp::field::connection, "keep-alive");
    res_.set("Keep-Alive", core_.keep_alive_value);
  }
  current_.keep_alive = keep_alive;
  if (bodiless_status(res.status)) {
    res_.body().clear();
  } else {
    res_.content_length(res.body.size());
    if (!current_.head) res_.body() = std::move(res.body);
  }

  phase_ = phase::writing;
  stream_.expires_after(core_.options.write_timeout);
  bhttp::async_write(stream_, res_,
                     beast::bind_front_handler(&session::on_write, shared_from_this()));
}

void session::on_write(beast::error_code ec, std::size_t bytes) {
  record(bytes);
  if (ec) return close();
  if (!current_.keep_alive) return close_gracefully();
  wait_for_request();
}

void session::record(std::size_t bytes) {
  auto elapsed = std::chrono::steady_clock::now() - current_.started;
  if (core_.options.access_log) {
    log_access({current_.method, current_.path, current_.status, bytes,
                std::chrono::duration_cast<std::chrono::microseconds>(elapsed), current_.request_id,
                remote_},
               core_.options.log_format);
  }
  if (!last_counter_.total || last_counter_.status != current_.status ||
      last_counter_.method != current_.method_label || last_counter_.route != current_.route) {
    last_counter_.total = &core_.requests_total.with(
        {current_.method_label, current_.route, std::to_string(current_.status)});
    last_counter_.method = current_.method_label;
    last_counter_.route = current_.route;
    last_counter_.status = current_.status;
  }
  last_counter_.total->inc();
  if (!last_histogram_.duration || last_histogram_.route != current_.route) {
    last_histogram_.duration = &core_.request_duration.with({current_.route});
    last_histogram_.route = current_.route;
  }
  last_histogram_.duration->observe(std::chrono::duration<double>(elapsed).count());
}

// ---- closing -----------------------------------------------------------------------------------

// Half-close, then read what the client still sends for a moment: closing a socket with unread
// data makes the kernel send RST, and the client may lose the answer we just wrote (a 413 sent
// while it is still uploading, for instance).
void session::close_gracefully() {
  phase_ = phase::closing;
  beast::error_code ec;
  stream_.socket().shutdown(net::ip::tcp::socket::shutdown_send, ec);
  if (ec) return close();
  buffer_.clear();
  stream_.expires_after(drain_timeout);
  drain();
}

void session::drain() {
  stream_.async_read_some(
      buffer_.prepare(first_read_size),
      [self = shared_from_this()](beast::error_code ec, std::size_t n) {
        self->drained_ += n;
        if (ec || self->drained_ > max_drain_bytes || self->phase_ == phase::closed)
          return self->close();
        self->buffer_.consume(self->buffer_.size());
        self->drain();
      });
}

void session::close() {
  if (phase_ == phase::closed) return;
  bool was_handling = phase_ == phase::handling;
  phase_ = phase::closed;
  beast::error_code ec;
  stream_.socket().shutdown(net::ip::tcp::socket::shutdown_both, ec);
  stream_.close();
  if (was_handling)
    spdlog::warn("http: closed {} {} before it was answered", current_.method, current_.path);
  core_.remove_session(id_);
}

}  // namespace cohort::api::http::detail
