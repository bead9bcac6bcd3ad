// The SQL of cron schedules (core.job_schedule): defining a schedule, finding due ones and firing
// one slot. Firing moves next_run_at from the slot the caller saw to the next and enqueues the job
// in the same statement, so among nodes firing together exactly one wins each slot.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "storage/pg/pool.hpp"

namespace cohort::storage::jobs {

// Creates or updates schedule `name`; next_run_at is kept when the cron text is unchanged.
pg::statement put_schedule_statement(const std::string& name, const std::string& cron,
                                     const std::string& kind, const std::string& payload,
                                     std::chrono::system_clock::time_point next_run_at);
pg::statement delete_schedule_statement(const std::string& name);

struct due_schedule {
  std::string name;
  std::string cron;
  std::chrono::system_clock::time_point next_run_at;
};
pg::statement due_schedules_statement();
std::vector<due_schedule> read_due_schedules(const pg::result& rows);

// Fires slot `slot` of `name` and sets the next slot; returns the new job's id, or no row when
// another node fired this slot first.
pg::statement fire_schedule_statement(const std::string& name,
                                      std::chrono::system_clock::time_point slot,
                                      std::chrono::system_clock::time_point next);

}  // namespace cohort::storage::jobs
