// The streamed-response half of a session (stream.hpp): after the head, chunks queued by the
// application are written one batch at a time on the session's strand, each write under the
// server's write timeout (a client that stops reading is closed), while a read watches for the
// client going away. The stream's on_close runs once, from close().
#include <spdlog/spdlog.h>

#include <cstdio>

#include "api/http/detail/server_core.hpp"
#include "api/http/detail/session.hpp"

namespace cohort::api::http::detail {

namespace {

constexpr std::size_t watch_read_size = 4096;
// A client that reads slower than its stream is written is dropped once this much waits for it
// (the write timeout only notices a client that stopped reading altogether).
constexpr std::size_t max_backlog_bytes = 4u << 20;

class session_stream_writer final : public stream_writer {
 public:
  explicit session_stream_writer(std::weak_ptr<session> target) : target_(std::move(target)) {}
  void write(std::string chunk) override {
    if (auto s = target_.lock()) s->stream_write(std::move(chunk));
  }
  void finish() override {
    if (auto s = target_.lock()) s->stream_finish();
  }

 private:
  std::weak_ptr<session> target_;
};

}  // namespace

void session::stream_write(std::string chunk) {
  if (chunk.empty()) return;  // an empty chunk would end the body
  net::post(socket_.get_executor(),
            [self = shared_from_this(), chunk = std::move(chunk)]() mutable {
              if (!self->stream_.open || self->stream_.finishing) return;
              self->stream_.queued_bytes += chunk.size();
              if (self->stream_.queued_bytes > max_backlog_bytes) {
                spdlog::warn("http: closing a stream whose client reads too slowly");
                return self->close();
              }
              self->stream_.queue.push_back(std::move(chunk));
              self->write_next_chunk();
            });
}

void session::stream_finish() {
  net::post(socket_.get_executor(), [self = shared_from_this()] {
    if (!self->stream_.handler) return;
    self->stream_.finishing = true;
    if (self->stream_.open) self->write_next_chunk();
  });
}

void session::start_stream() {
  stream_.open = true;
  phase_ = phase::writing;  // not idle: shutdown ends the stream instead of dropping it
  if (core_.draining.load()) stream_.finishing = true;  // shutdown began during the head
  clear_deadline();
  watch_stream_client();
  auto handler = stream_.handler;
  if (handler->on_open) handler->on_open(std::make_shared<session_stream_writer>(weak_from_this()));
  write_next_chunk();
}

void session::write_next_chunk() {
  if (!stream_.open || stream_.writing || stream_.last_written || phase_ == phase::closed) return;
  stream_.wire.clear();
  if (!stream_.queue.empty()) {
    std::string data;
    for (auto& chunk : stream_.queue) data += chunk;
    stream_.queue.clear();
    stream_.queued_bytes = 0;
    char size[32];
    std::snprintf(size, sizeof size, "%zx\r\n", data.size());
    stream_.wire = size;
    stream_.wire += data;
    stream_.wire += "\r\n";
  } else if (stream_.finishing) {
    stream_.wire = "0\r\n\r\n";
    stream_.last_written = true;
  } else {
    return;
  }
  stream_.writing = true;
  set_deadline(core_.options.write_timeout);
  net::async_write(socket_, net::buffer(stream_.wire),
                   beast::bind_front_handler(&session::on_chunk_written, shared_from_this()));
}

void session::on_chunk_written(beast::error_code ec, std::size_t) {
  stream_.writing = false;
  clear_deadline();
  if (ec || stream_.last_written) return close();
  write_next_chunk();
}

// Nothing more is expected from the client: its end of file (or an error) means it went away.
void session::watch_stream_client() {
  socket_.async_read_some(buffer_.prepare(watch_read_size),
                          [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                            if (ec) return self->close();
                            self->buffer_.commit(n);
                            self->buffer_.consume(self->buffer_.size());
                            if (self->phase_ != phase::closed) self->watch_stream_client();
                          });
}

void session::end_stream() {
  if (!stream_.handler) return;
  auto handler = std::move(stream_.handler);
  // The wire buffer stays: a write cancelled by the close may still refer to it.
  stream_.open = false;
  stream_.finishing = true;
  stream_.queue.clear();
  if (handler->on_close) handler->on_close();
}

}  // namespace cohort::api::http::detail
