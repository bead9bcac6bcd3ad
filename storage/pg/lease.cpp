#include "storage/pg/lease.hpp"

#include <atomic>
#include <future>

#include "storage/pg/connection.hpp"

namespace cohort::storage::pg {

struct lease::state {
  std::shared_ptr<connection> conn;
  std::atomic<bool> discard{false};

  ~state() {
    job release;
    release.what = job::kind::release;
    release.discard = discard.load();
    conn->submit(std::move(release));
  }
};

lease lease::failed(error_info error) {
  lease out;
  out.error_ = std::make_shared<const error_info>(std::move(error));
  return out;
}

lease lease::of(std::shared_ptr<connection> conn) {
  lease out;
  out.state_ = std::make_shared<state>();
  out.state_->conn = std::move(conn);
  return out;
}

void lease::query(std::string sql, params args, std::function<void(result)> done,
                  bool prepare) const {
  job work;
  work.what = job::kind::query;
  work.sql = std::move(sql);
  work.args = std::move(args);
  work.prepare = prepare;
  work.done = std::move(done);
  state_->conn->submit(std::move(work));
}

void lease::guarded_query(std::string guard_sql, params guard_args, std::string sql, params args,
                          std::function<void(result)> done) const {
  job work;
  work.what = job::kind::query;
  work.guarded = true;
  work.guard_sql = std::move(guard_sql);
  work.guard_args = std::move(guard_args);
  work.sql = std::move(sql);
  work.args = std::move(args);
  work.done = std::move(done);
  state_->conn->submit(std::move(work));
}

void lease::script(std::string sql, std::function<void(result)> done) const {
  job work;
  work.what = job::kind::script;
  work.sql = std::move(sql);
  work.done = std::move(done);
  state_->conn->submit(std::move(work));
}

namespace {

template <class Submit>
result wait_for(const std::shared_ptr<connection>& conn, Submit submit) {
  if (conn->on_pool_thread()) {
    return result::failure(error_kind::usage, "55000",
                           "blocking query called on a pool thread (it would deadlock)");
  }
  auto promise = std::make_shared<std::promise<result>>();
  auto future = promise->get_future();
  submit([promise](result outcome) { promise->set_value(std::move(outcome)); });
  return future.get();
}

}  // namespace

result lease::query_sync(std::string sql, params args, bool prepare) const {
  return wait_for(state_->conn, [&](std::function<void(result)> done) {
    query(std::move(sql), std::move(args), std::move(done), prepare);
  });
}

result lease::script_sync(std::string sql) const {
  return wait_for(state_->conn, [&](std::function<void(result)> done) {
    script(std::move(sql), std::move(done));
  });
}

void lease::discard() const {
  state_->discard = true;
}

}  // namespace cohort::storage::pg
