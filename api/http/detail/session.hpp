// Internal (includes Beast): one HTTP/1.1 connection. Reads one request at a time, hands it to
// the handler, and writes the answer the responder posts back to this connection's strand.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include <boost/asio.hpp>
#include <boost/beast.hpp>

#include "api/http/message.hpp"
#include "api/http/metrics.hpp"

namespace cohort::api::http::detail {

struct server_core;

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;

class session : public std::enable_shared_from_this<session> {
 public:
  session(server_core& core, net::ip::tcp::socket socket, std::uint64_t id);

  std::uint64_t id() const { return id_; }
  // Each of these hops onto the session's strand; any thread may call them.
  void start();
  void on_shutdown();  // close now if idle, else after the current answer
  void force_close();
  void post_response(response res);

 private:
  enum class phase { idle, reading, handling, writing, closing, closed };

  void wait_for_request();
  void on_first_bytes(beast::error_code ec, std::size_t n);
  void begin_request();
  void on_header(beast::error_code ec, std::size_t n);
  void on_continue_sent(beast::error_code ec, std::size_t n);
  void read_body();
  void on_body(beast::error_code ec, std::size_t n);
  void on_read_error(beast::error_code ec);
  void on_request();
  void dispatch(request req);
  void on_handler_response(response res);
  void reject(unsigned status, std::string_view message);
  void send(response res);
  void on_write(beast::error_code ec, std::size_t bytes);
  void record(std::size_t bytes);
  void close_gracefully();
  void drain();
  void close();

  server_core& core_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  bhttp::response<bhttp::string_body> res_;
  std::uint64_t id_;
  std::string remote_;
  phase phase_ = phase::idle;
  std::size_t drained_ = 0;

  // The request being served, for the response, the access log and metrics.
  struct current_request {
    std::string method;
    std::string method_label;  // method, or "other" for unknown verbs
    std::string path;
    std::string request_id;
    std::string route;
    unsigned status = 0;
    unsigned version = 11;
    bool keep_alive = false;
    bool head = false;
    std::chrono::steady_clock::time_point started;
  } current_;

  // Series of the last request, reused while a connection repeats the same route.
  struct {
    std::string method, route;
    unsigned status = 0;
    counter* total = nullptr;
  } last_counter_;
  struct {
    std::string route;
    histogram* duration = nullptr;
  } last_histogram_;
};

}  // namespace cohort::api::http::detail
