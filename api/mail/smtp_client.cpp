#include "api/mail/smtp_client.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <optional>

#include "api/mail/email_message.hpp"

namespace cohort::api::mail {

namespace {

namespace asio = boost::asio;
namespace ssl = asio::ssl;
using asio::awaitable;
using asio::use_awaitable;
using tcp = asio::ip::tcp;

// A reply the conversation cannot go on with: 4xx is worth retrying, 5xx is not.
struct smtp_refusal {
  int code;
  std::string text;
};

struct reply {
  int code = 0;
  std::vector<std::string> lines;  // text after the code, one per line
  std::string text() const {
    std::string out = std::to_string(code);
    for (const auto& l : lines) out += " " + l;
    return out;
  }
};

// Lines of an SMTP data block: CRLF line ends, a leading dot doubled.
std::string dot_stuffed(std::string_view data) {
  std::string out;
  out.reserve(data.size() + 16);
  bool line_start = true;
  for (std::size_t i = 0; i < data.size(); ++i) {
    char c = data[i];
    if (c == '\n' && (i == 0 || data[i - 1] != '\r')) out += '\r';
    if (line_start && c == '.') out += '.';
    out += c;
    line_start = c == '\n';
  }
  if (out.size() < 2 || out.compare(out.size() - 2, 2, "\r\n") != 0) out += "\r\n";
  return out;
}

std::string upper(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

class conversation {
 public:
  conversation(asio::io_context& io, const smtp_options& options)
      : options_(options), tls_context_(ssl::context::tls_client), stream_(io, tls_context_) {
    tls_context_.set_default_verify_paths();
    stream_.set_verify_mode(ssl::verify_peer);
    stream_.set_verify_callback(ssl::host_name_verification(options.host));
  }

  tcp::socket& socket() { return stream_.next_layer(); }

  awaitable<void> run(const smtp_envelope& envelope) {
    auto executor = co_await asio::this_coro::executor;
    tcp::resolver resolver(executor);
    auto endpoints = co_await resolver.async_resolve(options_.host, std::to_string(options_.port),
                                                     use_awaitable);
    co_await asio::async_connect(socket(), endpoints, use_awaitable);
    bool implicit_tls = options_.port == 465 && !options_.no_tls;
    if (implicit_tls) co_await start_tls();
    expect(co_await read_reply(), 220);
    auto extensions = co_await hello();
    if (!tls_ && !options_.no_tls && offers(extensions, "STARTTLS")) {
      co_await command("STARTTLS", 220);
      co_await start_tls();
      extensions = co_await hello();
    }
    if (!options_.user.empty()) co_await authenticate(extensions);
    co_await command("MAIL FROM:<" + envelope.from + ">", 250);
    for (const auto& to : envelope.to) {
      auto r = co_await send_line("RCPT TO:<" + to + ">");
      if (r.code != 250 && r.code != 251) throw smtp_refusal{r.code, r.text()};
    }
    co_await command("DATA", 354);
    co_await write(dot_stuffed(envelope.data) + ".\r\n");
    expect(co_await read_reply(), 250);
    // The message is accepted: a failing QUIT changes nothing.
    try {
      co_await send_line("QUIT");
    } catch (...) {
    }
  }

 private:
  awaitable<void> start_tls() {
    if (!SSL_set_tlsext_host_name(stream_.native_handle(), options_.host.c_str()))
      throw smtp_refusal{0, "cannot set the TLS server name"};
    co_await stream_.async_handshake(ssl::stream_base::client, use_awaitable);
    tls_ = true;
    buffer_.clear();
  }

  // EHLO, or HELO from a server that does not know EHLO; the EHLO keywords (upper case).
  awaitable<std::vector<std::string>> hello() {
    auto r = co_await send_line("EHLO " + options_.helo_name);
    if (r.code == 250) {
      std::vector<std::string> out;
      for (std::size_t i = 1; i < r.lines.size(); ++i) out.push_back(upper(r.lines[i]));
      co_return out;
    }
    co_await command("HELO " + options_.helo_name, 250);
    co_return std::vector<std::string>{};
  }

  static bool offers(const std::vector<std::string>& extensions, std::string_view keyword) {
    for (const auto& e : extensions) {
      if (e.compare(0, keyword.size(), keyword) == 0 &&
          (e.size() == keyword.size() || e[keyword.size()] == ' '))
        return true;
    }
    return false;
  }

  static bool offers_auth(const std::vector<std::string>& extensions, std::string_view mechanism) {
    for (const auto& e : extensions) {
      if (e.rfind("AUTH", 0) != 0 || e.size() < 5 || (e[4] != ' ' && e[4] != '=')) continue;
      std::string rest = " " + e.substr(5) + " ";
      if (rest.find(" " + std::string(mechanism) + " ") != std::string::npos) return true;
    }
    return false;
  }

  awaitable<void> authenticate(const std::vector<std::string>& extensions) {
    if (offers_auth(extensions, "PLAIN")) {
      std::string credentials;
      credentials += '\0';
      credentials += options_.user;
      credentials += '\0';
      credentials += options_.password;
      co_await command("AUTH PLAIN " + base64(credentials), 235);
    } else if (offers_auth(extensions, "LOGIN")) {
      co_await command("AUTH LOGIN", 334);
      co_await command(base64(options_.user), 334);
      co_await command(base64(options_.password), 235);
    } else {
      throw smtp_refusal{530, "the SMTP server offers neither AUTH PLAIN nor AUTH LOGIN" +
                                  std::string(tls_ ? "" : " without TLS")};
    }
  }

  static void expect(const reply& r, int code) {
    if (r.code != code) throw smtp_refusal{r.code, r.text()};
  }

  awaitable<void> command(const std::string& line, int code) {
    expect(co_await send_line(line), code);
  }

  awaitable<reply> send_line(const std::string& line) {
    co_await write(line + "\r\n");
    co_return co_await read_reply();
  }

  awaitable<void> write(const std::string& bytes) {
    if (tls_)
      co_await asio::async_write(stream_, asio::buffer(bytes), use_awaitable);
    else
      co_await asio::async_write(socket(), asio::buffer(bytes), use_awaitable);
  }

  awaitable<std::string> read_line() {
    std::size_t n = 0;
    if (tls_)
      n = co_await asio::async_read_until(stream_, asio::dynamic_buffer(buffer_), "\r\n",
                                          use_awaitable);
    else
      n = co_await asio::async_read_until(socket(), asio::dynamic_buffer(buffer_), "\r\n",
                                          use_awaitable);
    std::string line = buffer_.substr(0, n - 2);
    buffer_.erase(0, n);
    co_return line;
  }

  // "250-first", "250-second", "250 last": one reply.
  awaitable<reply> read_reply() {
    reply r;
    for (;;) {
      std::string line = co_await read_line();
      if (line.size() < 3) throw smtp_refusal{0, "malformed SMTP reply: " + line};
      r.code = std::atoi(line.substr(0, 3).c_str());
      r.lines.push_back(line.size() > 4 ? line.substr(4) : "");
      if (line.size() == 3 || line[3] != '-') co_return r;
    }
  }

  const smtp_options& options_;
  ssl::context tls_context_;
  ssl::stream<tcp::socket> stream_;
  bool tls_ = false;
  std::string buffer_;
};

}  // namespace

smtp_outcome send_smtp(const smtp_options& options, const smtp_envelope& envelope) {
  if (options.host.empty()) return {smtp_outcome::status::permanent, "EMAIL_SMTP_HOST is not set"};
  asio::io_context io;
  conversation talk(io, options);
  smtp_outcome outcome;
  bool finished = false, timed_out = false;
  asio::steady_timer deadline(io, options.timeout);
  deadline.async_wait([&](boost::system::error_code ec) {
    if (ec || finished) return;
    timed_out = true;
    boost::system::error_code ignored;
    talk.socket().close(ignored);
  });
  asio::co_spawn(io, talk.run(envelope), [&](std::exception_ptr failure) {
    finished = true;
    deadline.cancel();
    if (!failure) return;
    try {
      std::rethrow_exception(failure);
    } catch (const smtp_refusal& r) {
      // 4xx and an unusable conversation are transient; a 5xx answer is final.
      outcome.what = r.code >= 500 && r.code < 600 ? smtp_outcome::status::permanent
                                                   : smtp_outcome::status::transient;
      outcome.error = r.code ? "SMTP server answered " + r.text : r.text;
    } catch (const std::exception& e) {
      outcome.what = smtp_outcome::status::transient;
      outcome.error = std::string("SMTP connection to ") + options.host + ":" +
                      std::to_string(options.port) + " failed: " + e.what();
    }
  });
  io.run();
  if (timed_out && outcome.sent()) {
    outcome = {smtp_outcome::status::transient, "SMTP conversation timed out"};
  } else if (timed_out) {
    outcome.error = "SMTP conversation timed out (" + outcome.error + ")";
  }
  return outcome;
}

}  // namespace cohort::api::mail
