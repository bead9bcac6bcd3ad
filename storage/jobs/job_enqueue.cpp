#include "storage/jobs/job_enqueue.hpp"

#include <boost/json.hpp>

#include <cstdio>
#include <ctime>
#include <future>
#include <memory>

namespace cohort::storage::jobs {

namespace {

const char* const insert_columns =
    "INSERT INTO core.job (kind, payload, run_at, max_attempts, idempotency_key, ordering_key) ";

std::string values_clause(int first) {
  // Appended, not "$" + to_string(...): GCC 12 warns a false -Wstringop-overflow on the latter.
  auto p = [first](int i) {
    std::string out = "$";
    out += std::to_string(first + i);
    return out;
  };
  return "VALUES (" + p(0) + ", " + p(1) + "::jsonb, COALESCE(" + p(2) + "::timestamptz, now()), " +
         p(3) + "::integer, " + p(4) + ", " + p(5) +
         ") ON CONFLICT (kind, idempotency_key) DO NOTHING RETURNING id";
}

pg::params request_params(const enqueue_request& request) {
  pg::params args;
  args.emplace_back(request.kind);
  args.emplace_back(request.payload.empty() ? std::string("{}") : request.payload);
  args.push_back(request.run_at ? std::optional(timestamp_text(*request.run_at)) : std::nullopt);
  args.push_back(request.max_attempts ? std::optional(std::to_string(*request.max_attempts))
                                      : std::nullopt);
  args.push_back(request.idempotency_key);
  args.push_back(request.ordering_key);
  return args;
}

// Zero rows only when another transaction enqueued the same key and committed while this
// statement ran (its snapshot cannot see that row yet): running the statement again finds it.
std::optional<enqueue_result> read_id(const pg::result& rows) {
  if (!rows) return enqueue_result(rows.error());
  if (rows.rows() == 0) return std::nullopt;
  return enqueue_result(std::stoll(std::string(rows.get(0, 0))));
}

}  // namespace

std::string timestamp_text(std::chrono::system_clock::time_point at) {
  auto micros =
      std::chrono::duration_cast<std::chrono::microseconds>(at.time_since_epoch()).count();
  std::time_t seconds = static_cast<std::time_t>(micros / 1000000);
  long fraction = static_cast<long>(micros % 1000000);
  if (fraction < 0) {
    fraction += 1000000;
    --seconds;
  }
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[64];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d %02d:%02d:%02d.%06ld+00", utc.tm_year + 1900,
                utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, fraction);
  return text;
}

pg::statement enqueue_statement(const enqueue_request& request) {
  std::string sql = "WITH ins AS (" + std::string(insert_columns) + values_clause(1) +
                    ") SELECT id FROM ins UNION ALL SELECT id FROM core.job WHERE kind = $1 AND "
                    "idempotency_key = $5 AND NOT EXISTS (SELECT 1 FROM ins)";
  return {std::move(sql), request_params(request)};
}

pg::statement enqueue_batch_statement(const std::vector<enqueue_request>& requests) {
  // The rows travel as one JSON array: no text-array quoting of payloads; WITH ORDINALITY and
  // ORDER BY keep the ids in the array's order.
  boost::json::array rows;
  rows.reserve(requests.size());
  for (const auto& r : requests) {
    boost::json::object row;
    row["kind"] = r.kind;
    row["payload"] = r.payload.empty() ? std::string("{}") : r.payload;
    if (r.run_at) row["run_at"] = timestamp_text(*r.run_at);
    if (r.max_attempts) row["max_attempts"] = *r.max_attempts;
    if (r.idempotency_key) row["idempotency_key"] = *r.idempotency_key;
    if (r.ordering_key) row["ordering_key"] = *r.ordering_key;
    rows.push_back(std::move(row));
  }
  return {std::string(insert_columns) +
              "SELECT e->>'kind', (e->>'payload')::jsonb, COALESCE((e->>'run_at')::timestamptz, "
              "now()), (e->>'max_attempts')::integer, e->>'idempotency_key', e->>'ordering_key' "
              "FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(e, n) ORDER BY n "
              "ON CONFLICT (kind, idempotency_key) DO NOTHING",
          {boost::json::serialize(rows)}};
}

enqueue_fragment enqueue_insert_fragment(const enqueue_request& request, int first_param) {
  return {std::string(insert_columns) + values_clause(first_param), request_params(request)};
}

void enqueue(pg::pool& pool, enqueue_request request, std::function<void(enqueue_result)> done) {
  auto statement = std::make_shared<pg::statement>(enqueue_statement(request));
  auto pool_ptr = &pool;
  pool.query(statement->sql, statement->args,
             [statement, pool_ptr, done = std::move(done)](pg::result rows) {
               if (auto id = read_id(rows)) return done(std::move(*id));
               pool_ptr->query(statement->sql, statement->args, [done](pg::result again) {
                 auto id = read_id(again);
                 done(id ? std::move(*id)
                         : enqueue_result(pg::error_info{pg::error_kind::server, "40001",
                                                         "enqueue found no job", "", "", ""}));
               });
             });
}

enqueue_result enqueue_sync(pg::pool& pool, const enqueue_request& request) {
  auto statement = enqueue_statement(request);
  for (int round = 0; round < 2; ++round) {
    if (auto id = read_id(pool.query_sync(statement.sql, statement.args))) return *id;
  }
  return pg::error_info{pg::error_kind::server, "40001", "enqueue found no job", "", "", ""};
}

}  // namespace cohort::storage::jobs
