// A small Server-Sent Events client for the subscription tests: POSTs a GraphQL document (or GETs
// a path that carries it in its query string) with `Accept: text/event-stream` over a loopback
// socket, reads the response head, then decodes the
// chunked body into SSE events (`event:` / `data:` blocks; comment lines counted as heartbeats)
// as they arrive.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <chrono>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>

namespace cohort::testing {

struct sse_event {
  std::string event;  // "next", "complete"
  std::string data;
};

class sse_client {
 public:
  sse_client(std::uint16_t port, const std::string& query, const std::string& bearer,
             const boost::json::object& variables = {}, const std::string& path = "/graphql") {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
      close();
      return;
    }
    std::string req;
    if (path.find('?') != std::string::npos) {  // GET, as a browser's EventSource sends it
      req = "GET " + path + " HTTP/1.1\r\nHost: test\r\nAccept: text/event-stream\r\n";
      if (!bearer.empty()) req += "Authorization: Bearer " + bearer + "\r\n";
      req += "\r\n";
    } else {
      boost::json::object body{{"query", query}};
      if (!variables.empty()) body["variables"] = variables;
      std::string text = boost::json::serialize(body);
      req = "POST " + path +
            " HTTP/1.1\r\nHost: test\r\nAccept: text/event-stream\r\n"
            "Content-Type: application/json\r\nContent-Length: " +
            std::to_string(text.size()) + "\r\n";
      if (!bearer.empty()) req += "Authorization: Bearer " + bearer + "\r\n";
      req += "\r\n" + text;
    }
    std::size_t sent = 0;
    while (sent < req.size()) {
      auto n = ::send(fd_, req.data() + sent, req.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) {
        close();
        return;
      }
      sent += static_cast<std::size_t>(n);
    }
  }
  ~sse_client() { close(); }
  sse_client(const sse_client&) = delete;
  sse_client& operator=(const sse_client&) = delete;

  void close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

  // The response head (status line and headers); empty on timeout.
  std::string head(std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
    auto until = std::chrono::steady_clock::now() + timeout;
    while (head_.empty()) {
      auto end = raw_.find("\r\n\r\n");
      if (end != std::string::npos) {
        head_ = raw_.substr(0, end + 2);
        raw_.erase(0, end + 4);
        chunked_ = lower(head_).find("transfer-encoding: chunked") != std::string::npos;
        break;
      }
      if (!fill(until)) return {};
    }
    return head_;
  }

  // The next event; nullopt when none arrives in time or the stream ended.
  std::optional<sse_event> next(std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
    auto until = std::chrono::steady_clock::now() + timeout;
    if (head_.empty() && head(timeout).empty()) return std::nullopt;
    while (true) {
      decode();
      if (!events_.empty()) {
        auto e = std::move(events_.front());
        events_.pop_front();
        return e;
      }
      if (!fill(until)) return std::nullopt;
    }
  }

  int heartbeats() const { return heartbeats_; }
  bool ended() const { return eof_; }

 private:
  static std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  }

  bool fill(std::chrono::steady_clock::time_point until) {
    if (fd_ < 0 || eof_) return false;
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        until - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
    char buf[8192];
    auto n = ::recv(fd_, buf, sizeof buf, 0);
    if (n <= 0) {
      eof_ = true;
      return false;
    }
    raw_.append(buf, static_cast<std::size_t>(n));
    return true;
  }

  // Moves complete chunks from raw_ into text_, then complete SSE blocks into events_.
  void decode() {
    if (chunked_) {
      while (true) {
        auto line_end = raw_.find("\r\n");
        if (line_end == std::string::npos) break;
        std::size_t size = std::stoul(raw_.substr(0, line_end), nullptr, 16);
        if (raw_.size() < line_end + 2 + size + 2) break;
        text_ += raw_.substr(line_end + 2, size);
        raw_.erase(0, line_end + 2 + size + 2);
        if (size == 0) break;
      }
    } else {
      text_ += raw_;
      raw_.clear();
    }
    while (true) {
      auto end = text_.find("\n\n");
      if (end == std::string::npos) break;
      std::string block = text_.substr(0, end + 1);
      text_.erase(0, end + 2);
      sse_event e;
      bool comment_only = true;
      std::size_t start = 0;
      while (start < block.size()) {
        auto nl = block.find('\n', start);
        std::string line = block.substr(start, nl - start);
        start = nl + 1;
        if (line.rfind(":", 0) == 0) continue;
        comment_only = false;
        if (line.rfind("event:", 0) == 0) {
          e.event = line.substr(line.size() > 6 && line[6] == ' ' ? 7 : 6);
        } else if (line.rfind("data:", 0) == 0) {
          if (!e.data.empty()) e.data += '\n';
          e.data += line.substr(line.size() > 5 && line[5] == ' ' ? 6 : 5);
        }
      }
      if (comment_only) {
        ++heartbeats_;
      } else {
        events_.push_back(std::move(e));
      }
    }
  }

  int fd_ = -1;
  bool eof_ = false;
  bool chunked_ = false;
  std::string raw_, head_, text_;
  std::deque<sse_event> events_;
  int heartbeats_ = 0;
};

}  // namespace cohort::testing
