// Settings of the asynchronous connection pool. Plain values: the runtime layer maps Cohort's
// configuration onto them.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace cohort::storage::pg {

// How a statement is let onto a connection. `read`: a read-only statement, of which at most
// pool_options::max_concurrent_reads run at once; beyond that it waits in the pool's queue even if
// a connection is idle. Writes and transactions (`any`) are not limited that way: most of their
// time is the wait for the commit's WAL flush, when the backend uses no CPU and more of them in
// flight means more commits flushed together.
enum class admission : std::uint8_t { any, read };

struct pool_options {
  std::string conninfo;             // libpq connection string or postgresql:// URI
  std::size_t max_connections = 8;  // connections are opened lazily, up to this many
  std::size_t max_queue = 10000;    // requests waiting for a connection; beyond it they fail
  std::size_t threads = 1;          // threads running the pool's io_context
  // Read-only statements (admission::read) running at once; 0: no limit. A read keeps a
  // PostgreSQL backend on the CPU for its whole run, so reads beyond the cores only queue inside
  // PostgreSQL, where many backends sharing few cores stretch the slowest answers (see admission
  // above).
  std::size_t max_concurrent_reads = 0;
  std::chrono::milliseconds connect_timeout{5000};
  std::chrono::milliseconds statement_timeout{0};  // 0: the server's default
  bool prepare_statements = true;                  // prepare each SQL text once per connection
  std::size_t max_prepared_per_connection = 1000;  // beyond it, statements run unprepared
  std::string application_name = "cohort";
  // Extra session settings applied with set_config() on every new connection (e.g. search_path).
  std::vector<std::pair<std::string, std::string>> session_settings;
};

}  // namespace cohort::storage::pg
