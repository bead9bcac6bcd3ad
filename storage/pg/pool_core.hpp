// The shared state of a pool (connections, idle list, wait queue, counters) that connections and
// leases keep alive; the pool's internals, not for direct use.
#pragma once

#include <atomic>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include <boost/asio/io_context.hpp>

#include "storage/pg/lease.hpp"
#include "storage/pg/pool_options.hpp"
#include "storage/pg/pool_stats.hpp"

namespace cohort::storage::pg {

class connection;

class pool_core : public std::enable_shared_from_this<pool_core> {
 public:
  pool_core(std::shared_ptr<boost::asio::io_context> io, pool_options options);

  // Hands a connection to `waiter` on that connection's strand, or queues the request, or fails it
  // at once (queue full, shut down) on a pool thread.
  void acquire(std::function<void(lease)> waiter);
  // Called on the connection's strand when its lease ends.
  void give_back(const std::shared_ptr<connection>& conn, bool discard);
  void shutdown();
  pool_stats stats() const;

  const pool_options& options() const { return options_; }
  boost::asio::io_context& io() { return *io_; }
  bool on_pool_thread() const { return io_->get_executor().running_in_this_thread(); }

  std::atomic<std::uint64_t> open{0};
  std::atomic<std::uint64_t> total_queries{0};
  std::atomic<std::uint64_t> errors{0};
  std::atomic<std::uint64_t> connects{0};

 private:
  void fail_later(std::function<void(lease)> waiter, error_kind kind, std::string_view state,
                  std::string message);
  void hand_over(const std::shared_ptr<connection>& conn, std::function<void(lease)> waiter);

  std::shared_ptr<boost::asio::io_context> io_;
  const pool_options options_;
  mutable std::mutex mutex_;
  std::vector<std::shared_ptr<connection>> all_;
  std::vector<std::shared_ptr<connection>> idle_;
  std::deque<std::function<void(lease)>> waiting_;
  bool closed_ = false;
  std::atomic<std::uint64_t> in_use_{0};
  std::atomic<std::uint64_t> idle_count_{0};
  std::atomic<std::uint64_t> waiting_count_{0};
};

}  // namespace cohort::storage::pg
