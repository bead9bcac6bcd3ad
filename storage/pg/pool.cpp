#include "storage/pg/pool.hpp"

#include <future>

#include <spdlog/spdlog.h>

#include "storage/pg/pool_core.hpp"
#include "storage/pg/transaction_runner.hpp"

namespace cohort::storage::pg {

namespace {

result usage_error_for_pool_thread() {
  return result::failure(error_kind::usage, "55000",
                         "blocking pool call on a pool thread (it would deadlock)");
}

}  // namespace

std::shared_ptr<pool> pool::create(pool_options options) {
  return std::shared_ptr<pool>(new pool(std::move(options)));
}

pool::pool(pool_options options)
    : options_(std::move(options)),
      io_(std::make_shared<boost::asio::io_context>(
          static_cast<int>(std::max<std::size_t>(options_.threads, 1)))),
      core_(std::make_shared<pool_core>(io_, options_)) {
  work_.emplace(io_->get_executor());
  for (std::size_t i = 0; i < std::max<std::size_t>(options_.threads, 1); ++i) {
    threads_.emplace_back([io = io_] {
      for (;;) {
        try {
          io->run();
          return;
        } catch (const std::exception& e) {
          spdlog::error("postgres pool: a callback threw: {}", e.what());
        }
      }
    });
  }
}

pool::~pool() {
  shutdown();
  work_.reset();
  bool on_own_thread = core_->on_pool_thread();
  if (on_own_thread) spdlog::warn("postgres pool destroyed on its own thread; detaching it");
  for (auto& thread : threads_) {
    if (on_own_thread) {
      thread.detach();
    } else {
      thread.join();
    }
  }
}

void pool::shutdown() {
  // The threads keep running until destruction so that requests made after shutdown still get
  // their error callback on a pool thread.
  core_->shutdown();
}

pool_stats pool::stats() const {
  return core_->stats();
}

void pool::acquire(std::function<void(lease)> done) {
  core_->acquire(std::move(done));
}

void pool::query(std::string sql, params args, callback done, bool prepare, admission kind) {
  core_->acquire(
      [sql = std::move(sql), args = std::move(args), done = std::move(done),
       prepare](lease conn) mutable {
        if (!conn) return done(result::failure(conn.error()));
        // The lease travels with the callback and returns the connection once it has run.
        conn.query(
            std::move(sql), std::move(args),
            [conn, done](result outcome) mutable {
              // Back to the pool first, so that a caller issuing its next query from `done` (or
              // right after being woken by it) finds this connection idle instead of opening
              // another.
              conn.release();
              done(std::move(outcome));
            },
            prepare);
      },
      kind);
}

void pool::guarded_query(statement guard, std::string sql, params args, callback done,
                         admission kind) {
  core_->acquire(
      [guard = std::move(guard), sql = std::move(sql), args = std::move(args),
       done = std::move(done)](lease conn) mutable {
        if (!conn) return done(result::failure(conn.error()));
        conn.guarded_query(std::move(guard.sql), std::move(guard.args), std::move(sql),
                           std::move(args), [conn, done](result outcome) mutable {
                             conn.release();
                             done(std::move(outcome));
                           });
      },
      kind);
}

void pool::transaction(std::vector<statement> statements,
                       std::function<void(transaction_result)> done) {
  core_->acquire([statements = std::move(statements), done = std::move(done)](lease conn) mutable {
    if (!conn) {
      transaction_result failed;
      failed.error = conn.error();
      return done(std::move(failed));
    }
    run_transaction(std::move(conn), std::move(statements), std::move(done));
  });
}

result pool::query_sync(std::string sql, params args, bool prepare) {
  if (core_->on_pool_thread()) return usage_error_for_pool_thread();
  auto promise = std::make_shared<std::promise<result>>();
  auto future = promise->get_future();
  query(
      std::move(sql), std::move(args),
      [promise](result outcome) { promise->set_value(std::move(outcome)); }, prepare);
  return future.get();
}

transaction_result pool::transaction_sync(std::vector<statement> statements) {
  if (core_->on_pool_thread()) {
    transaction_result failed;
    failed.error = usage_error_for_pool_thread().error();
    return failed;
  }
  auto promise = std::make_shared<std::promise<transaction_result>>();
  auto future = promise->get_future();
  transaction(std::move(statements),
              [promise](transaction_result outcome) { promise->set_value(std::move(outcome)); });
  return future.get();
}

lease pool::acquire_sync() {
  if (core_->on_pool_thread()) return lease::failed(usage_error_for_pool_thread().error());
  auto promise = std::make_shared<std::promise<lease>>();
  auto future = promise->get_future();
  acquire([promise](lease conn) { promise->set_value(std::move(conn)); });
  return future.get();
}

}  // namespace cohort::storage::pg
