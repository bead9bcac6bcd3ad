// Enqueueing durable jobs (core.job). Either inside a caller's transaction — enqueue_statement()
// gives SQL and parameters to run among the caller's own statements, so a write and its job commit
// together — or on its own with enqueue(). An idempotency key already used for the same kind makes
// the call a no-op that answers the existing job's id.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "storage/pg/pool.hpp"

namespace cohort::storage::jobs {

struct enqueue_request {
  std::string kind;
  std::string payload = "{}";  // JSON text
  std::optional<std::string> idempotency_key;
  // Not before this moment (delayed job); now when empty.
  std::optional<std::chrono::system_clock::time_point> run_at;
  std::optional<int> max_attempts;  // the kind's setting when empty
  // Jobs of one kind with the same key run one at a time, in enqueue order (e.g. one webhook's
  // deliveries); a job waiting for a retry holds back the ones behind it.
  std::optional<std::string> ordering_key;
};

// One statement returning one row with column `id` (the new or the existing job). Its parameters
// are numbered from $1; run it as one entry of pool::transaction.
pg::statement enqueue_statement(const enqueue_request& request);

// The INSERT alone with parameters numbered from $first_param, for embedding as a data-modifying
// CTE in a larger statement (`WITH j AS (<sql>) ...`); append `params` to the statement's own.
// It returns `id` only for a new job (ON CONFLICT DO NOTHING).
struct enqueue_fragment {
  std::string sql;
  pg::params args;
};
enqueue_fragment enqueue_insert_fragment(const enqueue_request& request, int first_param);

// Many jobs in one INSERT, given ids in the order of `requests` (so jobs sharing an ordering key
// run in that order); a job whose idempotency key is taken is skipped. One statement and one
// enqueue notification instead of one per job. Returns nothing useful; run it in a transaction.
pg::statement enqueue_batch_statement(const std::vector<enqueue_request>& requests);

using enqueue_result = std::variant<std::int64_t, pg::error_info>;

// Standalone enqueue; `done` runs on a pool thread.
void enqueue(pg::pool& pool, enqueue_request request, std::function<void(enqueue_result)> done);
// Blocking version for start-up code, tests and the CLI (never on a pool thread).
enqueue_result enqueue_sync(pg::pool& pool, const enqueue_request& request);

// Text of a time point as PostgreSQL timestamptz input (UTC, microseconds).
std::string timestamp_text(std::chrono::system_clock::time_point at);

}  // namespace cohort::storage::jobs
