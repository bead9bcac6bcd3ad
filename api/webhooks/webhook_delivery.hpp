// One attempt of one delivery (the work of a `webhook.deliver` job): load the delivery and its
// webhook, POST the signed body through the SSRF-guarded client, write the attempt to the delivery
// log, and say whether the job is done, should be retried (network errors, timeouts, 408/429/5xx,
// with Retry-After) or has failed for good. Deliveries of one webhook are kept in order by the
// jobs' ordering key (webhook_ordering_key), so a later event waits while an earlier one retries.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "api/http/metrics.hpp"
#include "api/http/outbound_client.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::api::webhooks {

// The job kind name, and its payload: {"deliveryId": "<uuid>"}.
inline constexpr std::string_view deliver_job_kind = "webhook.deliver";

struct delivery_services {
  std::shared_ptr<storage::pg::pool> pool;
  std::shared_ptr<http::outbound_client> client;
  bool allow_private_targets = false;  // ALLOW_PRIVATE_NETWORK_TARGETS
  std::chrono::milliseconds timeout{5000};
  // /metrics: attempts by outcome and their duration; null: not counted.
  std::shared_ptr<http::metrics_registry> metrics;
};

struct delivery_outcome {
  enum class status { success, retry, fail };
  status what = status::success;
  std::string error;
  std::optional<std::chrono::milliseconds> retry_after;
};

// The ordering key of a webhook's delivery jobs.
std::string webhook_ordering_key(std::string_view webhook_id);

// The job payload for a delivery, and the delivery id back out of one (nullopt: unreadable).
std::string deliver_job_payload(std::string_view delivery_id);
std::optional<std::string> delivery_id_of(std::string_view payload);

// Runs one attempt. `last_attempt`: a retryable failure makes the delivery dead instead of
// pending. `attempt` is sent as X-Cohort-Delivery-Attempt. `done` runs once, on a pool or client
// thread.
void deliver(const delivery_services& services, std::string delivery_id, int attempt,
             bool last_attempt, std::function<void(delivery_outcome)> done);

}  // namespace cohort::api::webhooks
