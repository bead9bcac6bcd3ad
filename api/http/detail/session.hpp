// Internal (includes Beast): one HTTP/1.1 connection. Reads one request at a time, feeding
// Beast's parser itself, hands it to the handler, and writes the answer the responder posts back
// to this connection's strand. Timeouts are deadlines checked by the server's sweeper rather
// than a timer per operation: re-arming a kernel timer on every read and write cost more than
// the rest of a request.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>

#include <boost/asio.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>

#include "api/http/message.hpp"
#include "api/http/metrics.hpp"
#include "api/http/stream.hpp"

namespace cohort::api::http::detail {

struct server_core;

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;

using strand_type = net::strand<net::io_context::executor_type>;
using socket_type = net::basic_stream_socket<net::ip::tcp, strand_type>;

class session : public std::enable_shared_from_this<session> {
 public:
  session(server_core& core, socket_type socket, std::uint64_t id);

  std::uint64_t id() const { return id_; }
  // Each of these hops onto the session's strand; any thread may call them.
  void start();
  void on_shutdown();  // close now if idle, else after the current answer
  void force_close();
  void post_response(response res);
  // A streamed response's writer pushes through these (session_stream.cpp).
  void stream_write(std::string chunk);
  void stream_finish();
  // Called by the sweeper: posts a close if this session's deadline has passed.
  void check_deadline(std::int64_t now_ns);

 private:
  enum class phase { idle, reading, handling, writing, closing, closed };

  void wait_for_request();
  void read_more();
  void on_read(beast::error_code ec, std::size_t n);
  void begin_request();
  void parse();
  void on_continue_sent(beast::error_code ec, std::size_t n);
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
  void set_deadline(std::chrono::milliseconds after);
  // Streamed responses (session_stream.cpp).
  void start_stream();
  void write_next_chunk();
  void on_chunk_written(beast::error_code ec, std::size_t bytes);
  void watch_stream_client();
  void end_stream();
  void clear_deadline() { deadline_ns_.store(0, std::memory_order_relaxed); }

  server_core& core_;
  socket_type socket_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  std::string head_;  // status line and fields of the answer being written
  std::string body_;
  std::uint64_t id_;
  std::string remote_;
  phase phase_ = phase::idle;
  bool continue_sent_ = false;
  std::size_t drained_ = 0;
  std::atomic<std::int64_t> deadline_ns_{0};  // steady_clock; 0: none

  // The streamed response being written, if any.
  struct stream_state {
    std::shared_ptr<stream_handler> handler;
    bool open = false;          // the head is written and on_open ran
    bool writing = false;       // a chunk is on the wire
    bool finishing = false;     // finish() was called: last chunk once the queue is empty
    bool last_written = false;  // the terminating chunk is on the wire
    std::deque<std::string> queue;
    std::size_t queued_bytes = 0;
    std::string wire;  // the chunk being written, with its framing
  } stream_;

  // The request being served, for the response, the access log and metrics.
  struct current_request {
    std::string method;
    std::string method_label;  // method, or "other" for unknown verbs
    std::string path;
    std::string request_id;
    std::string route;
    unsigned status = 0;
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
