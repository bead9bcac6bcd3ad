#include "storage/query/run.hpp"

#include <spdlog/spdlog.h>
#include <boost/json/parse.hpp>
#include <future>
#include <memory>

#include "storage/events/outbox_doorbell.hpp"
#include "storage/query/compile.hpp"
#include "storage/query/db_errors.hpp"
#include "storage/query/verbatim_text.hpp"

namespace cohort::storage::query {

namespace {

// A record statement runs alone, so PostgreSQL rolled all of it back when it lost a deadlock
// (40P01: a bulk write against the event consumers' writes to the same rows) or a serialization
// check (40001): sending it again is safe, and the caller should not see either.
constexpr int max_attempts = 3;

bool worth_another_attempt(const pg::result& r, int attempt) {
  if (r.ok() || attempt >= max_attempts) return false;
  const auto& state = r.error().sqlstate;
  return state == "40P01" || state == "40001";
}

struct statement_run {
  pg::pool& pool;
  compiled_statement statement;
  std::string object;
  std::shared_ptr<core::standing_guard> guard;
  bool writes = false;  // a committed write has outbox rows for the relays
  model::verbatim_answer verbatim;
  run_callback done;
  int attempt = 0;
};

void answer(statement_run& run, pg::result r) {
  if (!r.ok()) {
    // SQLSTATE and message only: the detail can hold the row's values.
    spdlog::warn("record query on {} failed: {}: {}", run.object, r.error().sqlstate,
                 r.error().message);
    run.done(translate_db_error(r.error()));
    return;
  }
  if (run.writes) events::ring_outbox(run.pool);
  if (r.rows() != 1 || r.is_null(0, 0)) {
    if (run.statement.null_is_not_found) {
      run.done(record_not_found());
    } else {
      run.done(boost::json::value(nullptr));
    }
    return;
  }
  if (run.verbatim.wanted) {
    std::string text;
    if (compact_verbatim(r.get(0, 0), text, run.verbatim)) {
      spdlog::debug("record query on {}: answer written through", run.object);
      run.done(verbatim_text{std::move(text)});
      return;
    }
    spdlog::debug("record query on {}: answer failed a check, parsed", run.object);
  }
  boost::system::error_code ec;
  auto value = boost::json::parse(r.get(0, 0), ec);
  if (ec) {
    spdlog::error("record query on {} returned invalid JSON: {}", run.object, ec.message());
    run.done(internal_error("An internal error occurred."));
    return;
  }
  run.done(std::move(value));
}

// A guarded statement's outcome: the guard failed (nothing ran), or it let the statement through.
bool guard_failed(statement_run& run, const pg::result& r) {
  if (!run.guard) return false;
  if (!r.ok() && r.error().sqlstate == pg::sqlstate::guard_failed) {
    spdlog::debug("record query on {}: the caller's standing changed: {}", run.object,
                  r.error().message);
    run.guard->failed = true;
    return true;
  }
  if (r.ok() || r.error().kind == pg::error_kind::server) ++run.guard->passed;
  return false;
}

void send(std::shared_ptr<statement_run> run) {
  ++run->attempt;
  auto& pool = run->pool;
  auto answered = [run](pg::result r) {
    if (guard_failed(*run, r)) {
      return run->done(internal_error("The caller's standing changed."));
    }
    if (worth_another_attempt(r, run->attempt)) {
      spdlog::info("record query on {} retried after {}", run->object, r.error().sqlstate);
      return send(run);
    }
    answer(*run, std::move(r));
  };
  // The text and values stay with the run (a retry sends them again): each attempt copies them.
  const auto admission = run->writes ? pg::admission::any : pg::admission::read;
  if (run->guard) {
    pool.guarded_query(run->guard->statement(), run->statement.sql, run->statement.params,
                       std::move(answered), admission);
  } else {
    pool.query(run->statement.sql, run->statement.params, std::move(answered), true, admission);
  }
}

}  // namespace

void run(pg::pool& pool, const model::record_query& query, const model::workspace_model& model,
         run_callback done) {
  run(pool, query, model, nullptr, std::move(done));
}

void run(pg::pool& pool, const model::record_query& query, const model::workspace_model& model,
         std::shared_ptr<core::standing_guard> guard, run_callback done) {
  auto compiled = compile(query, model);
  if (auto* error = std::get_if<record_error>(&compiled)) {
    done(std::move(*error));
    return;
  }
  send(std::make_shared<statement_run>(statement_run{
      pool, std::get<compiled_statement>(std::move(compiled)), query.object, std::move(guard),
      model::writes_records(query.operation), query.verbatim, std::move(done)}));
}

run_result run_sync(pg::pool& pool, const model::record_query& query,
                    const model::workspace_model& model) {
  std::promise<run_result> promise;
  auto future = promise.get_future();
  run(pool, query, model, [&promise](run_result r) { promise.set_value(std::move(r)); });
  return future.get();
}

}  // namespace cohort::storage::query
