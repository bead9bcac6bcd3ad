// Plugs webhooks into the node's background work: the `webhook.deliver` job kind (one attempt of
// one delivery per run, retried with the kind's backoff or the receiver's Retry-After) and the
// fan-out consumer of record events. runtime/ calls register_webhooks() before the node spawns.
#pragma once

#include <chrono>
#include <memory>

#include "actors/events/event_consumer.hpp"
#include "actors/jobs/job_kind.hpp"
#include "api/webhooks/webhook_delivery.hpp"
#include "config/settings.hpp"

namespace cohort::api::webhooks {

struct webhook_job_options {
  int max_attempts = 6;
  std::chrono::milliseconds backoff_base{1000};
  std::chrono::milliseconds backoff_cap{std::chrono::minutes(10)};
  int concurrency = 16;  // deliveries in flight per node (each webhook's stay in order)
};

actors::jobs::job_kind webhook_deliver_job_kind(delivery_services services,
                                                const webhook_job_options& options);

void register_webhooks(actors::jobs::job_registry& jobs,
                       actors::events::consumer_registry& consumers, delivery_services services,
                       const webhook_job_options& options);

// The same from the node's settings (ALLOW_PRIVATE_NETWORK_TARGETS, WEBHOOK_*), with an outbound
// client of its own (one thread), counting attempts in `metrics`.
void register_webhooks(actors::jobs::job_registry& jobs,
                       actors::events::consumer_registry& consumers,
                       std::shared_ptr<storage::pg::pool> pool, const config::settings& settings,
                       std::shared_ptr<http::metrics_registry> metrics);

}  // namespace cohort::api::webhooks
