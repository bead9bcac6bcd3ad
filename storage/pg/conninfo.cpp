#include "storage/pg/conninfo.hpp"

#include <algorithm>

namespace cohort::storage::pg {

std::string quote_conninfo_value(std::string_view value) {
  bool bare = !value.empty() && std::none_of(value.begin(), value.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\'' || c == '\\' || c == '=';
  });
  if (bare) return std::string(value);
  std::string quoted = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') quoted += '\\';
    quoted += c;
  }
  quoted += '\'';
  return quoted;
}

std::string build_conninfo(const std::vector<std::pair<std::string, std::string>>& pairs) {
  std::string out;
  for (const auto& [key, value] : pairs) {
    if (!out.empty()) out += ' ';
    out += key;
    out += '=';
    out += quote_conninfo_value(value);
  }
  return out;
}

std::string unix_socket_conninfo(const std::filesystem::path& socket_dir, int port,
                                 std::string_view user, std::string_view dbname) {
  return build_conninfo({{"host", socket_dir.string()},
                         {"port", std::to_string(port)},
                         {"user", std::string(user)},
                         {"dbname", std::string(dbname)}});
}

}  // namespace cohort::storage::pg
