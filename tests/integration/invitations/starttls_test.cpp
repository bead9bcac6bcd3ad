// STARTTLS, against a small SMTP server of this file that offers it and speaks TLS (OpenSSL)
// once asked, with a certificate made for the test by the openssl command: the client upgrades
// before it authenticates, verifies the server's certificate (trusted here through
// SSL_CERT_FILE, which OpenSSL's default verify paths read), does not upgrade with
// EMAIL_SMTP_NO_TLS, and refuses a server whose certificate it cannot trust.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <thread>

#include "api/mail/email_message.hpp"
#include "api/mail/smtp_client.hpp"
#include "fixtures/temp_dir.hpp"

namespace {

namespace mail = cohort::api::mail;

// What the server saw of one conversation.
struct tls_session {
  bool upgraded = false;
  bool authenticated_over_tls = false;
  bool authenticated_in_clear = false;
  bool message_over_tls = false;
  bool accepted = false;
};

class starttls_server {
 public:
  starttls_server(const std::string& cert, const std::string& key) {
    ctx_ = SSL_CTX_new(TLS_server_method());
    SSL_CTX_use_certificate_file(ctx_, cert.c_str(), SSL_FILETYPE_PEM);
    SSL_CTX_use_PrivateKey_file(ctx_, key.c_str(), SSL_FILETYPE_PEM);
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    ::listen(fd_, 4);
  }
  ~starttls_server() {
    ::close(fd_);
    SSL_CTX_free(ctx_);
  }
  std::uint16_t port() const { return port_; }

  // Serves one connection on a thread of its own; join() gives what happened.
  void serve_one() {
    worker_ = std::thread([this] {
      int client = ::accept(fd_, nullptr, nullptr);
      if (client < 0) return;
      timeval tv{10, 0};
      ::setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
      converse(client);
      if (ssl_) {
        SSL_shutdown(ssl_);
        SSL_free(ssl_);
        ssl_ = nullptr;
      }
      ::close(client);
    });
  }
  tls_session join() {
    if (worker_.joinable()) worker_.join();
    return session_;
  }

 private:
  void send(int fd, const std::string& text) {
    if (ssl_)
      SSL_write(ssl_, text.data(), static_cast<int>(text.size()));
    else
      ::send(fd, text.data(), text.size(), MSG_NOSIGNAL);
  }
  std::optional<std::string> line(int fd) {
    for (;;) {
      auto end = buffer_.find("\r\n");
      if (end != std::string::npos) {
        std::string out = buffer_.substr(0, end);
        buffer_.erase(0, end + 2);
        return out;
      }
      char chunk[4096];
      long n = ssl_ ? SSL_read(ssl_, chunk, sizeof chunk) : ::recv(fd, chunk, sizeof chunk, 0);
      if (n <= 0) return std::nullopt;
      buffer_.append(chunk, static_cast<std::size_t>(n));
    }
  }
  void converse(int fd) {
    send(fd, "220 tls-test ESMTP\r\n");
    while (auto l = line(fd)) {
      std::string verb = l->substr(0, l->find(' '));
      if (verb == "EHLO") {
        send(fd, ssl_ ? "250-tls-test\r\n250 AUTH PLAIN\r\n"
                      : "250-tls-test\r\n250-STARTTLS\r\n250 AUTH PLAIN\r\n");
      } else if (verb == "STARTTLS") {
        send(fd, "220 go ahead\r\n");
        buffer_.clear();
        ssl_ = SSL_new(ctx_);
        SSL_set_fd(ssl_, fd);
        if (SSL_accept(ssl_) <= 0) return;  // the client gave up on our certificate
        session_.upgraded = true;
      } else if (verb == "AUTH") {
        (ssl_ ? session_.authenticated_over_tls : session_.authenticated_in_clear) = true;
        send(fd, "235 ok\r\n");
      } else if (verb == "MAIL" || verb == "RCPT") {
        send(fd, "250 ok\r\n");
      } else if (verb == "DATA") {
        send(fd, "354 go\r\n");
        while (auto d = line(fd)) {
          if (*d == ".") break;
        }
        session_.message_over_tls = ssl_ != nullptr;
        session_.accepted = true;
        send(fd, "250 queued\r\n");
      } else if (verb == "QUIT") {
        send(fd, "221 bye\r\n");
        return;
      } else {
        send(fd, "502 no\r\n");
      }
    }
  }

  SSL_CTX* ctx_ = nullptr;
  SSL* ssl_ = nullptr;
  int fd_ = -1;
  std::uint16_t port_ = 0;
  std::thread worker_;
  std::string buffer_;
  tls_session session_;
};

struct certificate {
  cohort::testing::temp_dir dir{"cohort-starttls"};
  std::string cert = (dir.path() / "cert.pem").string();
  std::string key = (dir.path() / "key.pem").string();
  certificate() {
    std::string command =
        "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost -addext "
        "subjectAltName=DNS:localhost -keyout " +
        key + " -out " + cert + " >/dev/null 2>&1";
    EXPECT_EQ(std::system(command.c_str()), 0) << command;
  }
};

mail::smtp_envelope envelope() {
  mail::email_message m;
  m.to = "tls@example.com";
  m.subject = "over TLS";
  m.text = "hello\n";
  return {"noreply@cohort.test",
          {m.to},
          mail::render_mime(m, "noreply@cohort.test", "Cohort", std::chrono::system_clock::now())};
}

mail::smtp_options options_for(const starttls_server& server) {
  mail::smtp_options o;
  o.host = "localhost";
  o.port = server.port();
  o.user = "mailer";
  o.password = "secret";
  o.timeout = std::chrono::seconds(10);
  return o;
}

TEST(smtp_starttls, upgrades_before_authenticating_and_verifies_the_certificate) {
  certificate c;
  ::setenv("SSL_CERT_FILE", c.cert.c_str(), 1);  // trust the test's self-signed certificate
  starttls_server server(c.cert, c.key);
  server.serve_one();
  auto outcome = mail::send_smtp(options_for(server), envelope());
  auto session = server.join();
  ::unsetenv("SSL_CERT_FILE");
  EXPECT_TRUE(outcome.sent()) << outcome.error;
  EXPECT_TRUE(session.upgraded);
  EXPECT_TRUE(session.authenticated_over_tls);
  EXPECT_FALSE(session.authenticated_in_clear);
  EXPECT_TRUE(session.message_over_tls);
  EXPECT_TRUE(session.accepted);
}

TEST(smtp_starttls, no_upgrade_with_no_tls) {
  certificate c;
  starttls_server server(c.cert, c.key);
  server.serve_one();
  auto options = options_for(server);
  options.no_tls = true;
  auto outcome = mail::send_smtp(options, envelope());
  auto session = server.join();
  EXPECT_TRUE(outcome.sent()) << outcome.error;
  EXPECT_FALSE(session.upgraded);
  EXPECT_TRUE(session.authenticated_in_clear);
  EXPECT_TRUE(session.accepted);
}

TEST(smtp_starttls, an_untrusted_certificate_stops_the_conversation) {
  certificate c;  // not trusted: SSL_CERT_FILE is not set
  starttls_server server(c.cert, c.key);
  server.serve_one();
  auto outcome = mail::send_smtp(options_for(server), envelope());
  auto session = server.join();
  EXPECT_FALSE(outcome.sent());
  EXPECT_FALSE(session.authenticated_over_tls || session.authenticated_in_clear);
  EXPECT_FALSE(session.accepted);
}

}  // namespace
