// Counters of the connection pool for /metrics; a snapshot taken from atomics, readable from any
// thread.
#pragma once

#include <cstdint>

namespace cohort::storage::pg {

struct pool_stats {
  std::uint64_t in_use = 0;         // connections leased to a query, transaction or lease holder
  std::uint64_t idle = 0;           // connections waiting in the pool
  std::uint64_t waiting = 0;        // requests queued for a connection
  std::uint64_t open = 0;           // connections with a live server session
  std::uint64_t total_queries = 0;  // statements completed (successful or not)
  std::uint64_t errors = 0;         // statements that ended in an error (server or connection)
  std::uint64_t connects = 0;       // successful connection attempts (first and re-connects)
};

}  // namespace cohort::storage::pg
