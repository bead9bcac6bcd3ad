#include "storage/pg/pool_core.hpp"

#include <algorithm>

#include <boost/asio/post.hpp>

#include "storage/pg/connection.hpp"

namespace cohort::storage::pg {

pool_core::pool_core(std::shared_ptr<boost::asio::io_context> io, pool_options options)
    : io_(std::move(io)), options_(std::move(options)) {}

void pool_core::acquire(std::function<void(lease)> waiter, admission kind) {
  std::unique_lock lock(mutex_);
  if (closed_) {
    lock.unlock();
    return fail_later(std::move(waiter), error_kind::shut_down, "57P01",
                      "the connection pool is shut down");
  }
  const bool admissible = kind != admission::read || read_admissible();
  if (admissible && !idle_.empty()) {
    auto conn = std::move(idle_.back());
    idle_.pop_back();
    idle_count_--;
    in_use_++;
    return start(conn, {std::move(waiter), kind}, lock);
  }
  if (admissible && all_.size() < std::max<std::size_t>(options_.max_connections, 1)) {
    // Opened lazily: the connection connects when its first statement arrives.
    auto conn = std::make_shared<connection>(io_, shared_from_this());
    all_.push_back(conn);
    in_use_++;
    return start(conn, {std::move(waiter), kind}, lock);
  }
  if (waiting_.size() < options_.max_queue) {
    waiting_.push_back({std::move(waiter), kind});
    waiting_count_++;
    return;
  }
  lock.unlock();
  fail_later(std::move(waiter), error_kind::queue_full, "53000",
             "too many queries waiting for a database connection (max_queue " +
                 std::to_string(options_.max_queue) + ")");
}

bool pool_core::read_admissible() const {
  return options_.max_concurrent_reads == 0 ||
         running_reads_.size() < options_.max_concurrent_reads;
}

void pool_core::start(const std::shared_ptr<connection>& conn, waiter_entry entry,
                      std::unique_lock<std::mutex>& lock) {
  if (entry.kind == admission::read) running_reads_.push_back(conn.get());
  lock.unlock();
  hand_over(conn, std::move(entry.fn));
}

void pool_core::give_back(const std::shared_ptr<connection>& conn, bool discard) {
  std::unique_lock lock(mutex_);
  std::erase(running_reads_, conn.get());
  if (closed_) {
    std::erase(all_, conn);
    in_use_--;
    lock.unlock();
    conn->close();
    return;
  }
  (void)discard;  // a discarded connection was closed; it reconnects when next used
  // The oldest waiter that may run: the first in line, unless it is a read while the reads are
  // at their limit, in which case the first write behind it (reads keep their order).
  auto next = waiting_.begin();
  if (!read_admissible()) {
    next = std::find_if(waiting_.begin(), waiting_.end(),
                        [](const waiter_entry& w) { return w.kind != admission::read; });
  }
  if (next != waiting_.end()) {
    auto entry = std::move(*next);
    waiting_.erase(next);
    waiting_count_--;
    return start(conn, std::move(entry), lock);
  }
  idle_.push_back(conn);
  idle_count_++;
  in_use_--;
  lock.unlock();
  conn->watch_idle();
}

void pool_core::hand_over(const std::shared_ptr<connection>& conn,
                          std::function<void(lease)> waiter) {
  conn->post([conn, waiter = std::move(waiter)] { waiter(lease::of(conn)); });
}

void pool_core::fail_later(std::function<void(lease)> waiter, error_kind kind,
                           std::string_view state, std::string message) {
  error_info error{kind, std::string(state), std::move(message), {}, {}, {}};
  boost::asio::post(*io_, [waiter = std::move(waiter), error = std::move(error)]() mutable {
    waiter(lease::failed(std::move(error)));
  });
}

void pool_core::shutdown() {
  std::unique_lock lock(mutex_);
  if (closed_) return;
  closed_ = true;
  auto waiting = std::move(waiting_);
  waiting_.clear();
  waiting_count_ = 0;
  auto idle = std::move(idle_);
  idle_.clear();
  idle_count_ = 0;
  for (const auto& conn : idle) std::erase(all_, conn);
  lock.unlock();
  for (auto& waiter : waiting) {
    fail_later(std::move(waiter.fn), error_kind::shut_down, "57P01",
               "the connection pool shut down before the query ran");
  }
  for (auto& conn : idle) conn->post([conn] { conn->close(); });
}

pool_stats pool_core::stats() const {
  pool_stats out;
  out.in_use = in_use_.load();
  out.idle = idle_count_.load();
  out.waiting = waiting_count_.load();
  out.open = open.load();
  out.total_queries = total_queries.load();
  out.errors = errors.load();
  out.connects = connects.load();
  return out;
}

}  // namespace cohort::storage::pg
