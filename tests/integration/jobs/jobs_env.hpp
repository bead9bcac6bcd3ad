// A private database with the core migrations for the job tests, a pool on it, and helpers to run
// job supervisors (one per simulated node) and to wait for what the workers do.
#pragma once

#include <gtest/gtest.h>

#include <caf/all.hpp>

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "actors/jobs/job_kind.hpp"
#include "actors/jobs/job_supervisor.hpp"
#include "fixtures/postgres_server.hpp"
#include "storage/jobs/job_enqueue.hpp"
#include "storage/migrations/migrator.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::testing::jobs {

namespace pg = cohort::storage::pg;
namespace aj = cohort::actors::jobs;
namespace sj = cohort::storage::jobs;

struct jobs_env {
  std::string conninfo;
  std::shared_ptr<pg::pool> pool;

  static std::unique_ptr<jobs_env> create(const std::string& name) {
    auto env = std::make_unique<jobs_env>();
    env->conninfo = postgres_server::shared().create_database(name);
    pg::pool_options opts;
    opts.conninfo = env->conninfo;
    opts.max_connections = 6;
    env->pool = pg::pool::create(opts);
    auto report = storage::migrations::run_migrations(*env->pool);
    EXPECT_TRUE(report.ok()) << (report.error ? report.error->message : "");
    return env;
  }

  // First column of the first row as text ("<null>" for NULL, "<none>" without rows).
  std::string sql(const std::string& text, pg::params args = {}) const {
    auto rows = pool->query_sync(text, std::move(args));
    EXPECT_TRUE(rows.ok()) << text << ": " << (rows.ok() ? "" : pg::describe(rows.error()));
    if (!rows.ok() || rows.rows() == 0) return "<none>";
    return rows.is_null(0, 0) ? "<null>" : std::string(rows.get(0, 0));
  }

  std::int64_t enqueue(sj::enqueue_request request) const {
    auto id = sj::enqueue_sync(*pool, request);
    if (auto* error = std::get_if<pg::error_info>(&id)) {
      ADD_FAILURE() << pg::describe(*error);
      return 0;
    }
    return std::get<std::int64_t>(id);
  }
};

// Enqueue requests without designated initializers (g++ warns about every member left out).
inline sj::enqueue_request request(std::string kind, std::string payload = "{}") {
  sj::enqueue_request r;
  r.kind = std::move(kind);
  r.payload = std::move(payload);
  return r;
}
inline sj::enqueue_request keyed(std::string kind, std::string key, std::string payload = "{}") {
  auto r = request(std::move(kind), std::move(payload));
  r.idempotency_key = std::move(key);
  return r;
}

// Polls `done` until it holds or 30 s pass; returns its last answer. Waiting, not timing: tests
// assert on what happened, never on how fast.
inline bool eventually(const std::function<bool()>& done,
                       std::chrono::milliseconds limit = std::chrono::seconds(30)) {
  auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return done();
}

// One simulated node's job supervisor; stopped when it goes out of scope.
class job_node {
 public:
  job_node(caf::actor_system& sys, std::shared_ptr<aj::job_registry> registry,
           std::shared_ptr<pg::pool> pool, std::string node_id, bool scheduler = false) {
    aj::job_supervisor_options opts;
    opts.registry = std::move(registry);
    opts.pool = std::move(pool);
    opts.node_id = std::move(node_id);
    opts.poll_interval = std::chrono::milliseconds(20);
    opts.stats_interval = std::chrono::milliseconds(100);
    opts.run_scheduler = scheduler;
    opts.scheduler_interval = std::chrono::milliseconds(20);
    metrics = opts.metrics;
    actor = cohort::actors::spawn_job_supervisor(sys, opts);
  }
  ~job_node() { stop(); }
  void stop() {
    if (!actor) return;
    caf::scoped_actor self{actor.home_system()};
    self->send_exit(actor, caf::exit_reason::user_shutdown);
    self->wait_for(actor);
    actor = nullptr;
  }

  caf::actor actor;
  std::shared_ptr<aj::job_metrics> metrics;
};

}  // namespace cohort::testing::jobs
