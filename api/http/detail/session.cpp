#include "api/http/detail/session.hpp"

#include <spdlog/spdlog.h>

#include <array>

#include "api/http/access_log.hpp"
#include "api/http/detail/response_head.hpp"
#include "api/http/detail/server_core.hpp"
#include "api/http/request_id.hpp"
#include "api/http/target.hpp"

namespace cohort::api::http::detail {

namespace {

constexpr std::size_t header_read_size = 4096;
constexpr std::size_t body_read_size = 64 * 1024;
constexpr std::size_t max_drain_bytes = 1 << 20;
constexpr auto drain_timeout = std::chrono::seconds(1);
constexpr std::string_view continue_line = "HTTP/1.1 100 Continue\r\n\r\n";

std::int64_t steady_now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

void assign_lower(std::string& out, std::string_view text) {
  out.assign(text);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
}

// A response that must not carry a body or Content-Length (RFC 9110 §8.6, §15.3.5).
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

session::session(server_core& core, socket_type socket, std::uint64_t id)
    : core_(core), socket_(std::move(socket)), id_(id) {
  beast::error_code ec;
  auto endpoint = socket_.remote_endpoint(ec);
  if (!ec) remote_ = endpoint.address().to_string();
}

void session::start() {
  net::dispatch(socket_.get_executor(), [self = shared_from_this()] { self->wait_for_request(); });
}

void session::on_shutdown() {
  net::post(socket_.get_executor(), [self = shared_from_this()] {
    if (self->phase_ == phase::idle) return self->close();
    if (self->stream_.open) {  // a stream has no natural end: end it now
      self->stream_.finishing = true;
      self->write_next_chunk();
    }
  });
}

void session::force_close() {
  net::post(socket_.get_executor(), [self = shared_from_this()] { self->close(); });
}

void session::post_response(response res) {
  net::post(socket_.get_executor(), [self = shared_from_this(), res = std::move(res)]() mutable {
    self->on_handler_response(std::move(res));
  });
}

void session::set_deadline(std::chrono::milliseconds after) {
  deadline_ns_.store(steady_now_ns() + std::chrono::nanoseconds(after).count(),
                     std::memory_order_relaxed);
}

void session::check_deadline(std::int64_t now_ns) {
  auto deadline = deadline_ns_.load(std::memory_order_relaxed);
  if (deadline == 0 || deadline > now_ns) return;
  net::post(socket_.get_executor(), [self = shared_from_this()] {
    // Checked again on the strand: the session may have moved on since the sweep.
    auto d = self->deadline_ns_.load(std::memory_order_relaxed);
    if (d != 0 && d <= steady_now_ns()) self->close();
  });
}

// ---- reading -----------------------------------------------------------------------------------

void session::wait_for_request() {
  if (core_.draining.load()) return close();
  parser_.emplace();
  parser_->eager(true);
  parser_->header_limit(static_cast<std::uint32_t>(
      std::min<std::size_t>(core_.options.max_header_bytes, UINT32_MAX)));
  parser_->body_limit(core_.options.max_body_bytes);
  continue_sent_ = false;
  if (buffer_.size() > 0) {  // a pipelined request is already here
    begin_request();
    return parse();
  }
  // Idle keep-alive: only the short timeout applies until the first byte.
  phase_ = phase::idle;
  set_deadline(core_.options.idle_timeout);
  read_more();
}

void session::read_more() {
  auto size = parser_->is_header_done() ? body_read_size : header_read_size;
  socket_.async_read_some(buffer_.prepare(size),
                          beast::bind_front_handler(&session::on_read, shared_from_this()));
}

void session::on_read(beast::error_code ec, std::size_t n) {
  // Errors: the client went away (mid-request or not), a deadline closed us, or shutdown did.
  if (ec) return close();
  buffer_.commit(n);
  if (phase_ == phase::idle) begin_request();
  if (phase_ != phase::reading) return;
  parse();
}

void session::begin_request() {
  phase_ = phase::reading;
  current_.status = 0;
  current_.route.clear();
  current_.request_id.clear();
  current_.method_label.clear();
  current_.started = std::chrono::steady_clock::now();
  // One deadline for the whole request, so that a slow client cannot hold the connection by
  // trickling bytes (slowloris).
  set_deadline(core_.options.read_timeout);
}

void session::parse() {
  beast::error_code ec;
  while (buffer_.size() > 0 && !parser_->is_done()) {
    auto used = parser_->put(buffer_.data(), ec);
    buffer_.consume(used);
    if (ec == bhttp::error::need_more) {
      ec = {};
      break;
    }
    if (ec) return on_read_error(ec);
    if (used == 0) break;
  }
  if (parser_->is_done()) return on_request();
  if (parser_->is_header_done() && !continue_sent_ &&
      beast::iequals(parser_->get()[bhttp::field::expect], "100-continue")) {
    continue_sent_ = true;
    net::async_write(socket_, net::buffer(continue_line.data(), continue_line.size()),
                     beast::bind_front_handler(&session::on_continue_sent, shared_from_this()));
    return;
  }
  read_more();
}

void session::on_continue_sent(beast::error_code ec, std::size_t) {
  if (ec) return close();
  read_more();
}

void session::on_read_error(beast::error_code ec) {
  const auto& partial = parser_->get();
  current_.method = std::string(partial.method_string());
  current_.path = std::string(partial.target().substr(0, partial.target().find('?')));
  if (ec == bhttp::error::header_limit)
    return reject(431, "Request header fields are larger than " +
                           std::to_string(core_.options.max_header_bytes) + " bytes");
  if (ec == bhttp::error::body_limit)
    return reject(413, "Request body is larger than " +
                           std::to_string(core_.options.max_body_bytes) + " bytes");
  reject(400, "Malformed HTTP request: " + ec.message());
}

// ---- dispatching -------------------------------------------------------------------------------

void session::on_request() {
  clear_deadline();
  auto msg = parser_->release();
  current_.method.assign(msg.method_string());
  current_.method_label = msg.method() == bhttp::verb::unknown ? "other" : current_.method;
  current_.keep_alive = msg.keep_alive();
  current_.head = msg.method() == bhttp::verb::head;

  request req;
  req.target = std::string(msg.target());
  auto split = parse_target(req.target);
  if (!split) {
    current_.path = req.target.substr(0, req.target.find('?'));
    return reject(400, "Malformed request target");
  }
  current_.path = split->path;
  req.method = current_.method;
  req.path = std::move(split->path);
  req.query = std::move(split->query);
  req.headers.resize(static_cast<std::size_t>(std::distance(msg.begin(), msg.end())));
  std::size_t i = 0;
  for (const auto& field : msg) {
    assign_lower(req.headers[i].first, field.name_string());
    req.headers[i++].second.assign(field.value());
  }
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
  if (current_.method_label.empty()) current_.method_label = "other";
  send(error_response(status, message));
}

void session::send(response res) {
  unsigned status = res.status >= 100 && res.status <= 599 ? res.status : 500;
  current_.status = status;
  if (res.route.empty()) {
    current_.route = "other";
  } else {
    current_.route = std::move(res.route);
  }
  if (current_.method_label.empty()) current_.method_label = current_.method;
  bool keep_alive = current_.keep_alive && !core_.draining.load() && status != 400;
  current_.keep_alive = keep_alive;
  bool bodiless = bodiless_status(status);

  head_.clear();
  append_status_line(head_, status);
  append_field(head_, "Date", http_date());
  if (!res.content_type.empty() && !bodiless) append_field(head_, "Content-Type", res.content_type);
  append_field(head_, "X-Request-Id", current_.request_id);
  for (const auto& [name, value] : core_.cors.response_headers()) append_field(head_, name, value);
  for (const auto& [name, value] : res.headers)
    if (!append_field(head_, name, value))
      spdlog::warn("http: dropped an invalid response header from the handler: {}", name);
  if (keep_alive) {
    // HTTP/1.1 keeps connections by default; Twenty (Express) says so anyway, and so do we.
    head_ += "Connection: keep-alive\r\nKeep-Alive: ";
    head_ += core_.keep_alive_value;
    head_ += "\r\n";
  } else {
    head_ += "Connection: close\r\n";
  }
  body_.clear();
  bool streamed = res.stream && status == 200 && !current_.head;
  if (res.stream && !streamed && res.stream->on_close) res.stream->on_close();
  if (streamed) {
    // The body follows as chunks, for as long as the stream lasts; the connection closes after.
    stream_.handler = std::move(res.stream);
    head_ += "Transfer-Encoding: chunked\r\n";
  } else if (!bodiless) {
    append_field(head_, "Content-Length", std::to_string(res.body.size()));
    if (!current_.head) body_ = std::move(res.body);
  }
  head_ += "\r\n";

  phase_ = phase::writing;
  set_deadline(core_.options.write_timeout);
  std::array<net::const_buffer, 2> buffers{net::buffer(head_), net::buffer(body_)};
  net::async_write(socket_, buffers,
                   beast::bind_front_handler(&session::on_write, shared_from_this()));
}

void session::on_write(beast::error_code ec, std::size_t bytes) {
  clear_deadline();
  record(bytes);
  if (ec) return close();
  if (stream_.handler) return start_stream();
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
  socket_.shutdown(net::ip::tcp::socket::shutdown_send, ec);
  if (ec) return close();
  buffer_.clear();
  set_deadline(drain_timeout);
  drain();
}

void session::drain() {
  socket_.async_read_some(
      buffer_.prepare(header_read_size),
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
  clear_deadline();
  beast::error_code ec;
  socket_.shutdown(net::ip::tcp::socket::shutdown_both, ec);
  socket_.close(ec);
  end_stream();
  if (was_handling)
    spdlog::warn("http: closed {} {} before it was answered", current_.method, current_.path);
  core_.remove_session(id_);
}

}  // namespace cohort::api::http::detail
