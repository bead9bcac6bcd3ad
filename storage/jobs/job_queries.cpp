#include "storage/jobs/job_queries.hpp"

namespace cohort::storage::jobs {

namespace {

std::string millis(std::chrono::milliseconds d) {
  return std::to_string(d.count());
}

// Fences a completion: the row must still be this node's claim of this attempt.
const char* const fence =
    " WHERE id = $1 AND status = 'running' AND locked_by = $2 AND attempts = $3";

}  // namespace

pg::statement claim_statement(const std::string& kind, const std::string& node, int limit,
                              std::chrono::milliseconds lock_for) {
  // Candidates: the first due jobs without an ordering key (job_ready_idx order), and for each
  // ordering key of the kind its first unfinished job when that one is ready and due — so jobs of
  // one key run one at a time in id order. `keys` walks the distinct keys through
  // job_ordering_idx (a loose index scan), so jobs waiting behind a key cost nothing. now(), not
  // clock_timestamp(): a stable bound the index scan can use. SKIP LOCKED: workers claiming
  // together each take different rows; a candidate another worker took meanwhile fails the
  // re-checked status and is skipped.
  // The candidates reach the rows through `= ANY (ARRAY(...))`, a primary-key lookup whatever the
  // table's statistics say (with IN, a table not yet analysed got a nested loop over every row).
  std::string sql =
      "WITH RECURSIVE keys AS ((SELECT ordering_key AS k FROM core.job WHERE kind = $1 AND "
      "ordering_key IS NOT NULL AND status IN ('ready', 'running') ORDER BY ordering_key LIMIT 1) "
      "UNION ALL SELECT (SELECT ordering_key FROM core.job WHERE kind = $1 AND ordering_key > "
      "keys.k AND status IN ('ready', 'running') ORDER BY ordering_key LIMIT 1) FROM keys WHERE "
      "keys.k IS NOT NULL), candidates AS ((SELECT id FROM core.job WHERE kind = $1 AND status = "
      "'ready' AND ordering_key IS NULL AND run_at <= now() ORDER BY run_at, id LIMIT $5) UNION "
      "ALL SELECT h.id FROM keys, LATERAL (SELECT id, status, run_at FROM core.job WHERE kind = "
      "$1 AND ordering_key = keys.k AND status IN ('ready', 'running') ORDER BY id LIMIT 1) h "
      "WHERE keys.k IS NOT NULL AND h.status = 'ready' AND h.run_at <= now()) "
      "UPDATE core.job j SET status = 'running', attempts = j.attempts + 1, locked_by = $2, "
      "locked_until = clock_timestamp() + $4 * interval '1 millisecond', updated_at = now() "
      "FROM (SELECT c.id FROM core.job c WHERE c.id = ANY (ARRAY(SELECT id FROM candidates)) AND "
      "c.status "
      "= 'ready' AND c.run_at <= now() ORDER BY c.run_at, c.id LIMIT $3 FOR UPDATE SKIP LOCKED) "
      "pick WHERE j.id = pick.id RETURNING j.id, j.payload::text, j.attempts, j.max_attempts, "
      "j.idempotency_key, to_char(j.created_at AT TIME ZONE 'UTC', "
      "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')";
  // More candidates than the claim takes, so that workers claiming together rarely leave with
  // nothing because another locked the same few rows.
  return {std::move(sql),
          {kind, node, std::to_string(limit), millis(lock_for), std::to_string(limit * 4)}};
}

pg::statement reclaim_expired_statement(const std::string& kind) {
  // The lost attempt stays counted: a job that keeps killing its node ends in the dead letters.
  return {
      "UPDATE core.job SET status = 'ready', locked_by = NULL, locked_until = NULL, "
      "last_error = COALESCE(last_error, 'lock expired'), updated_at = now() WHERE kind = $1 "
      "AND status = 'running' AND locked_until < clock_timestamp()",
      {kind}};
}

std::vector<claimed_row> read_claimed(const pg::result& rows) {
  std::vector<claimed_row> out;
  if (!rows) return out;
  for (int r = 0; r < rows.rows(); ++r) {
    claimed_row row;
    row.id = std::stoll(std::string(rows.get(r, 0)));
    row.payload = std::string(rows.get(r, 1));
    row.attempts = std::stoi(std::string(rows.get(r, 2)));
    if (!rows.is_null(r, 3)) row.max_attempts = std::stoi(std::string(rows.get(r, 3)));
    if (!rows.is_null(r, 4)) row.idempotency_key = std::string(rows.get(r, 4));
    row.created_at = std::string(rows.get(r, 5));
    out.push_back(std::move(row));
  }
  return out;
}

pg::statement succeed_statement(std::int64_t id, const std::string& node, int attempt) {
  return {std::string("UPDATE core.job SET status = 'done', locked_by = NULL, locked_until = NULL, "
                      "updated_at = now(), finished_at = now()") +
              fence,
          {std::to_string(id), node, std::to_string(attempt)}};
}

pg::statement succeed_and_claim_next_statement(std::int64_t id, const std::string& node,
                                               int attempt, std::chrono::milliseconds lock_for) {
  // `next` reads the snapshot from before `finished`, where job $1 is still running: hence
  // `id <> $1`. Ordering holds as in claim_statement: the next job is the key's first unfinished
  // one, and a general claim running at the same time either still sees job $1 unfinished (and
  // takes nothing of this key) or finds the next job locked or running (SKIP LOCKED, re-checked
  // status).
  std::string sql =
      std::string(
          "WITH finished AS (UPDATE core.job SET status = 'done', locked_by = NULL, "
          "locked_until = NULL, updated_at = now(), finished_at = now()") +
      fence +
      " RETURNING kind, ordering_key), next AS (SELECT n.id FROM core.job n, finished f WHERE "
      "n.kind = f.kind AND n.ordering_key = f.ordering_key AND n.ordering_key IS NOT NULL AND "
      "n.status IN ('ready', 'running') AND n.id <> $1 ORDER BY n.id LIMIT 1), pick AS (SELECT "
      "c.id FROM core.job c WHERE c.id = (SELECT id FROM next) AND c.status = 'ready' AND "
      "c.run_at <= now() FOR UPDATE SKIP LOCKED) "
      "UPDATE core.job j SET status = 'running', attempts = j.attempts + 1, locked_by = $2, "
      "locked_until = clock_timestamp() + $4 * interval '1 millisecond', updated_at = now() "
      "FROM pick WHERE j.id = pick.id RETURNING j.id, j.payload::text, j.attempts, "
      "j.max_attempts, j.idempotency_key, to_char(j.created_at AT TIME ZONE 'UTC', "
      "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')";
  return {std::move(sql), {std::to_string(id), node, std::to_string(attempt), millis(lock_for)}};
}

pg::statement retry_statement(std::int64_t id, const std::string& node, int attempt,
                              std::chrono::milliseconds delay, const std::string& error) {
  return {
      std::string("UPDATE core.job SET status = 'ready', locked_by = NULL, locked_until = NULL, "
                  "run_at = clock_timestamp() + $4 * interval '1 millisecond', "
                  "last_error = $5, updated_at = now()") +
          fence,
      {std::to_string(id), node, std::to_string(attempt), millis(delay), error}};
}

pg::statement dead_statement(std::int64_t id, const std::string& node, int attempt,
                             const std::string& error) {
  return {std::string("UPDATE core.job SET status = 'dead', locked_by = NULL, locked_until = NULL, "
                      "last_error = $4, updated_at = now(), finished_at = now()") +
              fence,
          {std::to_string(id), node, std::to_string(attempt), error}};
}

pg::statement release_statement(const std::vector<std::int64_t>& ids, const std::string& node) {
  std::string list = "{";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i) list += ',';
    list += std::to_string(ids[i]);
  }
  list += "}";
  return {
      "UPDATE core.job SET status = 'ready', attempts = GREATEST(attempts - 1, 0), "
      "locked_by = NULL, locked_until = NULL, updated_at = now() WHERE id = ANY($1::bigint[]) "
      "AND status = 'running' AND locked_by = $2",
      {list, node}};
}

pg::statement queue_stats_statement() {
  return {
      "SELECT kind, count(*) FILTER (WHERE status = 'ready'), "
      "count(*) FILTER (WHERE status = 'running'), count(*) FILTER (WHERE status = 'dead'), "
      "COALESCE(extract(epoch FROM clock_timestamp() - min(run_at) FILTER (WHERE status = "
      "'ready' AND run_at <= clock_timestamp())), 0) FROM core.job "
      "WHERE status <> 'done' GROUP BY kind ORDER BY kind",
      {}};
}

std::vector<kind_stats> read_queue_stats(const pg::result& rows) {
  std::vector<kind_stats> out;
  if (!rows) return out;
  for (int r = 0; r < rows.rows(); ++r) {
    kind_stats s;
    s.kind = std::string(rows.get(r, 0));
    s.ready = std::stol(std::string(rows.get(r, 1)));
    s.running = std::stol(std::string(rows.get(r, 2)));
    s.dead = std::stol(std::string(rows.get(r, 3)));
    s.oldest_ready_age_seconds = std::stod(std::string(rows.get(r, 4)));
    out.push_back(std::move(s));
  }
  return out;
}

pg::statement delete_done_statement(std::chrono::seconds keep, int limit) {
  return {
      "DELETE FROM core.job WHERE id IN (SELECT id FROM core.job WHERE status = 'done' AND "
      "finished_at < now() - $1 * interval '1 second' ORDER BY finished_at LIMIT $2)",
      {std::to_string(keep.count()), std::to_string(limit)}};
}

pg::statement list_dead_statement(int limit) {
  return {
      "SELECT id, kind, attempts, COALESCE(last_error, ''), to_char(finished_at AT TIME ZONE "
      "'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), payload::text FROM core.job "
      "WHERE status = 'dead' ORDER BY id LIMIT $1",
      {std::to_string(limit)}};
}

pg::statement retry_dead_statement(std::int64_t id) {
  return {
      "UPDATE core.job SET status = 'ready', attempts = 0, run_at = now(), finished_at = NULL, "
      "updated_at = now() WHERE id = $1 AND status = 'dead'",
      {std::to_string(id)}};
}

pg::statement purge_dead_statement() {
  return {"DELETE FROM core.job WHERE status = 'dead'", {}};
}

}  // namespace cohort::storage::jobs
