#include "actors/jobs/workspace_deletion.hpp"

#include <spdlog/spdlog.h>
#include <boost/json.hpp>

#include <utility>
#include <vector>

#include "actors/jobs/job_scheduler.hpp"
#include "storage/jobs/job_enqueue.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::actors::jobs {

namespace {

namespace json = boost::json;
namespace core = storage::core;

std::optional<std::string> workspace_of(const std::string& payload) {
  boost::system::error_code ec;
  auto value = json::parse(payload, ec);
  if (ec || !value.is_object()) return std::nullopt;
  const auto* id = value.as_object().if_contains("workspaceId");
  if (!id || !id->is_string()) return std::nullopt;
  return std::string(id->get_string());
}

job_kind delete_kind(std::shared_ptr<storage::pg::pool> pool) {
  job_kind kind;
  kind.name = std::string(workspace_delete_kind);
  kind.concurrency = 1;  // dropping schemas one at a time keeps the database responsive
  kind.max_attempts = 10;
  kind.backoff_base = std::chrono::seconds(10);
  kind.backoff_cap = std::chrono::minutes(30);
  // Dropping a large schema can take a while; a node that dies meanwhile loses its claim after
  // this much and the job runs again elsewhere.
  kind.timeout = std::chrono::minutes(5);
  kind.handler = [pool](const job& j, job_done done) {
    auto id = workspace_of(j.payload);
    if (!id) return done(job_outcome::fail("unreadable payload: " + j.payload));
    core::hard_delete_workspace(*pool, *id, [id = *id, done](core::hard_deletion_result r) {
      if (r.error) return done(job_outcome::retry(*r.error));
      if (r.existed) {
        spdlog::info("workspace {} hard-deleted (schema {}, {} core rows)", id,
                     r.schema.empty() ? "none" : r.schema, r.rows_deleted);
      }
      done(job_outcome::success());
    });
  };
  return kind;
}

job_kind cleanup_kind(std::shared_ptr<storage::pg::pool> pool, core::cleanup_policy policy) {
  job_kind kind;
  kind.name = std::string(workspace_cleanup_kind);
  kind.concurrency = 1;
  kind.max_attempts = 3;
  kind.timeout = std::chrono::minutes(1);
  kind.handler = [pool, policy](const job&, job_done done) {
    core::clean_inactive_workspaces(*pool, policy, [pool, done](core::cleanup_result r) {
      if (r.error) return done(job_outcome::retry(*r.error));
      for (const auto& id : r.soft_deleted)
        spdlog::info("workspace {} soft-deleted after its inactivity", id);
      if (r.due.empty()) return done(job_outcome::success());
      // One job per workspace, keyed by it: a deletion already queued (or done) is not queued
      // twice by the next run.
      std::vector<storage::pg::statement> enqueues;
      for (const auto& id : r.due) {
        storage::jobs::enqueue_request request;
        request.kind = std::string(workspace_delete_kind);
        request.payload = workspace_delete_payload(id);
        request.idempotency_key = "cleanup:" + id;
        enqueues.push_back(storage::jobs::enqueue_statement(request));
      }
      pool->transaction(std::move(enqueues), [done](storage::pg::transaction_result t) {
        if (!t.ok()) {
          return done(job_outcome::retry("enqueueing deletions failed: " +
                                         storage::pg::describe(*t.error)));
        }
        done(job_outcome::success());
      });
    });
  };
  return kind;
}

}  // namespace

std::string workspace_delete_payload(const std::string& workspace_id) {
  return json::serialize(json::object{{"workspaceId", workspace_id}});
}

void register_workspace_jobs(job_registry& jobs, std::shared_ptr<storage::pg::pool> pool,
                             storage::core::cleanup_policy policy) {
  jobs.add(delete_kind(pool));
  jobs.add(cleanup_kind(std::move(pool), policy));
}

std::optional<std::string> schedule_workspace_cleanup(storage::pg::pool& pool) {
  return put_schedule(pool, std::string(workspace_cleanup_kind),
                      std::string(workspace_cleanup_cron), std::string(workspace_cleanup_kind));
}

}  // namespace cohort::actors::jobs
