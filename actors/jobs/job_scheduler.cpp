#include "actors/jobs/job_scheduler.hpp"

#include <caf/all.hpp>

#include <spdlog/spdlog.h>

#include "actors/atoms.hpp"
#include "actors/jobs/actor_task.hpp"
#include "actors/jobs/cron_expression.hpp"
#include "storage/jobs/schedule_queries.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::actors::jobs {

namespace {

namespace sj = storage::jobs;

struct scheduler_state {
  job_scheduler_options options;
  bool busy = false;
  static inline const char* name = "job_scheduler";
};

using scheduler_actor = caf::stateful_actor<scheduler_state>;

void fire(storage::pg::pool& pool, const sj::due_schedule& due) {
  auto parsed = cron_expression::parse(due.cron);
  if (auto* why = std::get_if<std::string>(&parsed)) {
    spdlog::error("schedule {}: {}", due.name, *why);
    return;
  }
  auto now = std::chrono::system_clock::now();
  auto next = std::get<cron_expression>(parsed).next_after(std::max(now, due.next_run_at));
  if (!next) next = now + std::chrono::hours(24 * 365 * 100);  // never again
  auto statement = sj::fire_schedule_statement(due.name, due.next_run_at, *next);
  pool.query(std::move(statement.sql), std::move(statement.args),
             [name = due.name](storage::pg::result rows) {
               if (!rows)
                 spdlog::warn("schedule {}: firing failed: {}", name,
                              storage::pg::describe(rows.error()));
             });
}

caf::behavior job_scheduler(scheduler_actor* self, job_scheduler_options options) {
  self->state.options = std::move(options);
  self->send(self, tick_atom::value);
  return {
      [=](task_atom, actor_task& task) { task.run(); },
      [=](tick_atom) {
        auto& st = self->state;
        self->delayed_send(self, st.options.interval, tick_atom::value);
        if (st.busy) return;
        st.busy = true;
        auto me = caf::actor_cast<caf::actor>(self);
        auto pool = st.options.pool;
        auto due = sj::due_schedules_statement();
        pool->query(std::move(due.sql), std::move(due.args),
                    [me, self, pool](storage::pg::result rows) {
                      for (const auto& s : sj::read_due_schedules(rows)) fire(*pool, s);
                      post_to(me, [self] { self->state.busy = false; });
                    });
      },
  };
}

}  // namespace

caf::actor spawn_job_scheduler(caf::actor_system& sys, job_scheduler_options options) {
  return sys.spawn(job_scheduler, std::move(options));
}

std::optional<std::string> put_schedule(storage::pg::pool& pool, const std::string& name,
                                        const std::string& cron, const std::string& kind,
                                        const std::string& payload) {
  auto parsed = cron_expression::parse(cron);
  if (auto* why = std::get_if<std::string>(&parsed)) return *why;
  auto next = std::get<cron_expression>(parsed).next_after(std::chrono::system_clock::now());
  if (!next) return "cron expression \"" + cron + "\" never fires";
  auto statement = storage::jobs::put_schedule_statement(name, cron, kind, payload, *next);
  auto done = pool.query_sync(statement.sql, statement.args);
  if (!done) return storage::pg::describe(done.error());
  return std::nullopt;
}

}  // namespace cohort::actors::jobs
