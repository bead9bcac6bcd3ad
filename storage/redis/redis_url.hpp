// REDIS_URL parsing: redis://[[user]:password@]host[:port][/db] or unix:///path/to.sock[?db=N].
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cohort::storage::redis {

struct redis_endpoint {
  std::string host;  // empty for a unix socket
  int port = 6379;
  std::string socket_path;  // set for unix://
  std::string user;
  std::string password;
  int db = 0;
};

// Nothing when the URL is not one of the two forms above.
std::optional<redis_endpoint> parse_redis_url(std::string_view url);

}  // namespace cohort::storage::redis
