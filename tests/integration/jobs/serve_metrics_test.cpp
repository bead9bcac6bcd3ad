// `cohort serve` runs the job system and the outbox relay: queue figures of the registered kinds
// appear in /metrics, and an outbox row committed while it runs is handed to its consumers.
#include <gtest/gtest.h>

#include "fixtures/cohort_server.hpp"
#include "fixtures/prometheus_text.hpp"
#include "jobs_env.hpp"

using namespace cohort::testing;
using namespace cohort::testing::jobs;

namespace {

std::optional<double> metric(cohort_server& server, const std::string& name,
                             const std::map<std::string, std::string>& labels = {}) {
  auto response = server.get("/metrics");
  if (!response || response->status != 200) return std::nullopt;
  return parse_prometheus(response->body).value(name, labels);
}

}  // namespace

TEST(ServeJobs, QueueFiguresAndRelayedEventsShowInMetrics) {
  auto env = jobs_env::create("jobs_serve");
  // Two dead deliveries and one not due for an hour.
  env->sql(
      "INSERT INTO core.job (kind, status, attempts, last_error, finished_at) SELECT "
      "'webhook.deliver', 'dead', 6, 'HTTP 500', now() FROM generate_series(1, 2)");
  env->sql(
      "INSERT INTO core.job (kind, run_at) VALUES ('webhook.deliver', now() + interval "
      "'1 hour')");
  temp_dir dir("cohort-jobs-serve");
  cohort_server server({.args = {},
                        .env = {{"PG_DATABASE_URL", env->conninfo}},
                        .data_dir = (dir.path() / "data").string()});
  ASSERT_TRUE(server.wait_ready()) << server.proc().output();

  const std::map<std::string, std::string> kind{{"kind", "webhook.deliver"}};
  ASSERT_TRUE(eventually([&] { return metric(server, "cohort_jobs_dead", kind) == 2.0; }))
      << server.get("/metrics")->body;
  EXPECT_EQ(metric(server, "cohort_jobs_queue_depth", kind), 1.0);
  EXPECT_EQ(metric(server, "cohort_jobs_oldest_ready_age_seconds", kind), 0.0);
  EXPECT_EQ(metric(server, "cohort_jobs_running", kind), 0.0);
  EXPECT_EQ(metric(server, "cohort_jobs_failures_total", kind), 0.0);

  // A committed outbox row reaches the node's consumers (the event bus, the webhook fan-out).
  auto before = metric(server, "cohort_events_delivered_total").value_or(-1);
  ASSERT_GE(before, 0.0);
  env->sql(
      "INSERT INTO core.outbox (workspace_id, object_name, action, record_id, after) VALUES "
      "(gen_random_uuid(), 'person', 'created', gen_random_uuid(), '{}')");
  ASSERT_TRUE(eventually(
      [&] { return metric(server, "cohort_events_delivered_total").value_or(0) > before; }));
  ASSERT_TRUE(eventually([&] {
    return metric(server, "cohort_events_consumer_lag", {{"consumer", "event_bus"}}) == 0.0;
  }));
  // Every durable consumer (webhook fan-out, timeline) saved its position past it.
  EXPECT_TRUE(eventually([&] {
    return env->sql(
               "SELECT count(*) FILTER (WHERE position = (SELECT max(id) FROM core.outbox)) = "
               "count(*) AND count(*) >= 2 FROM core.event_consumer") == "t";
  }));
  EXPECT_EQ(server.proc().stop(), 0);
}
