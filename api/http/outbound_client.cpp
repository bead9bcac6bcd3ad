#include "api/http/outbound_client.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <optional>
#include <thread>
#include <vector>

#include "api/http/address_policy.hpp"
#include "api/http/outbound_url.hpp"

namespace cohort::api::http {

namespace beast = boost::beast;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using error_code = boost::system::error_code;

namespace {

constexpr std::size_t kept_body_bytes = 64 * 1024;

ip_address from_asio(const net::ip::address& a) {
  ip_address out;
  if (a.is_v4()) {
    auto b = a.to_v4().to_bytes();
    std::copy(b.begin(), b.end(), out.bytes.begin());
  } else {
    out.v6 = true;
    auto b = a.to_v6().to_bytes();
    std::copy(b.begin(), b.end(), out.bytes.begin());
  }
  return out;
}

}  // namespace

struct outbound_client::impl {
  net::io_context io;
  std::optional<net::executor_work_guard<net::io_context::executor_type>> work;
  std::vector<std::thread> threads;
  net::ssl::context tls{net::ssl::context::tls_client};
};

namespace {

using callback = std::function<void(outbound_response)>;

// One request from resolve to answer. Every step runs on the exchange's strand; the deadline
// timer closes the socket, which ends whatever step is pending.
class exchange : public std::enable_shared_from_this<exchange> {
 public:
  exchange(outbound_client::impl& owner, outbound_request request, callback done)
      : owner_(owner),
        request_(std::move(request)),
        done_(std::move(done)),
        strand_(net::make_strand(owner_.io)),
        resolver_(strand_),
        deadline_(strand_) {}

  void start() {
    net::dispatch(strand_, [self = shared_from_this()] { self->begin(); });
  }

 private:
  void begin() {
    auto url = parse_outbound_url(request_.url);
    if (!url || !url->sendable())
      return fail(outbound_failure::invalid_url, "not an http(s) URL: " + request_.url);
    url_ = std::move(*url);
    if (url_.scheme == "https") {
      tls_.emplace(strand_, owner_.tls);
    } else {
      tcp_.emplace(strand_);
    }
    deadline_.expires_after(request_.timeout);
    deadline_.async_wait([self = shared_from_this()](error_code ec) {
      if (ec == net::error::operation_aborted || self->finished_) return;
      self->fail(outbound_failure::timeout,
                 "no answer within " + std::to_string(self->request_.timeout.count()) + " ms");
    });
    resolver_.async_resolve(
        url_.host, std::to_string(url_.port),
        [self = shared_from_this()](error_code ec, tcp::resolver::results_type r) {
          self->on_resolved(ec, std::move(r));
        });
  }

  beast::tcp_stream& lowest() { return tls_ ? beast::get_lowest_layer(*tls_) : *tcp_; }

  void on_resolved(error_code ec, tcp::resolver::results_type results) {
    if (finished_) return;
    if (ec || results.empty())
      return fail(outbound_failure::resolve, "cannot resolve " + url_.host + ": " + ec.message());
    // Every address must pass: a name resolving to one public and one private address is refused,
    // since the connection could land on either.
    for (const auto& entry : results) {
      auto address = from_asio(entry.endpoint().address());
      auto kind = classify(address);
      if (!address_allowed(kind, request_.allow_private_targets)) {
        return fail(outbound_failure::refused_target, "refused target " + url_.host + ": " +
                                                          to_string(address) + " is " +
                                                          std::string(describe(kind)));
      }
    }
    lowest().async_connect(results,
                           [self = shared_from_this()](error_code ec, const tcp::endpoint& ep) {
                             self->on_connected(ec, ep);
                           });
  }

  void on_connected(error_code ec, const tcp::endpoint& endpoint) {
    if (finished_) return;
    if (ec)
      return fail(outbound_failure::connect,
                  "cannot connect to " + url_.host_header() + ": " + ec.message());
    address_ = endpoint.address().to_string();
    build_request();
    if (!tls_) return write(*tcp_);
    // An IP literal has no name to send by SNI.
    error_code parse_ec;
    net::ip::make_address(url_.host, parse_ec);
    bool literal = !parse_ec;
    if (!literal) SSL_set_tlsext_host_name(tls_->native_handle(), url_.host.c_str());
    tls_->set_verify_mode(net::ssl::verify_peer);
    tls_->set_verify_callback(net::ssl::host_name_verification(url_.host));
    tls_->async_handshake(
        net::ssl::stream_base::client, [self = shared_from_this()](error_code ec) {
          if (self->finished_) return;
          if (ec) return self->fail(outbound_failure::tls, "TLS handshake failed: " + ec.message());
          self->write(*self->tls_);
        });
  }

  void build_request() {
    req_.method_string(request_.method);
    req_.target(url_.target);
    req_.version(11);
    req_.set(beast::http::field::host, url_.host_header());
    req_.set(beast::http::field::user_agent, "Cohort-Webhooks/1.0");
    for (const auto& [name, value] : request_.headers) req_.insert(name, value);
    req_.keep_alive(false);
    req_.body() = request_.body;
    req_.prepare_payload();
  }

  template <typename Stream>
  void write(Stream& stream) {
    beast::http::async_write(
        stream, req_, [self = shared_from_this(), &stream](error_code ec, std::size_t) {
          if (self->finished_) return;
          if (ec)
            return self->fail(outbound_failure::io, "cannot send the request: " + ec.message());
          self->read(stream);
        });
  }

  template <typename Stream>
  void read(Stream& stream) {
    parser_.body_limit(kept_body_bytes);
    beast::http::async_read(
        stream, buffer_, parser_,
        [self = shared_from_this()](error_code ec, std::size_t) { self->on_read(ec); });
  }

  void on_read(error_code ec) {
    if (finished_) return;
    // A body over the kept size still leaves a complete status line and headers.
    bool truncated = ec == beast::http::error::body_limit && parser_.is_header_done();
    if (ec && !truncated)
      return fail(outbound_failure::io, "no valid HTTP answer: " + ec.message());
    const auto& res = parser_.get();
    outbound_response out;
    out.status = res.result_int();
    for (const auto& field : res) {
      std::string name(field.name_string());
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      out.headers.emplace_back(std::move(name), std::string(field.value()));
    }
    out.body = res.body();
    out.address = address_;
    finish(std::move(out));
  }

  void fail(outbound_failure why, std::string message) {
    outbound_response out;
    out.failure = why;
    out.error = std::move(message);
    out.address = address_;
    finish(std::move(out));
  }

  void finish(outbound_response out) {
    if (finished_) return;
    finished_ = true;
    deadline_.cancel();
    resolver_.cancel();
    if (tcp_ || tls_) {
      error_code ignored;
      lowest().socket().shutdown(tcp::socket::shutdown_both, ignored);
      lowest().close();
    }
    auto done = std::move(done_);
    done(std::move(out));
  }

  outbound_client::impl& owner_;  // outlives every exchange: it owns their io_context
  outbound_request request_;
  callback done_;
  net::strand<net::io_context::executor_type> strand_;
  tcp::resolver resolver_;
  net::steady_timer deadline_;
  std::optional<beast::tcp_stream> tcp_;
  std::optional<beast::ssl_stream<beast::tcp_stream>> tls_;
  outbound_url url_;
  std::string address_;
  beast::http::request<beast::http::string_body> req_;
  beast::flat_buffer buffer_;
  beast::http::response_parser<beast::http::string_body> parser_;
  bool finished_ = false;
};

}  // namespace

const std::string* outbound_response::header(std::string_view lower_name) const {
  for (const auto& [name, value] : headers) {
    if (name == lower_name) return &value;
  }
  return nullptr;
}

outbound_client::outbound_client(int threads) : impl_(std::make_shared<impl>()) {
  impl_->tls.set_default_verify_paths();
  impl_->work.emplace(impl_->io.get_executor());
  for (int i = 0; i < std::max(1, threads); ++i) {
    impl_->threads.emplace_back([io = &impl_->io] { io->run(); });
  }
}

outbound_client::~outbound_client() {
  impl_->work.reset();
  impl_->io.stop();
  for (auto& t : impl_->threads) {
    if (t.get_id() == std::this_thread::get_id()) {
      t.detach();
    } else if (t.joinable()) {
      t.join();
    }
  }
}

void outbound_client::send(outbound_request request, std::function<void(outbound_response)> done) {
  std::make_shared<exchange>(*impl_, std::move(request), std::move(done))->start();
}

}  // namespace cohort::api::http
