// Compiles and runs one record query on the pool: the answer is the statement's JSON, parsed once
// and ready to hand to the GraphQL executor (or REST) as a shaped value, or a record_error. Errors
// from PostgreSQL are logged and translated (unique / not-null violations, guards) without SQL.
// A query that asks for it (record_query::verbatim) gets the text itself instead, compacted and
// checked (verbatim_text.hpp), when the checks pass.
#pragma once

#include <boost/json/value.hpp>
#include <functional>
#include <string>
#include <variant>

#include "model/query/record_query.hpp"
#include "model/workspace_model.hpp"
#include "storage/core/standing_guard.hpp"
#include "storage/pg/pool.hpp"
#include "storage/query/record_error.hpp"

namespace cohort::storage::query {

// The statement's JSON text as the GraphQL response writer would write it.
struct verbatim_text {
  std::string text;
};

using run_result = std::variant<boost::json::value, record_error, verbatim_text>;
using run_callback = std::function<void(run_result)>;

// `done` runs on a pool thread, or at once on the caller's thread when compilation fails. The
// model must outlive the call only until compile returns (the statement owns its text and values).
void run(pg::pool& pool, const model::record_query& query, const model::workspace_model& model,
         run_callback done);

// With a standing guard (a request on the request gate's fast path): the guard statement and the
// record statement go to PostgreSQL in one pipeline, so a token whose standing changed writes
// nothing. A failed guard marks `guard` failed and answers an internal error, which the gate
// drops (it answers the request through its full check); a statement the guard let through
// counts on `guard->passed`. A null guard is the plain run above.
void run(pg::pool& pool, const model::record_query& query, const model::workspace_model& model,
         std::shared_ptr<core::standing_guard> guard, run_callback done);

// Blocking form for tests and start-up code (never on a pool thread).
run_result run_sync(pg::pool& pool, const model::record_query& query,
                    const model::workspace_model& model);

}  // namespace cohort::storage::query
