// Streamed responses (Server-Sent Events): a handler answers with a `response` whose `stream` is
// set; the server writes the head (chunked transfer encoding), then hands the stream a writer that
// any thread may push body chunks through until either side ends it. The connection serves no
// other request meanwhile; when the client goes away or the server shuts down, on_close runs once.
#pragma once

#include <functional>
#include <memory>
#include <string>

namespace cohort::api::http {

class stream_writer {
 public:
  virtual ~stream_writer() = default;
  // Queues a chunk of the body (written in call order); ignored once the stream is closed.
  virtual void write(std::string chunk) = 0;
  // Ends the body; the connection then closes. on_close follows.
  virtual void finish() = 0;
};

struct stream_handler {
  // The head is written: push chunks through `writer` from now on (keep it; it does not keep the
  // connection alive by itself).
  std::function<void(std::shared_ptr<stream_writer> writer)> on_open;
  // The stream ended: client gone, write failed or timed out, finished, or server shutting down.
  // Called once (also when the head could never be written), from an HTTP thread.
  std::function<void()> on_close;
};

}  // namespace cohort::api::http
