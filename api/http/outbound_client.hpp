// Outbound HTTP/1.1 requests (webhook deliveries) on the client's own Asio threads, behind the
// SSRF guard: the host is resolved once, EVERY resolved address must pass address_policy, and the
// connection goes only to those checked addresses (no second lookup, so DNS rebinding cannot swap
// them). Redirects are never followed: a 3xx is the answer. One deadline covers resolve, connect,
// TLS, write and read. Plain C++ header; Beast stays in the .cpp.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "api/http/message.hpp"

namespace cohort::api::http {

struct outbound_request {
  std::string url;  // http:// or https://
  std::string method = "POST";
  header_list headers;  // sent as given, after Host, before Content-Length
  std::string body;
  std::chrono::milliseconds timeout{5000};  // the whole exchange
  bool allow_private_targets = false;       // ALLOW_PRIVATE_NETWORK_TARGETS
};

enum class outbound_failure {
  none,            // an HTTP answer arrived (any status)
  invalid_url,     // not an absolute http(s) URL
  refused_target,  // the SSRF guard refused an address the host resolves to
  resolve,         // the host name does not resolve
  connect,         // no address accepted the connection
  timeout,         // the deadline passed
  tls,             // the TLS handshake failed (certificate, protocol)
  io,              // the connection broke or the answer was not HTTP
};

struct outbound_response {
  outbound_failure failure = outbound_failure::none;
  std::string error;  // why, for logs and the delivery log
  unsigned status = 0;
  header_list headers;  // names lower-cased
  std::string body;     // at most 64 KiB kept
  std::string address;  // the address connected to, when one was
  const std::string* header(std::string_view lower_name) const;
};

class outbound_client {
 public:
  explicit outbound_client(int threads = 1);
  // Stops the threads; requests in flight are dropped without an answer.
  ~outbound_client();
  outbound_client(const outbound_client&) = delete;
  outbound_client& operator=(const outbound_client&) = delete;

  // `done` runs exactly once, on one of the client's threads.
  void send(outbound_request request, std::function<void(outbound_response)> done);

  struct impl;

 private:
  std::shared_ptr<impl> impl_;
};

}  // namespace cohort::api::http
