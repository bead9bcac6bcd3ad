#include "api/webhooks/webhook_jobs.hpp"

#include "api/webhooks/webhook_fan_out.hpp"

namespace cohort::api::webhooks {

namespace jobs = actors::jobs;

actors::jobs::job_kind webhook_deliver_job_kind(delivery_services services,
                                                const webhook_job_options& options) {
  jobs::job_kind kind;
  kind.name = std::string(deliver_job_kind);
  kind.concurrency = options.concurrency;
  kind.max_attempts = options.max_attempts;
  kind.backoff_base = options.backoff_base;
  kind.backoff_cap = options.backoff_cap;
  // The HTTP deadline plus time for the two statements around it.
  kind.timeout = services.timeout + std::chrono::seconds(10);
  kind.handler = [services](const jobs::job& job, jobs::job_done done) {
    auto delivery_id = delivery_id_of(job.payload);
    if (!delivery_id) return done(jobs::job_outcome::fail("unreadable payload: " + job.payload));
    deliver(services, *delivery_id, job.attempt, job.last_attempt(),
            [done](delivery_outcome outcome) {
              switch (outcome.what) {
                case delivery_outcome::status::success:
                  return done(jobs::job_outcome::success());
                case delivery_outcome::status::retry:
                  return done(jobs::job_outcome::retry(outcome.error, outcome.retry_after));
                case delivery_outcome::status::fail:
                  return done(jobs::job_outcome::fail(outcome.error));
              }
            });
  };
  return kind;
}

void register_webhooks(actors::jobs::job_registry& jobs,
                       actors::events::consumer_registry& consumers, delivery_services services,
                       const webhook_job_options& options) {
  consumers.add(
      {std::string(fan_out_consumer_name), make_fan_out_consumer(services.pool), true, 200});
  jobs.add(webhook_deliver_job_kind(std::move(services), options));
}

void register_webhooks(actors::jobs::job_registry& jobs,
                       actors::events::consumer_registry& consumers,
                       std::shared_ptr<storage::pg::pool> pool, const config::settings& settings,
                       std::shared_ptr<http::metrics_registry> metrics) {
  delivery_services services;
  services.pool = std::move(pool);
  services.client = std::make_shared<http::outbound_client>(1);
  services.allow_private_targets = settings.allow_private_network_targets;
  services.timeout = settings.webhook_timeout;
  services.metrics = std::move(metrics);
  webhook_job_options options;
  options.max_attempts = settings.webhook_max_attempts;
  options.backoff_base = settings.webhook_retry_base_delay;
  register_webhooks(jobs, consumers, std::move(services), options);
}

}  // namespace cohort::api::webhooks
