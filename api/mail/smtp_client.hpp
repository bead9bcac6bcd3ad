// One SMTP conversation (RFC 5321) on Boost.Asio: EHLO, STARTTLS when the server offers it (or
// TLS from the start on port 465) unless TLS is turned off, AUTH PLAIN or LOGIN when a user is
// set, then one message to its recipients. Blocking for the calling thread, bounded by a
// deadline: call it from a worker thread, never from an actor or I/O thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace cohort::api::mail {

struct smtp_options {
  std::string host;
  std::uint16_t port = 587;
  std::string user;  // empty: no AUTH
  std::string password;
  bool no_tls = false;
  std::chrono::milliseconds timeout{30000};  // the whole conversation
  std::string helo_name = "localhost";
};

struct smtp_envelope {
  std::string from;  // MAIL FROM address
  std::vector<std::string> to;
  std::string data;  // the message (render_mime); dot-stuffed here
};

struct smtp_outcome {
  enum class status { sent, transient, permanent };
  status what = status::sent;
  std::string error;  // the server's reply or the network failure
  bool sent() const { return what == status::sent; }
};

smtp_outcome send_smtp(const smtp_options& options, const smtp_envelope& envelope);

}  // namespace cohort::api::mail
