// The SQL of the job workers and of `cohort jobs`: claiming ready jobs (FOR UPDATE SKIP LOCKED,
// so workers on every node share a queue without running a job twice), finishing an attempt
// (fenced by node and attempt, so a late answer after a timeout changes nothing), queue statistics
// and dead-letter administration.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/pg/pool.hpp"

namespace cohort::storage::jobs {

// Claims up to `limit` ready jobs of `kind` whose run_at has come, skipping jobs behind an
// unfinished job of the same kind and ordering key. Columns: id, payload, attempts (after this
// claim), max_attempts (NULL: the kind's), idempotency_key, created_at.
pg::statement claim_statement(const std::string& kind, const std::string& node, int limit,
                              std::chrono::milliseconds lock_for);
// Makes jobs of `kind` whose lock expired (their node died) ready again.
pg::statement reclaim_expired_statement(const std::string& kind);

struct claimed_row {
  std::int64_t id = 0;
  std::string payload;
  int attempts = 0;
  std::optional<int> max_attempts;
  std::optional<std::string> idempotency_key;
  std::string created_at;
};
std::vector<claimed_row> read_claimed(const pg::result& rows);

// Finishing attempt `attempt` of job `id` claimed by `node`; each affects no row when the job has
// been claimed again since (the lock expired).
pg::statement succeed_statement(std::int64_t id, const std::string& node, int attempt);
// The same success, and in the same statement the claim of the next job of the finished job's
// ordering key when it is ready and due (columns of claim_statement; no row for a job without an
// ordering key, or when another worker has the next job). An ordered lane moves on without waiting
// for the worker's next general claim, which walks every key of the kind.
pg::statement succeed_and_claim_next_statement(std::int64_t id, const std::string& node,
                                               int attempt, std::chrono::milliseconds lock_for);
pg::statement retry_statement(std::int64_t id, const std::string& node, int attempt,
                              std::chrono::milliseconds delay, const std::string& error);
pg::statement dead_statement(std::int64_t id, const std::string& node, int attempt,
                             const std::string& error);

// Hands jobs this node claimed but will not finish (it is stopping) back to the queue at once,
// their unfinished attempt not counted, instead of after their lock expires.
pg::statement release_statement(const std::vector<std::int64_t>& ids, const std::string& node);

// Per kind: ready jobs (due or not), running, dead, and the age in seconds of the oldest due job.
pg::statement queue_stats_statement();
struct kind_stats {
  std::string kind;
  long ready = 0;
  long running = 0;
  long dead = 0;
  double oldest_ready_age_seconds = 0;
};
std::vector<kind_stats> read_queue_stats(const pg::result& rows);

// Finished jobs older than `keep` (their idempotency keys are free again after that).
pg::statement delete_done_statement(std::chrono::seconds keep, int limit);

// Dead letters: listing (id, kind, attempts, last_error, finished_at, payload), retrying one (a
// fresh set of attempts; false when no dead job has that id) and purging all (count removed).
pg::statement list_dead_statement(int limit);
pg::statement retry_dead_statement(std::int64_t id);
pg::statement purge_dead_statement();

}  // namespace cohort::storage::jobs
