// Builds libpq connection strings from key/value pairs, quoting values so that paths with spaces or
// quotes survive, and the conninfo that reaches a server listening only on a unix socket directory.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cohort::storage::pg {

// A value as libpq's conninfo parser expects it: bare when it is a plain word, otherwise in single
// quotes with ' and \ escaped by a backslash.
std::string quote_conninfo_value(std::string_view value);

// "key1=value1 key2=value2" with each value quoted as needed.
std::string build_conninfo(const std::vector<std::pair<std::string, std::string>>& pairs);

// host=<socket dir> port=<port> user=<user> dbname=<dbname>
std::string unix_socket_conninfo(const std::filesystem::path& socket_dir, int port,
                                 std::string_view user, std::string_view dbname);

}  // namespace cohort::storage::pg
