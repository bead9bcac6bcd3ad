// HTTPS deliveries: the outbound client speaks TLS with SNI and checks the receiver's certificate
// and host name against the trusted roots (OpenSSL's defaults, which SSL_CERT_FILE overrides: the
// test trusts its own self-signed certificate that way).
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <future>
#include <thread>

#include "api/http/outbound_client.hpp"
#include "fixtures/process.hpp"
#include "fixtures/temp_dir.hpp"

using namespace cohort::testing;
using cohort::api::http::outbound_client;
using cohort::api::http::outbound_failure;
using cohort::api::http::outbound_request;
using cohort::api::http::outbound_response;

namespace {

// A one-connection TLS receiver with a self-signed certificate for localhost and 127.0.0.1.
class tls_receiver {
 public:
  tls_receiver() {
    auto dir = dir_.path();
    process openssl({"openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                     (dir / "key.pem").string(), "-out", (dir / "cert.pem").string(), "-days", "1",
                     "-subj", "/CN=localhost", "-addext",
                     "subjectAltName=DNS:localhost,IP:127.0.0.1"});
    ok_ = openssl.wait(std::chrono::seconds(30)) == 0;
    ctx_ = SSL_CTX_new(TLS_server_method());
    ok_ = ok_ &&
          SSL_CTX_use_certificate_file(ctx_, (dir / "cert.pem").c_str(), SSL_FILETYPE_PEM) == 1 &&
          SSL_CTX_use_PrivateKey_file(ctx_, (dir / "key.pem").c_str(), SSL_FILETYPE_PEM) == 1;
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    ::listen(fd_, 4);
    server_ = std::thread([this] { serve_one(); });
  }
  ~tls_receiver() {
    ::shutdown(fd_, SHUT_RDWR);
    ::close(fd_);
    if (server_.joinable()) server_.join();
    SSL_CTX_free(ctx_);
  }
  bool ok() const { return ok_; }
  std::uint16_t port() const { return port_; }
  std::string cert() const { return (dir_.path() / "cert.pem").string(); }
  // The request received (empty when the handshake failed), once the connection is over.
  std::string request() {
    if (server_.joinable()) server_.join();
    return request_;
  }

 private:
  void serve_one() {
    int c = ::accept(fd_, nullptr, nullptr);
    if (c < 0) return;
    SSL* ssl = SSL_new(ctx_);
    SSL_set_fd(ssl, c);
    if (SSL_accept(ssl) == 1) {
      char buf[4096];
      while (request_.find("\r\n\r\n") == std::string::npos ||
             request_.find("}") == std::string::npos) {
        int n = SSL_read(ssl, buf, sizeof buf);
        if (n <= 0) break;
        request_.append(buf, static_cast<std::size_t>(n));
      }
      const char reply[] = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok";
      SSL_write(ssl, reply, sizeof reply - 1);
      SSL_shutdown(ssl);
    }
    SSL_free(ssl);
    ::close(c);
  }

  temp_dir dir_{"cohort-tls"};
  bool ok_ = false;
  SSL_CTX* ctx_ = nullptr;
  int fd_ = -1;
  std::uint16_t port_ = 0;
  std::thread server_;
  std::string request_;
};

outbound_response send(const std::string& url) {
  outbound_client client;  // reads the trusted roots (SSL_CERT_FILE) when made
  outbound_request r;
  r.url = url;
  r.body = R"({"tls":true})";
  r.headers = {{"Content-Type", "application/json"}};
  r.allow_private_targets = true;
  std::promise<outbound_response> answer;
  auto future = answer.get_future();
  client.send(r, [&answer](outbound_response res) { answer.set_value(std::move(res)); });
  return future.get();
}

}  // namespace

TEST(WebhookHttps, DeliversOverTlsToATrustedCertificate) {
  tls_receiver receiver;
  ASSERT_TRUE(receiver.ok());
  ::setenv("SSL_CERT_FILE", receiver.cert().c_str(), 1);
  auto res = send("https://localhost:" + std::to_string(receiver.port()) + "/tls-hook");
  ::unsetenv("SSL_CERT_FILE");
  EXPECT_EQ(res.failure, outbound_failure::none) << res.error;
  EXPECT_EQ(res.status, 200u);
  EXPECT_EQ(res.body, "ok");
  std::string request = receiver.request();
  EXPECT_EQ(request.rfind("POST /tls-hook HTTP/1.1\r\n", 0), 0u) << request;
  EXPECT_NE(request.find(R"({"tls":true})"), std::string::npos);
}

TEST(WebhookHttps, AnUntrustedCertificateFailsTheHandshake) {
  tls_receiver receiver;
  ASSERT_TRUE(receiver.ok());
  auto res = send("https://localhost:" + std::to_string(receiver.port()) + "/");
  EXPECT_EQ(res.failure, outbound_failure::tls);
  EXPECT_NE(res.error.find("certificate verify failed"), std::string::npos) << res.error;
  EXPECT_TRUE(receiver.request().empty());
}

TEST(WebhookHttps, ACertificateForAnotherHostFailsTheHandshake) {
  tls_receiver receiver;  // its certificate names localhost and 127.0.0.1 only
  ASSERT_TRUE(receiver.ok());
  ::setenv("SSL_CERT_FILE", receiver.cert().c_str(), 1);
  // ::ffff:127.0.0.1 reaches the same socket under a name the certificate does not carry.
  auto res = send("https://[::ffff:127.0.0.1]:" + std::to_string(receiver.port()) + "/");
  ::unsetenv("SSL_CERT_FILE");
  EXPECT_EQ(res.failure, outbound_failure::tls) << res.status;
  EXPECT_TRUE(receiver.request().empty());
}
