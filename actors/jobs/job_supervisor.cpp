#include "actors/jobs/job_supervisor.hpp"

#include <caf/all.hpp>

#include <spdlog/spdlog.h>

#include <map>
#include <set>

#include "actors/atoms.hpp"
#include "actors/jobs/actor_task.hpp"
#include "actors/jobs/job_scheduler.hpp"
#include "actors/jobs/job_worker.hpp"
#include "storage/jobs/job_queries.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::actors {

namespace {

using namespace jobs;

using sample_atom = caf::atom_constant<caf::atom("sample")>;
using restart_atom = caf::atom_constant<caf::atom("restart")>;

struct job_supervisor_state {
  job_supervisor_options options;
  std::map<std::string, caf::actor> workers;  // by kind
  caf::actor scheduler;
  int samples = 0;
  static inline const char* name = "job_supervisor";
};

using supervisor_actor = caf::stateful_actor<job_supervisor_state>;

void start_worker(supervisor_actor* self, const std::shared_ptr<const job_kind>& kind) {
  auto& st = self->state;
  job_worker_options w{kind, st.options.pool, st.options.node_id, st.options.metrics,
                       st.options.poll_interval};
  auto worker = spawn_job_worker(self->system(), std::move(w));
  self->monitor(worker);
  self->link_to(worker);  // stops with the supervisor
  st.workers[kind->name] = worker;
}

void start_scheduler(supervisor_actor* self) {
  auto& st = self->state;
  job_scheduler_options s{st.options.pool, st.options.scheduler_interval};
  st.scheduler = spawn_job_scheduler(self->system(), std::move(s));
  self->monitor(st.scheduler);
  self->link_to(st.scheduler);
}

void apply_sample(supervisor_actor* self, const std::vector<storage::jobs::kind_stats>& stats) {
  auto& metrics = *self->state.options.metrics;
  std::set<std::string> seen;
  for (const auto& s : stats) {
    auto& m = metrics.of(s.kind);
    m.queue_depth.store(static_cast<double>(s.ready));
    m.running.store(static_cast<double>(s.running));
    m.dead.store(static_cast<double>(s.dead));
    m.oldest_ready_age_seconds.store(s.oldest_ready_age_seconds);
    seen.insert(s.kind);
  }
  for (const auto& [name, worker] : self->state.workers) {
    if (seen.count(name)) continue;
    auto& m = metrics.of(name);
    m.queue_depth.store(0);
    m.running.store(0);
    m.dead.store(0);
    m.oldest_ready_age_seconds.store(0);
  }
}

void sample(supervisor_actor* self) {
  auto& st = self->state;
  auto me = caf::actor_cast<caf::actor>(self);
  auto stats = storage::jobs::queue_stats_statement();
  st.options.pool->query(std::move(stats.sql), std::move(stats.args),
                         [me, self](storage::pg::result rows) {
                           auto read = storage::jobs::read_queue_stats(rows);
                           post_to(me, [self, read] { apply_sample(self, read); });
                         });
  // Every 60th sample (five minutes by default): forget finished jobs past their retention.
  if (st.samples++ % 60 == 0) {
    auto clear = storage::jobs::delete_done_statement(st.options.keep_done, 10000);
    st.options.pool->query(std::move(clear.sql), std::move(clear.args), [](storage::pg::result) {});
  }
}

caf::behavior job_supervisor(supervisor_actor* self, job_supervisor_options options) {
  self->state.options = std::move(options);
  auto& st = self->state;
  if (st.options.registry && st.options.pool) {
    for (const auto& kind : st.options.registry->all()) start_worker(self, kind);
    if (st.options.run_scheduler) start_scheduler(self);
    self->send(self, sample_atom::value);
  }
  self->set_down_handler([=](caf::down_msg& dm) {
    auto& st = self->state;
    if (dm.source == st.scheduler.address()) {
      spdlog::error("the job scheduler stopped ({}); restarting it", to_string(dm.reason));
      self->delayed_send(self, std::chrono::milliseconds(100), restart_atom::value, std::string());
      return;
    }
    for (const auto& [name, worker] : st.workers) {
      if (worker.address() != dm.source) continue;
      spdlog::error("the {} job worker stopped ({}); restarting it", name, to_string(dm.reason));
      self->delayed_send(self, std::chrono::milliseconds(100), restart_atom::value, name);
      return;
    }
  });
  // A failing child must not take the supervisor with it: its down message restarts it.
  self->set_exit_handler([=](caf::exit_msg& em) {
    bool child = em.source == self->state.scheduler.address();
    for (const auto& [name, worker] : self->state.workers)
      child = child || worker.address() == em.source;
    if (!child) self->quit(em.reason);
  });
  return {
      [=](count_atom) -> std::uint64_t { return self->state.workers.size(); },
      [=](wake_atom, const std::string& kind) {
        // An empty kind: notifications may have been lost, wake every worker.
        for (const auto& [name, worker] : self->state.workers)
          if (kind.empty() || kind == name) self->send(worker, wake_atom::value);
      },
      [=](task_atom, actor_task& task) { task.run(); },
      [=](sample_atom) {
        sample(self);
        self->delayed_send(self, self->state.options.stats_interval, sample_atom::value);
      },
      [=](restart_atom, const std::string& kind) {
        auto& st = self->state;
        if (kind.empty()) return start_scheduler(self);
        if (auto found = st.options.registry->find(kind)) start_worker(self, found);
      },
  };
}

}  // namespace

caf::actor spawn_job_supervisor(caf::actor_system& sys, jobs::job_supervisor_options options) {
  return sys.spawn(job_supervisor, std::move(options));
}

}  // namespace cohort::actors
