// One pooled libpq connection driven by Asio: the pool's internals, not for direct use. All of its
// state lives on its own strand; libpq does the I/O and Asio only reports readiness of a dup of the
// socket (so a socket number that libpq closes and reuses never confuses the reactor).
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>

#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "storage/pg/result.hpp"

struct pg_conn;

namespace cohort::storage::pg {

class pool_core;

struct job {
  enum class kind { query, script, release };
  kind what = kind::query;
  std::string sql;
  params args;
  bool prepare = true;
  bool discard = false;  // release: close instead of returning to the pool
  bool retried = false;
  // Set: guard_sql runs first, in one libpq pipeline with `sql` (one Sync, so one implicit
  // transaction): an error of the guard aborts `sql` before it runs. The job's result is then the
  // guard's error with SQLSTATE sqlstate::guard_failed (its own SQLSTATE and message in the
  // message), else the statement's result.
  bool guarded = false;
  std::string guard_sql;
  params guard_args;
  std::function<void(result)> done;
};

class connection : public std::enable_shared_from_this<connection> {
 public:
  connection(std::shared_ptr<boost::asio::io_context> io, std::shared_ptr<pool_core> core);
  ~connection();
  connection(const connection&) = delete;
  connection& operator=(const connection&) = delete;

  // Queues a job; runs jobs in order. Safe from any thread.
  void submit(job work);
  // Runs fn on this connection's strand.
  void post(std::function<void()> fn);
  bool on_strand() const { return strand_.running_in_this_thread(); }
  bool on_pool_thread() const { return io_->get_executor().running_in_this_thread(); }
  // On the strand, when the pool parks this connection: watch the idle socket so that a server
  // that goes away (restart, pg_terminate_backend) is noticed before the next query.
  void watch_idle();
  // On the strand: close the server session now.
  void close();

 private:
  using done_fn = std::function<void(std::optional<error_info>)>;
  void run_next();
  void start(job& work);
  void execute();
  void send_prepared(const std::string& name);
  void execute_pipeline();
  bool queue_in_pipeline(const std::string& sql, const params& args, bool guard_part);
  void read_pipeline(std::function<void(result)> next);
  void collect_pipeline(::pg_result* res);
  void complete(result outcome);
  void finish_release();
  void ensure_connected(done_fn next);
  void poll_connect(int poll_status, unsigned generation, done_fn next);
  void apply_session_settings(done_fn next);
  void track_socket();
  void send_and_read(bool sent, std::function<void(result)> next);
  void flush(std::function<void(result)> next);
  void read(std::function<void(result)> next);
  void await_input(std::function<void(result)> next);
  void collect(::pg_result* res);
  result take_collected();
  result connection_error(std::string_view state, std::string_view what);
  void stop_idle_watch();

  std::shared_ptr<boost::asio::io_context> io_;  // first member: destroyed last
  std::shared_ptr<pool_core> core_;
  boost::asio::strand<boost::asio::io_context::executor_type> strand_;
  boost::asio::posix::stream_descriptor socket_;
  boost::asio::steady_timer connect_timer_;
  pg_conn* conn_ = nullptr;
  std::deque<job> jobs_;
  bool busy_ = false;
  unsigned generation_ = 0;  // bumped whenever a pending wait must be ignored
  std::unordered_map<std::string, std::string> prepared_;  // SQL text -> statement name
  unsigned long next_statement_ = 0;
  std::optional<result> collected_ok_;
  std::optional<result> collected_error_;
  // A guarded job's pipeline while its results are read: which part each queued command belongs
  // to (true: the guard), the command whose results come next, and the statements prepared in it
  // (forgotten again if the pipeline fails, since an aborted Parse never reached the server).
  bool pipelining_ = false;
  std::vector<bool> pipeline_parts_;
  std::size_t pipeline_command_ = 0;
  bool pipeline_command_answered_ = false;
  std::vector<std::string> pipeline_prepared_;
};

}  // namespace cohort::storage::pg
