// Helpers shared by the storage integration tests: a pool on the binary's private PostgreSQL and
// waiting for asynchronous callbacks.
#pragma once

#include <chrono>
#include <future>
#include <memory>
#include <string>

#include "fixtures/postgres_server.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::storage::testing {

inline pg::pool_options options_for(const std::string& conninfo) {
  pg::pool_options options;
  options.conninfo = conninfo;
  options.max_connections = 4;
  options.connect_timeout = std::chrono::seconds(5);
  return options;
}

inline std::shared_ptr<pg::pool> shared_server_pool() {
  return pg::pool::create(options_for(cohort::testing::postgres_server::shared().conninfo()));
}

// Starts an asynchronous query and returns a future for its result.
inline std::future<pg::result> query_async(pg::pool& pool, std::string sql, pg::params args = {},
                                           pg::admission kind = pg::admission::any) {
  auto promise = std::make_shared<std::promise<pg::result>>();
  auto future = promise->get_future();
  pool.query(
      std::move(sql), std::move(args),
      [promise](pg::result outcome) { promise->set_value(std::move(outcome)); }, true, kind);
  return future;
}

inline std::string error_text(const pg::result& outcome) {
  return outcome.ok() ? std::string("ok") : pg::describe(outcome.error());
}

}  // namespace cohort::storage::testing
