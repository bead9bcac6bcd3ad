#include "raw_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>

namespace cohort::test {

namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

const std::string* raw_response::header(std::string_view lower_name) const {
  for (const auto& [name, value] : headers)
    if (name == lower_name) return &value;
  return nullptr;
}

std::string raw_response::get(std::string_view lower_name) const {
  const std::string* value = header(lower_name);
  return value ? *value : "<absent>";
}

raw_client::raw_client(std::uint16_t port) {
  fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd_ < 0) return;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd_);
    fd_ = -1;
    return;
  }
  int one = 1;
  ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

raw_client::~raw_client() {
  if (fd_ >= 0) ::close(fd_);
}

bool raw_client::send(std::string_view bytes) {
  while (!bytes.empty()) {
    auto n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

bool raw_client::fill(std::chrono::steady_clock::time_point until) {
  if (eof_) return false;
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        until - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd p{fd_, POLLIN, 0};
    int r = ::poll(&p, 1, static_cast<int>(left.count()));
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return false;
    char chunk[16384];
    auto n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      eof_ = true;
      return false;
    }
    buffer_.append(chunk, static_cast<std::size_t>(n));
    return true;
  }
}

std::optional<raw_response> raw_client::read_response(std::chrono::milliseconds timeout,
                                                      bool head) {
  auto until = std::chrono::steady_clock::now() + timeout;
  std::size_t header_end;
  while ((header_end = buffer_.find("\r\n\r\n")) == std::string::npos)
    if (!fill(until)) return std::nullopt;
  std::string_view head_text(buffer_.data(), header_end);
  raw_response res;
  auto line_end = head_text.find("\r\n");
  auto status_line = head_text.substr(0, line_end);
  if (status_line.substr(0, 5) != "HTTP/" || status_line.size() < 12) return std::nullopt;
  res.status = static_cast<unsigned>(std::atoi(std::string(status_line.substr(9, 3)).c_str()));
  while (line_end != std::string_view::npos) {
    auto start = line_end + 2;
    line_end = head_text.find("\r\n", start);
    auto line = head_text.substr(
        start, line_end == std::string_view::npos ? std::string_view::npos : line_end - start);
    auto colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    res.headers.emplace_back(lower(line.substr(0, colon)),
                             std::string(trim(line.substr(colon + 1))));
  }
  buffer_.erase(0, header_end + 4);
  std::size_t length = 0;
  bool has_body = !head && res.status >= 200 && res.status != 204 && res.status != 304;
  if (auto* cl = res.header("content-length"); cl && has_body)
    length = static_cast<std::size_t>(std::strtoull(cl->c_str(), nullptr, 10));
  while (buffer_.size() < length)
    if (!fill(until)) return std::nullopt;
  res.body = buffer_.substr(0, length);
  buffer_.erase(0, length);
  return res;
}

bool raw_client::wait_closed(std::chrono::milliseconds timeout) {
  auto until = std::chrono::steady_clock::now() + timeout;
  while (!eof_) {
    buffer_.clear();
    if (!fill(until) && !eof_) return false;
  }
  return true;
}

std::string http_get(std::string_view target, std::string_view extra_headers) {
  std::string out = "GET ";
  out += target;
  out += " HTTP/1.1\r\nHost: test\r\n";
  out += extra_headers;
  out += "\r\n";
  return out;
}

std::string http_post(std::string_view target, std::string_view body,
                      std::string_view extra_headers) {
  std::string out = "POST ";
  out += target;
  out += " HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: ";
  out += std::to_string(body.size());
  out += "\r\n";
  out += extra_headers;
  out += "\r\n";
  out += body;
  return out;
}

}  // namespace cohort::test
