// A deliberately small HTTP/1.1 client over a raw loopback socket, for server tests that need
// byte-level control: pipelining, malformed requests, trickled bytes, half-sent bodies.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cohort::test {

struct raw_response {
  unsigned status = 0;
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string body;
  const std::string* header(std::string_view lower_name) const;
  // The header's value, or "<absent>": safe to compare in an assertion.
  std::string get(std::string_view lower_name) const;
};

class raw_client {
 public:
  explicit raw_client(std::uint16_t port);
  ~raw_client();
  raw_client(const raw_client&) = delete;
  raw_client& operator=(const raw_client&) = delete;

  bool connected() const { return fd_ >= 0; }
  bool send(std::string_view bytes);
  // Next response (a 100 Continue counts as one). `head`: the answer to a HEAD has no body.
  std::optional<raw_response> read_response(
      std::chrono::milliseconds timeout = std::chrono::seconds(5), bool head = false);
  // True when the server closes the connection (EOF or reset) within the timeout; buffered
  // bytes are discarded.
  bool wait_closed(std::chrono::milliseconds timeout = std::chrono::seconds(5));

 private:
  // Reads more bytes into buffer_; false on timeout, EOF or error.
  bool fill(std::chrono::steady_clock::time_point until);
  int fd_ = -1;
  std::string buffer_;
  bool eof_ = false;
};

// "GET /path HTTP/1.1\r\nHost: test\r\n<extra>\r\n" with extra lines "Name: value\r\n".
std::string http_get(std::string_view target, std::string_view extra_headers = {});
std::string http_post(std::string_view target, std::string_view body,
                      std::string_view extra_headers = {});

}  // namespace cohort::test
