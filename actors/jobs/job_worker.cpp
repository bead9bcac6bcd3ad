#include "actors/jobs/job_worker.hpp"

#include <caf/all.hpp>

#include <spdlog/spdlog.h>

#include <atomic>
#include <map>

#include "actors/jobs/actor_task.hpp"
#include "actors/jobs/backoff.hpp"
#include "storage/jobs/job_queries.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::actors::jobs {

namespace {

namespace sj = storage::jobs;

struct running_attempt {
  int attempt = 0;
  int max_attempts = 1;
  std::shared_ptr<std::atomic<bool>> answered;
};

struct worker_state {
  job_worker_options options;
  std::map<std::int64_t, running_attempt> running;
  std::shared_ptr<std::vector<std::int64_t>> running_ids;  // mirror of `running` for the exit hook
  bool claiming = false;
  bool claim_again = false;
  std::chrono::steady_clock::time_point next_reclaim{};
  static inline const char* name = "job_worker";
};

using worker_actor = caf::stateful_actor<worker_state>;

void claim(worker_actor* self);
std::size_t take(worker_actor* self, const storage::pg::result& rows);

void mirror(worker_state& st) {
  if (!st.running_ids) return;
  st.running_ids->clear();
  for (const auto& [id, attempt] : st.running) st.running_ids->push_back(id);
}

std::string millis_text(std::chrono::milliseconds d) {
  return std::to_string(d.count()) + " ms";
}

// Records how attempt `attempt` of job `id` ended, then looks for more work.
void finish(worker_actor* self, std::int64_t id, int attempt, job_outcome outcome) {
  auto& st = self->state;
  auto it = st.running.find(id);
  if (it == st.running.end() || it->second.attempt != attempt) return;
  const int max_attempts = it->second.max_attempts;
  st.running.erase(it);
  mirror(st);
  const auto& kind = *st.options.kind;
  auto& figures = st.options.metrics->of(kind.name);

  storage::pg::statement statement;
  const auto& node = st.options.node_id;
  const bool succeeded = outcome.what == job_outcome::status::success;
  if (succeeded) {
    figures.succeeded.fetch_add(1, std::memory_order_relaxed);
    statement =
        sj::succeed_and_claim_next_statement(id, node, attempt, kind.timeout + kind.lock_grace);
  } else {
    figures.failed_attempts.fetch_add(1, std::memory_order_relaxed);
    if (outcome.what == job_outcome::status::retry && attempt < max_attempts) {
      auto delay = outcome.retry_after
                       ? *outcome.retry_after
                       : backoff_delay(attempt, kind.backoff_base, kind.backoff_cap);
      statement = sj::retry_statement(id, node, attempt, delay, outcome.error);
    } else {
      figures.dead_lettered.fetch_add(1, std::memory_order_relaxed);
      spdlog::warn("job {} ({}) is dead after {} attempt(s): {}", id, kind.name, attempt,
                   outcome.error);
      statement = sj::dead_statement(id, node, attempt, outcome.error);
    }
  }
  auto me = caf::actor_cast<caf::actor>(self);
  st.options.pool->query(std::move(statement.sql), std::move(statement.args),
                         [me, self, id, succeeded](storage::pg::result done) {
                           if (!done) {
                             spdlog::warn("job {}: recording its attempt failed: {}", id,
                                          storage::pg::describe(done.error()));
                             return post_to(me, [self] { claim(self); });
                           }
                           if (!succeeded) return post_to(me, [self] { claim(self); });
                           // The lane's next job came with the success: the slot is taken again, no
                           // general claim is needed for it. Without one (no ordering key, or not
                           // ready), look for other work.
                           auto shared = std::make_shared<storage::pg::result>(std::move(done));
                           post_to(me, [self, shared] {
                             if (take(self, *shared) == 0) claim(self);
                           });
                         });
}

void start(worker_actor* self, const sj::claimed_row& row, int max_attempts) {
  auto& st = self->state;
  const auto& kind = *st.options.kind;
  auto answered = std::make_shared<std::atomic<bool>>(false);
  st.running[row.id] = {row.attempts, max_attempts, answered};
  mirror(st);
  job j{row.id,       kind.name,           row.payload,   row.attempts,
        max_attempts, row.idempotency_key, row.created_at};
  auto me = caf::actor_cast<caf::actor>(self);
  const auto id = row.id;
  const int attempt = row.attempts;
  job_done done = [me, self, id, attempt, answered](job_outcome outcome) {
    if (answered->exchange(true)) return;  // a second answer, or one after the timeout
    post_to(me, [self, id, attempt, outcome = std::move(outcome)]() mutable {
      finish(self, id, attempt, std::move(outcome));
    });
  };
  self->delayed_send(self, kind.timeout, task_atom::value,
                     actor_task{[self, id, attempt, answered, timeout = kind.timeout] {
                       if (answered->exchange(true)) return;
                       finish(self, id, attempt,
                              job_outcome::retry("timed out after " + millis_text(timeout)));
                     }});
  try {
    kind.handler(j, done);
  } catch (const std::exception& e) {
    done(job_outcome::retry(std::string("handler threw: ") + e.what()));
  } catch (...) {
    done(job_outcome::retry("handler threw an unknown exception"));
  }
}

// Starts the claimed rows; answers how many there were.
std::size_t take(worker_actor* self, const storage::pg::result& rows) {
  auto& st = self->state;
  auto claimed_rows = sj::read_claimed(rows);
  for (const auto& row : claimed_rows) {
    int max_attempts = row.max_attempts.value_or(st.options.kind->max_attempts);
    if (row.attempts > max_attempts) {
      // Its last attempt was claimed by a node that stopped answering (the lock expired).
      st.running[row.id] = {row.attempts, max_attempts, std::make_shared<std::atomic<bool>>(true)};
      finish(self, row.id, row.attempts,
             job_outcome::fail("the node running its last attempt stopped (lock expired)"));
      continue;
    }
    start(self, row, max_attempts);
  }
  return claimed_rows.size();
}

void claimed(worker_actor* self, storage::pg::result rows, int asked) {
  auto& st = self->state;
  st.claiming = false;
  if (!rows) {
    spdlog::warn("claiming {} jobs failed: {}", st.options.kind->name,
                 storage::pg::describe(rows.error()));
    return;  // the next poll tries again
  }
  auto taken = take(self, rows);
  if (static_cast<int>(taken) == asked || st.claim_again) claim(self);
}

void claim(worker_actor* self) {
  auto& st = self->state;
  const auto& kind = *st.options.kind;
  int free_slots = kind.concurrency - static_cast<int>(st.running.size());
  if (st.claiming) {
    st.claim_again = true;
    return;
  }
  st.claim_again = false;
  if (free_slots <= 0) return;
  st.claiming = true;
  auto statement = sj::claim_statement(kind.name, st.options.node_id, free_slots,
                                       kind.timeout + kind.lock_grace);
  auto me = caf::actor_cast<caf::actor>(self);
  st.options.pool->query(
      std::move(statement.sql), std::move(statement.args),
      [me, self, free_slots](storage::pg::result rows) {
        auto shared = std::make_shared<storage::pg::result>(std::move(rows));
        post_to(me, [self, shared, free_slots] { claimed(self, std::move(*shared), free_slots); });
      });
}

// About once a second: jobs whose node died (lock expired) become ready again.
void reclaim_expired(worker_actor* self) {
  auto& st = self->state;
  auto now = std::chrono::steady_clock::now();
  if (now < st.next_reclaim) return;
  st.next_reclaim = now + std::chrono::seconds(1);
  auto me = caf::actor_cast<caf::actor>(self);
  auto statement = sj::reclaim_expired_statement(st.options.kind->name);
  st.options.pool->query(std::move(statement.sql), std::move(statement.args),
                         [me, self](storage::pg::result rows) {
                           if (rows && rows.affected_rows() > 0)
                             post_to(me, [self] { claim(self); });
                         });
}

caf::behavior job_worker(worker_actor* self, job_worker_options options) {
  self->state.options = std::move(options);
  self->send(self, tick_atom::value);
  // Stopping with attempts in flight (the node shuts down): give them back now rather than when
  // their locks expire. The hook runs after the state is gone, so it reads a copy.
  auto running = std::make_shared<std::vector<std::int64_t>>();
  self->state.running_ids = running;
  self->attach_functor(
      [running, pool = self->state.options.pool, node = self->state.options.node_id] {
        if (running->empty()) return;
        auto release = sj::release_statement(*running, node);
        pool->query(std::move(release.sql), std::move(release.args), [](storage::pg::result) {});
      });
  return {
      [=](task_atom, actor_task& task) { task.run(); },
      [=](wake_atom) { claim(self); },
      [=](tick_atom) {
        reclaim_expired(self);
        claim(self);
        self->delayed_send(self, self->state.options.poll_interval, tick_atom::value);
      },
  };
}

}  // namespace

caf::actor spawn_job_worker(caf::actor_system& sys, job_worker_options options) {
  return sys.spawn(job_worker, std::move(options));
}

}  // namespace cohort::actors::jobs
