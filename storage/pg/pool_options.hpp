// Settings of the asynchronous connection pool. Plain values: the runtime layer maps Cohort's
// configuration onto them.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace cohort::storage::pg {

struct pool_options {
  std::string conninfo;             // libpq connection string or postgresql:// URI
  std::size_t max_connections = 8;  // connections are opened lazily, up to this many
  std::size_t max_queue = 10000;    // requests waiting for a connection; beyond it they fail
  std::size_t threads = 1;          // threads running the pool's io_context
  std::chrono::milliseconds connect_timeout{5000};
  std::chrono::milliseconds statement_timeout{0};  // 0: the server's default
  bool prepare_statements = true;                  // prepare each SQL text once per connection
  std::size_t max_prepared_per_connection = 1000;  // beyond it, statements run unprepared
  std::string application_name = "cohort";
  // Extra session settings applied with set_config() on every new connection (e.g. search_path).
  std::vector<std::pair<std::string, std::string>> session_settings;
};

}  // namespace cohort::storage::pg
