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
  // at once (queue full, shut down) on a pool thread. A read waits while max_concurrent_reads run.
  void acquire(std::function<void(lease)> waiter, admission kind = admission::any);
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
  struct waiter_entry {
    std::function<void(lease)> fn;
    admission kind;
  };
  bool read_admissible() const;
  // Marks `conn` as running `kind` (under the mutex) and hands it over.
  void start(const std::shared_ptr<connection>& conn, waiter_entry entry,
             std::unique_lock<std::mutex>& lock);
  void hand_over(const std::shared_ptr<connection>& conn, std::function<void(lease)> waiter);

  std::shared_ptr<boost::asio::io_context> io_;
  const pool_options options_;
  mutable std::mutex mutex_;
  std::vector<std::shared_ptr<connection>> all_;
  std::vector<std::shared_ptr<connection>> idle_;
  std::deque<waiter_entry> waiting_;  // first come, first served, among those admissible
  // The connections running an admitted read (their number is the reads running), to count a read
  // off when its connection comes back.
  std::vector<const connection*> running_reads_;
  bool closed_ = false;
  std::atomic<std::uint64_t> in_use_{0};
  std::atomic<std::uint64_t> idle_count_{0};
  std::atomic<std::uint64_t> waiting_count_{0};
};

}  // namespace cohort::storage::pg
