// Asynchronous PostgreSQL connection pool: libpq in non-blocking mode on the pool's own Asio
// threads, so no caller's thread ever waits for the database. Bounded (max_connections, max_queue),
// lazily connected, self-healing after lost connections, with per-connection prepared statements.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

#include "storage/pg/lease.hpp"
#include "storage/pg/pool_options.hpp"
#include "storage/pg/pool_stats.hpp"
#include "storage/pg/result.hpp"

namespace cohort::storage::pg {

class pool_core;

struct statement {
  std::string sql;
  params args;
};

// Outcome of transaction(): one result per statement when committed, otherwise the error that
// rolled it back and the index of the statement that failed (statements.size() for COMMIT).
struct transaction_result {
  std::vector<result> results;
  std::optional<error_info> error;
  int failed_statement = -1;
  bool ok() const { return !error; }
};

class pool {
 public:
  using callback = std::function<void(result)>;

  static std::shared_ptr<pool> create(pool_options options);
  // Shuts down and waits for the pool's threads (in-flight statements complete first). Must not
  // run on one of the pool's own threads; if it does, the threads are detached instead.
  ~pool();
  pool(const pool&) = delete;
  pool& operator=(const pool&) = delete;

  // Runs one statement with bound text parameters; `done` runs on a pool thread. Never blocks:
  // with every connection busy the request waits in a bounded queue, beyond which it fails at
  // once with error_kind::queue_full. The statement is prepared on first use per connection;
  // pass prepare = false for one-off SQL (DDL) so it does not fill the statement cache.
  void query(std::string sql, params args, callback done, bool prepare = true,
             admission kind = admission::any);
  // Runs `guard` and then the statement in one libpq pipeline on one connection (one round trip,
  // one implicit transaction): when the guard raises, the statement is skipped, nothing of it
  // commits, and the result is the guard's error with SQLSTATE "CHST1" (the guard's own SQLSTATE
  // and message in the message). Otherwise the statement's result, as query() gives it.
  void guarded_query(statement guard, std::string sql, params args, callback done,
                     admission kind = admission::any);
  // Runs the statements in order on one connection inside BEGIN ... COMMIT; rolls back on the
  // first error.
  void transaction(std::vector<statement> statements, std::function<void(transaction_result)> done);
  // Exclusive use of one connection for a sequence of statements.
  void acquire(std::function<void(lease)> done);

  // Blocking versions for start-up code and tests. On a pool thread they fail with
  // error_kind::usage instead of dead-locking.
  result query_sync(std::string sql, params args = {}, bool prepare = true);
  transaction_result transaction_sync(std::vector<statement> statements);
  lease acquire_sync();

  // Fails queued requests, closes idle connections, refuses new requests; statements already
  // running complete and their connections close when they finish.
  void shutdown();
  pool_stats stats() const;
  const pool_options& options() const { return options_; }

 private:
  explicit pool(pool_options options);

  pool_options options_;
  std::shared_ptr<boost::asio::io_context> io_;
  std::shared_ptr<pool_core> core_;
  std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> work_;
  std::vector<std::thread> threads_;
};

}  // namespace cohort::storage::pg
