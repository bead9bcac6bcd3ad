#include "storage/pg/connection.hpp"

#include <libpq-fe.h>
#include <unistd.h>
#include <atomic>
#include <cstdlib>

#include <spdlog/spdlog.h>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>

#include "storage/pg/pool_core.hpp"

namespace cohort::storage::pg {

namespace net = boost::asio;
using wait_type = net::posix::descriptor_base::wait_type;

namespace {

void log_notice(void*, const char* message) {
  spdlog::debug("postgres notice: {}", message);
}

bool is_stale_plan(const result& outcome) {
  return !outcome.ok() && outcome.error().sqlstate == "0A000" &&
         outcome.error().message.find("cached plan must not change result type") !=
             std::string::npos;
}

// Set while the process runs its exit handlers. A pool that outlives main (a test fixture's,
// on purpose) sees its idle connections closed when PostgreSQL stops at exit; logging that from
// the pool's thread would touch spdlog's registry as it is destroyed. The handler is registered
// after spdlog's registry exists, so it runs before the registry's destructor.
std::atomic<bool> process_exiting{false};

void watch_process_exit() {
  static const bool registered = [] {
    spdlog::default_logger_raw();
    return std::atexit([] { process_exiting = true; }) == 0;
  }();
  (void)registered;
}

}  // namespace

connection::connection(std::shared_ptr<net::io_context> io, std::shared_ptr<pool_core> core)
    : io_(std::move(io)),
      core_(std::move(core)),
      strand_(net::make_strand(*io_)),
      socket_(strand_),
      connect_timer_(strand_) {
  watch_process_exit();
}

connection::~connection() {
  boost::system::error_code ignored;
  socket_.close(ignored);
  if (conn_) {
    PQfinish(conn_);
    core_->open--;
  }
}

void connection::submit(job work) {
  net::dispatch(strand_, [self = shared_from_this(), work = std::move(work)]() mutable {
    self->jobs_.push_back(std::move(work));
    self->run_next();
  });
}

void connection::post(std::function<void()> fn) {
  net::post(strand_, std::move(fn));
}

void connection::run_next() {
  if (busy_ || jobs_.empty()) return;
  busy_ = true;
  stop_idle_watch();
  start(jobs_.front());
}

void connection::start(job& work) {
  if (work.what == job::kind::release) return finish_release();
  ensure_connected([this](std::optional<error_info> failed) {
    if (failed) return complete(result::failure(std::move(*failed)));
    execute();
  });
}

void connection::execute() {
  job& work = jobs_.front();
  if (work.guarded) return execute_pipeline();
  auto done = [this](result outcome) { complete(std::move(outcome)); };
  if (work.what == job::kind::script) {
    return send_and_read(PQsendQuery(conn_, work.sql.c_str()) == 1, done);
  }
  std::vector<const char*> values;
  values.reserve(work.args.size());
  for (const auto& arg : work.args) values.push_back(arg ? arg->c_str() : nullptr);
  const int count = static_cast<int>(values.size());
  const auto& opts = core_->options();
  const bool prepare = work.prepare && opts.prepare_statements;
  if (prepare) {
    if (auto found = prepared_.find(work.sql); found != prepared_.end()) {
      return send_prepared(found->second);
    }
    if (prepared_.size() < opts.max_prepared_per_connection) {
      std::string name = "cohort_" + std::to_string(++next_statement_);
      bool sent = PQsendPrepare(conn_, name.c_str(), work.sql.c_str(), count, nullptr) == 1;
      return send_and_read(sent, [this, name](result prepared) {
        if (!prepared.ok()) return complete(std::move(prepared));
        prepared_.emplace(jobs_.front().sql, name);
        send_prepared(name);
      });
    }
  }
  bool sent = PQsendQueryParams(conn_, work.sql.c_str(), count, nullptr, values.data(), nullptr,
                                nullptr, 0) == 1;
  send_and_read(sent, done);
}

void connection::send_prepared(const std::string& name) {
  job& work = jobs_.front();
  std::vector<const char*> values;
  values.reserve(work.args.size());
  for (const auto& arg : work.args) values.push_back(arg ? arg->c_str() : nullptr);
  bool sent = PQsendQueryPrepared(conn_, name.c_str(), static_cast<int>(values.size()),
                                  values.data(), nullptr, nullptr, 0) == 1;
  send_and_read(sent, [this](result outcome) { complete(std::move(outcome)); });
}

// The guard and the statement go out together, ended by one Sync: PostgreSQL runs them in one
// implicit transaction, and after an error skips everything up to the Sync.
void connection::execute_pipeline() {
  job& work = jobs_.front();
  pipeline_parts_.clear();
  pipeline_prepared_.clear();
  pipeline_command_ = 0;
  pipeline_command_answered_ = false;
  if (PQenterPipelineMode(conn_) != 1) {
    return complete(connection_error(sqlstate::connection_failure, "entering pipeline mode"));
  }
  pipelining_ = true;
  bool sent = queue_in_pipeline(work.guard_sql, work.guard_args, true) &&
              queue_in_pipeline(work.sql, work.args, false) && PQpipelineSync(conn_) == 1;
  if (!sent) {
    auto failed = connection_error(sqlstate::connection_failure, "sending the pipeline failed");
    close();
    return complete(std::move(failed));
  }
  flush([this](result outcome) { complete(std::move(outcome)); });
}

// Queues one statement of a pipeline, prepared on this connection when it can be.
bool connection::queue_in_pipeline(const std::string& sql, const params& args, bool guard_part) {
  std::vector<const char*> values;
  values.reserve(args.size());
  for (const auto& arg : args) values.push_back(arg ? arg->c_str() : nullptr);
  const int count = static_cast<int>(values.size());
  const auto& opts = core_->options();
  if (opts.prepare_statements) {
    auto found = prepared_.find(sql);
    if (found == prepared_.end() && prepared_.size() < opts.max_prepared_per_connection) {
      std::string name = "cohort_" + std::to_string(++next_statement_);
      if (PQsendPrepare(conn_, name.c_str(), sql.c_str(), count, nullptr) != 1) return false;
      pipeline_parts_.push_back(guard_part);
      found = prepared_.emplace(sql, std::move(name)).first;
      pipeline_prepared_.push_back(sql);
    }
    if (found != prepared_.end()) {
      pipeline_parts_.push_back(guard_part);
      return PQsendQueryPrepared(conn_, found->second.c_str(), count, values.data(), nullptr,
                                 nullptr, 0) == 1;
    }
  }
  pipeline_parts_.push_back(guard_part);
  return PQsendQueryParams(conn_, sql.c_str(), count, nullptr, values.data(), nullptr, nullptr,
                           0) == 1;
}

// Reads a pipeline's results up to its Sync. Each command's results end with a null result; the
// Sync's result ends the pipeline.
void connection::read_pipeline(std::function<void(result)> next) {
  while (!PQisBusy(conn_)) {
    PGresult* res = PQgetResult(conn_);
    if (!res) {
      // Two nulls in a row: nothing more has arrived yet.
      if (!pipeline_command_answered_) break;
      ++pipeline_command_;
      pipeline_command_answered_ = false;
      continue;
    }
    if (PQresultStatus(res) == PGRES_PIPELINE_SYNC) {
      PQclear(res);
      pipelining_ = false;
      const bool exited = PQexitPipelineMode(conn_) == 1;
      auto outcome = take_collected();
      if (!outcome.ok()) {
        for (const auto& sql : pipeline_prepared_) prepared_.erase(sql);
      }
      if (!exited) close();
      return next(std::move(outcome));
    }
    pipeline_command_answered_ = true;
    collect_pipeline(res);
  }
  await_input(std::move(next));
}

void connection::collect_pipeline(PGresult* res) {
  if (PQresultStatus(res) == PGRES_PIPELINE_ABORTED) {
    // Skipped after an earlier error, which is already collected.
    PQclear(res);
    return;
  }
  const bool guard_part =
      pipeline_command_ < pipeline_parts_.size() && pipeline_parts_[pipeline_command_];
  if (!guard_part || PQresultStatus(res) != PGRES_FATAL_ERROR) return collect(res);
  if (collected_error_) {
    PQclear(res);
    return;
  }
  auto error = result::from_pg(res).error();
  error.message = error.sqlstate + ": " + error.message;
  error.sqlstate = std::string(sqlstate::guard_failed);
  collected_error_ = result::failure(std::move(error));
}

void connection::complete(result outcome) {
  job& current = jobs_.front();
  if (is_stale_plan(outcome) && !current.retried && conn_ &&
      PQtransactionStatus(conn_) == PQTRANS_IDLE) {
    // The table behind a cached statement changed shape (DDL from metadata): prepare it again.
    prepared_.erase(current.sql);
    current.retried = true;
    return execute();
  }
  // After a connection error the session's state is unknown: start afresh on the next job.
  bool broken = !outcome.ok() && outcome.error().kind == error_kind::connection;
  if (conn_ && (broken || PQstatus(conn_) == CONNECTION_BAD)) close();
  core_->total_queries++;
  if (!outcome.ok()) core_->errors++;
  job finished = std::move(current);
  jobs_.pop_front();
  busy_ = false;
  if (finished.done) finished.done(std::move(outcome));
  run_next();
}

void connection::finish_release() {
  auto hand_back = [this] {
    bool discard = jobs_.front().discard;
    jobs_.pop_front();
    busy_ = false;
    if (discard) close();
    core_->give_back(shared_from_this(), discard);
    run_next();
  };
  if (!conn_) return hand_back();
  auto status = PQtransactionStatus(conn_);
  if (status == PQTRANS_IDLE) return hand_back();
  if (status != PQTRANS_INTRANS && status != PQTRANS_INERROR) {
    close();
    return hand_back();
  }
  // A lease ended inside a transaction: never hand an open transaction to the next user.
  send_and_read(PQsendQuery(conn_, "ROLLBACK") == 1, [this, hand_back](result rolled_back) {
    if (!rolled_back.ok()) close();
    hand_back();
  });
}

void connection::ensure_connected(done_fn next) {
  if (conn_ && PQstatus(conn_) == CONNECTION_OK) return next(std::nullopt);
  close();
  const auto& opts = core_->options();
  const char* keys[] = {"dbname", "fallback_application_name", nullptr};
  const char* values[] = {opts.conninfo.c_str(), opts.application_name.c_str(), nullptr};
  conn_ = PQconnectStartParams(keys, values, 1);
  if (!conn_) {
    return next(connection_error(sqlstate::unable_to_connect, "out of memory").error());
  }
  core_->open++;
  if (PQstatus(conn_) == CONNECTION_BAD) {
    auto failed = connection_error(sqlstate::unable_to_connect, "cannot connect");
    close();
    return next(failed.error());
  }
  unsigned generation = ++generation_;
  connect_timer_.expires_after(opts.connect_timeout);
  connect_timer_.async_wait([this, self = shared_from_this(), generation, next](auto ec) {
    if (ec || generation != generation_) return;
    ++generation_;
    close();
    next(error_info{error_kind::connection,
                    std::string(sqlstate::unable_to_connect),
                    "timed out connecting to PostgreSQL",
                    {},
                    {},
                    {}});
  });
  poll_connect(PGRES_POLLING_WRITING, generation, std::move(next));
}

void connection::poll_connect(int poll_status, unsigned generation, done_fn next) {
  if (poll_status == PGRES_POLLING_OK) {
    ++generation_;
    connect_timer_.cancel();
    track_socket();
    core_->connects++;
    PQsetnonblocking(conn_, 1);
    PQsetNoticeProcessor(conn_, log_notice, nullptr);
    return apply_session_settings(std::move(next));
  }
  if (poll_status == PGRES_POLLING_FAILED) {
    ++generation_;
    connect_timer_.cancel();
    auto failed = connection_error(sqlstate::unable_to_connect, "cannot connect");
    close();
    return next(failed.error());
  }
  track_socket();
  auto wait = poll_status == PGRES_POLLING_READING ? wait_type::wait_read : wait_type::wait_write;
  socket_.async_wait(wait, [this, self = shared_from_this(), generation, next](auto ec) {
    if (generation != generation_) return;
    if (ec) {
      ++generation_;
      connect_timer_.cancel();
      close();
      return next(error_info{error_kind::connection,
                             std::string(sqlstate::unable_to_connect),
                             "waiting for the connection failed: " + ec.message(),
                             {},
                             {},
                             {}});
    }
    poll_connect(PQconnectPoll(conn_), generation, next);
  });
}

void connection::apply_session_settings(done_fn next) {
  const auto& opts = core_->options();
  std::vector<std::pair<std::string, std::string>> settings = opts.session_settings;
  if (opts.statement_timeout.count() > 0) {
    settings.emplace_back("statement_timeout", std::to_string(opts.statement_timeout.count()));
  }
  if (settings.empty()) return next(std::nullopt);
  std::string sql = "SELECT";
  params args;
  for (const auto& [name, value] : settings) {
    auto n = args.size();
    sql += (n ? ", " : " ") + std::string("set_config($") + std::to_string(n + 1) + ", $" +
           std::to_string(n + 2) + ", false)";
    args.emplace_back(name);
    args.emplace_back(value);
  }
  std::vector<const char*> values;
  for (const auto& arg : args) values.push_back(arg->c_str());
  bool sent = PQsendQueryParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr,
                                values.data(), nullptr, nullptr, 0) == 1;
  send_and_read(sent, [this, next](result applied) {
    if (applied.ok()) return next(std::nullopt);
    close();
    auto failed = applied.error();
    failed.message = "applying session settings failed: " + failed.message;
    next(std::move(failed));
  });
}

void connection::track_socket() {
  // Asio watches a dup of libpq's socket; during connection set-up libpq may replace its socket,
  // so follow it on every step.
  boost::system::error_code ignored;
  socket_.close(ignored);
  int fd = PQsocket(conn_);
  if (fd < 0) return;
  int copy = ::dup(fd);
  if (copy >= 0) socket_.assign(copy, ignored);
}

void connection::send_and_read(bool sent, std::function<void(result)> next) {
  if (!sent)
    return next(connection_error(sqlstate::connection_failure, "sending the query failed"));
  flush(std::move(next));
}

void connection::flush(std::function<void(result)> next) {
  int pending = PQflush(conn_);
  if (pending < 0) return next(connection_error(sqlstate::connection_failure, "sending failed"));
  if (pending == 0) return read(std::move(next));
  unsigned generation = generation_;
  socket_.async_wait(
      wait_type::wait_write, [this, self = shared_from_this(), generation, next](auto ec) {
        if (generation != generation_) return;
        if (ec) {
          return next(connection_error(sqlstate::connection_failure, "waiting to send failed"));
        }
        // Drain input while the output is stuck so neither side's buffer fills.
        if (PQconsumeInput(conn_) == 0) {
          return next(connection_error(sqlstate::connection_failure, "lost"));
        }
        flush(next);
      });
}

void connection::read(std::function<void(result)> next) {
  if (pipelining_) return read_pipeline(std::move(next));
  while (!PQisBusy(conn_)) {
    PGresult* res = PQgetResult(conn_);
    if (!res) return next(take_collected());
    collect(res);
  }
  await_input(std::move(next));
}

// Waits until the socket is readable, takes in what arrived and reads on.
void connection::await_input(std::function<void(result)> next) {
  unsigned generation = generation_;
  socket_.async_wait(wait_type::wait_read, [this, self = shared_from_this(), generation,
                                            next](auto ec) {
    if (generation != generation_) return;
    if (ec) {
      return next(connection_error(sqlstate::connection_failure, "waiting for the result failed"));
    }
    if (PQconsumeInput(conn_) == 0) {
      // The server may have sent its reason (e.g. 57P01) before closing.
      while (PGresult* res = PQgetResult(conn_)) collect(res);
      if (collected_error_) return next(take_collected());
      return next(
          connection_error(sqlstate::connection_failure, "connection to the server was lost"));
    }
    read(next);
  });
}

void connection::collect(PGresult* res) {
  result one = result::from_pg(res);
  if (!one.ok()) {
    if (!collected_error_) collected_error_ = std::move(one);
  } else {
    collected_ok_ = std::move(one);
  }
}

result connection::take_collected() {
  result out;
  if (collected_error_) {
    out = std::move(*collected_error_);
  } else if (collected_ok_) {
    out = std::move(*collected_ok_);
  }
  collected_error_.reset();
  collected_ok_.reset();
  return out;
}

result connection::connection_error(std::string_view state, std::string_view what) {
  collected_error_.reset();
  collected_ok_.reset();
  std::string message(what);
  if (conn_) {
    std::string detail = PQerrorMessage(conn_);
    while (!detail.empty() && (detail.back() == '\n' || detail.back() == ' ')) detail.pop_back();
    if (!detail.empty()) message += ": " + detail;
  }
  return result::failure(error_kind::connection, state, std::move(message));
}

void connection::watch_idle() {
  if (!conn_ || busy_ || !jobs_.empty()) return;
  unsigned generation = generation_;
  socket_.async_wait(wait_type::wait_read, [this, self = shared_from_this(), generation](auto ec) {
    if (ec || generation != generation_ || busy_ || !conn_) return;
    // Nothing is expected on an idle connection but notices, or the server saying goodbye.
    if (PQconsumeInput(conn_) == 0 || PQstatus(conn_) == CONNECTION_BAD) {
      if (!process_exiting) {
        spdlog::info("postgres connection closed by the server while idle: {}",
                     PQerrorMessage(conn_));
      }
      return close();
    }
    while (PGnotify* note = PQnotifies(conn_)) PQfreemem(note);
    watch_idle();
  });
}

void connection::stop_idle_watch() {
  ++generation_;
  boost::system::error_code ignored;
  socket_.cancel(ignored);
}

void connection::close() {
  ++generation_;
  boost::system::error_code ignored;
  socket_.close(ignored);
  connect_timer_.cancel();
  prepared_.clear();
  pipelining_ = false;
  if (conn_) {
    PQfinish(conn_);
    conn_ = nullptr;
    core_->open--;
  }
}

}  // namespace cohort::storage::pg
