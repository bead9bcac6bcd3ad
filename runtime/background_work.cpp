#include "runtime/background_work.hpp"

#include <caf/all.hpp>

#include <unistd.h>

#include <random>

#include "actors/events/event_bus_consumer.hpp"
#include "actors/events/timeline_consumer.hpp"
#include "actors/jobs/job_supervisor.hpp"
#include "actors/jobs/job_worker.hpp"
#include "actors/workspace/workspace_registry.hpp"
#include "api/subscriptions/subscription_actor.hpp"
#include "storage/core/workspace_deletion.hpp"
#include "storage/events/notification_listener.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::runtime {

namespace {

std::string make_node_id() {
  char host[256] = {0};
  if (::gethostname(host, sizeof host - 1) != 0) host[0] = 0;
  std::random_device random;
  char suffix[16];
  std::snprintf(suffix, sizeof suffix, "%08x", random());
  return std::string(host) + ":" + std::to_string(::getpid()) + ":" + suffix;
}

}  // namespace

background_work::background_work() : node_id(make_node_id()) {}
background_work::~background_work() {
  stop_background_work(*this);
}

void add_background_children(background_work& work, actors::supervisor_options& sup,
                             std::shared_ptr<storage::pg::pool> pool) {
  auto handles = sup.handles;
  work.consumers->add({"event_bus", actors::events::make_event_bus_consumer([handles] {
                         return handles->get("event_bus");
                       }),
                       false});
  actors::events::register_timeline_consumer(*work.consumers, pool);
  actors::jobs::job_supervisor_options jobs;
  jobs.registry = work.jobs;
  jobs.pool = pool;
  jobs.node_id = work.node_id;
  jobs.metrics = work.job_metrics;
  sup.children.push_back({"job_supervisor", [jobs](caf::actor_system& s) {
                            return actors::spawn_job_supervisor(s, jobs);
                          }});
  actors::events::outbox_relay_options relay;
  relay.pool = pool;
  relay.consumers = work.consumers;
  relay.node_id = work.node_id;
  relay.metrics = work.relay_metrics;
  sup.children.push_back({"outbox_relay", [relay](caf::actor_system& s) {
                            return actors::events::spawn_outbox_relay(s, relay);
                          }});
}

void start_background_work(background_work& work, const storage::pg::pool& pool,
                           std::shared_ptr<actors::handle_table> handles,
                           api::http::metrics_registry& metrics) {
  work.listener = std::make_unique<storage::events::notification_listener>(
      pool.options().conninfo,
      std::vector<std::string>{"cohort_job", "cohort_outbox",
                               storage::core::workspace_deleted_channel},
      [handles](const std::string& channel, const std::string& payload) {
        if (channel == storage::core::workspace_deleted_channel) {
          // Every node stops the actor (and so the caches) of a hard-deleted workspace.
          if (auto registry = handles->get("workspace_registry"))
            caf::anon_send(registry, actors::gone_atom::value, payload);
          return;
        }
        if (channel != "cohort_job") {
          if (auto relay = handles->get("outbox_relay"))
            caf::anon_send(relay, actors::events::wake_atom::value);
        }
        if (channel != "cohort_outbox") {
          if (auto jobs = handles->get("job_supervisor"))
            caf::anon_send(jobs, actors::jobs::wake_atom::value, payload);
        }
      });

  for (const auto& kind : work.jobs->all()) {
    auto& m = work.job_metrics->of(kind->name);
    actors::jobs::kind_metrics* km = &m;
    api::http::label_set labels{{"kind", kind->name}};
    metrics.add_gauge_callback(
        "cohort_jobs_queue_depth", "Ready jobs (due or delayed) by kind",
        [km] { return km->queue_depth.load(); }, labels);
    metrics.add_gauge_callback(
        "cohort_jobs_running", "Jobs claimed and running, by kind",
        [km] { return km->running.load(); }, labels);
    metrics.add_gauge_callback(
        "cohort_jobs_oldest_ready_age_seconds",
        "Age of the oldest due job not yet claimed, by kind",
        [km] { return km->oldest_ready_age_seconds.load(); }, labels);
    metrics.add_gauge_callback(
        "cohort_jobs_dead", "Dead-lettered jobs kept, by kind", [km] { return km->dead.load(); },
        labels);
    metrics.add_gauge_callback(
        "cohort_jobs_succeeded_total", "Job attempts that succeeded on this node",
        [km] { return static_cast<double>(km->succeeded.load()); }, labels);
    metrics.add_gauge_callback(
        "cohort_jobs_failures_total", "Job attempts that failed on this node (retried or dead)",
        [km] { return static_cast<double>(km->failed_attempts.load()); }, labels);
    metrics.add_gauge_callback(
        "cohort_jobs_dead_lettered_total", "Jobs this node moved to the dead letters",
        [km] { return static_cast<double>(km->dead_lettered.load()); }, labels);
  }
  auto relay = work.relay_metrics;
  for (const auto& consumer : work.consumers->all()) {
    auto* lag = &relay->lag(consumer.name);
    metrics.add_gauge_callback("cohort_events_consumer_lag",
                               "Committed record events a consumer has not handled yet",
                               [relay, lag] { return lag->load(); }, {{"consumer", consumer.name}});
  }
  metrics.add_gauge_callback("cohort_events_delivered_total",
                             "Record events handed to consumers on this node",
                             [relay] { return static_cast<double>(relay->delivered.load()); });
  metrics.add_gauge_callback(
      "cohort_graphql_subscriptions", "GraphQL subscriptions streaming over SSE on this node",
      [] { return static_cast<double>(api::subscriptions::open_subscriptions()); });
  metrics.add_gauge_callback("cohort_events_failed_batches_total",
                             "Event batches a consumer refused (handed again later)",
                             [relay] { return static_cast<double>(relay->failed_batches.load()); });
}

void stop_background_work(background_work& work) {
  if (work.listener) {
    work.listener->stop();
    work.listener.reset();
  }
}

}  // namespace cohort::runtime
