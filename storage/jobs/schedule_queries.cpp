#include "storage/jobs/schedule_queries.hpp"

#include "storage/jobs/job_enqueue.hpp"

namespace cohort::storage::jobs {

pg::statement put_schedule_statement(const std::string& name, const std::string& cron,
                                     const std::string& kind, const std::string& payload,
                                     std::chrono::system_clock::time_point next_run_at) {
  return {
      "INSERT INTO core.job_schedule (name, cron, kind, payload, next_run_at) VALUES ($1, $2, "
      "$3, $4::jsonb, $5::timestamptz) ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, "
      "payload = EXCLUDED.payload, updated_at = now(), next_run_at = CASE WHEN "
      "core.job_schedule.cron = EXCLUDED.cron THEN core.job_schedule.next_run_at ELSE "
      "EXCLUDED.next_run_at END, cron = EXCLUDED.cron",
      {name, cron, kind, payload.empty() ? std::string("{}") : payload,
       timestamp_text(next_run_at)}};
}

pg::statement delete_schedule_statement(const std::string& name) {
  return {"DELETE FROM core.job_schedule WHERE name = $1", {name}};
}

pg::statement due_schedules_statement() {
  return {
      "SELECT name, cron, (extract(epoch FROM next_run_at) * 1000000)::bigint FROM "
      "core.job_schedule WHERE next_run_at <= clock_timestamp() ORDER BY next_run_at",
      {}};
}

std::vector<due_schedule> read_due_schedules(const pg::result& rows) {
  std::vector<due_schedule> out;
  if (!rows) return out;
  for (int r = 0; r < rows.rows(); ++r) {
    due_schedule s;
    s.name = std::string(rows.get(r, 0));
    s.cron = std::string(rows.get(r, 1));
    s.next_run_at = std::chrono::system_clock::time_point(
        std::chrono::duration_cast<std::chrono::system_clock::duration>(
            std::chrono::microseconds(std::stoll(std::string(rows.get(r, 2))))));
    out.push_back(std::move(s));
  }
  return out;
}

pg::statement fire_schedule_statement(const std::string& name,
                                      std::chrono::system_clock::time_point slot,
                                      std::chrono::system_clock::time_point next) {
  return {
      "WITH slot AS (UPDATE core.job_schedule SET next_run_at = $3::timestamptz, "
      "last_run_at = $2::timestamptz, updated_at = now() WHERE name = $1 AND next_run_at = "
      "$2::timestamptz RETURNING kind, payload) INSERT INTO core.job (kind, payload, "
      "idempotency_key) SELECT kind, payload, 'cron:' || $1 || ':' || $2 FROM slot "
      "ON CONFLICT (kind, idempotency_key) DO NOTHING RETURNING id",
      {name, timestamp_text(slot), timestamp_text(next)}};
}

}  // namespace cohort::storage::jobs
