#include "storage/pg/pool_core.hpp"

#include <boost/asio/post.hpp>

#include "storage/pg/connection.hpp"

namespace cohort::storage::pg {

pool_core::pool_core(std::shared_ptr<boost::asio::io_context> io, pool_options options)
    : io_(std::move(io)), options_(std::move(options)) {}

void pool_core::acquire(std::function<void(lease)> waiter) {
  std::unique_lock lock(mutex_);
  if (closed_) {
    lock.unlock();
    return fail_later(std::move(waiter), error_kind::shut_down, "57P01",
                      "the connection pool is shut down");
  }
  if (!idle_.empty()) {
    auto conn = std::move(idle_.back());
    idle_.pop_back();
    idle_count_--;
    in_use_++;
    lock.unlock();
    return hand_over(conn, std::move(waiter));
  }
  if (all_.size() < std::max<std::size_t>(options_.max_connections, 1)) {
    // Opened lazily: the connection connects when its first statement arrives.
    auto conn = std::make_shared<connection>(io_, shared_from_this());
    all_.push_back(conn);
    in_use_++;
    lock.unlock();
    return hand_over(conn, std::move(waiter));
  }
  if (waiting_.size() < options_.max_queue) {
    waiting_.push_back(std::move(waiter));
    waiting_count_++;
    return;
  }
  lock.unlock();
  fail_later(std::move(waiter), error_kind::queue_full, "53000",
             "too many queries waiting for a database connection (max_queue " +
                 std::to_string(options_.max_queue) + ")");
}

void pool_core::give_back(const std::shared_ptr<connection>& conn, bool discard) {
  std::unique_lock lock(mutex_);
  if (closed_) {
    std::erase(all_, conn);
    in_use_--;
    lock.unlock();
    conn->close();
    return;
  }
  (void)discard;  // a discarded connection was closed; it reconnects when next used
  if (!waiting_.empty()) {
    auto waiter = std::move(waiting_.front());
    waiting_.pop_front();
    waiting_count_--;
    lock.unlock();
    return hand_over(conn, std::move(waiter));
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
    fail_later(std::move(waiter), error_kind::shut_down, "57P01",
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
