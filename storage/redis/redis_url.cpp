#include "storage/redis/redis_url.hpp"

#include <charconv>

namespace cohort::storage::redis {

namespace {

std::optional<int> to_int(std::string_view s) {
  int v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || end != s.data() + s.size() || v < 0) return std::nullopt;
  return v;
}

}  // namespace

std::optional<redis_endpoint> parse_redis_url(std::string_view url) {
  redis_endpoint ep;
  if (url.rfind("unix://", 0) == 0) {
    std::string_view rest = url.substr(7);
    if (auto q = rest.find("?db="); q != std::string_view::npos) {
      auto db = to_int(rest.substr(q + 4));
      if (!db) return std::nullopt;
      ep.db = *db;
      rest = rest.substr(0, q);
    }
    if (rest.empty() || rest.front() != '/') return std::nullopt;
    ep.socket_path = std::string(rest);
    return ep;
  }
  if (url.rfind("redis://", 0) != 0) return std::nullopt;
  std::string_view rest = url.substr(8);
  if (auto slash = rest.find('/'); slash != std::string_view::npos) {
    std::string_view db = rest.substr(slash + 1);
    if (!db.empty()) {
      auto n = to_int(db);
      if (!n) return std::nullopt;
      ep.db = *n;
    }
    rest = rest.substr(0, slash);
  }
  if (auto at = rest.rfind('@'); at != std::string_view::npos) {
    std::string_view creds = rest.substr(0, at);
    rest = rest.substr(at + 1);
    if (auto colon = creds.find(':'); colon != std::string_view::npos) {
      ep.user = std::string(creds.substr(0, colon));
      ep.password = std::string(creds.substr(colon + 1));
    } else {
      ep.password = std::string(creds);
    }
  }
  if (auto colon = rest.rfind(':'); colon != std::string_view::npos) {
    auto port = to_int(rest.substr(colon + 1));
    if (!port || *port == 0 || *port > 65535) return std::nullopt;
    ep.port = *port;
    rest = rest.substr(0, colon);
  }
  if (rest.empty()) return std::nullopt;
  ep.host = std::string(rest);
  return ep;
}

}  // namespace cohort::storage::redis
