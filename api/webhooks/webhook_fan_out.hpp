// The webhook consumer of record events (Twenty's CallWebhookJobsJob, made durable): each batch
// becomes one delivery-log row per (matching webhook x event), written in one statement, and one
// `webhook.deliver` job per new delivery, keyed by the delivery id (a replayed batch enqueues
// nothing twice) and ordered per webhook.
#pragma once

#include <memory>
#include <vector>

#include "actors/events/event_consumer.hpp"
#include "api/webhooks/webhook_payload.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::api::webhooks {

// The consumer's name in core.event_consumer.
inline constexpr std::string_view fan_out_consumer_name = "webhooks";

// A record event in the shape the delivery body is built from.
webhook_event to_webhook_event(const actors::events::record_event& event);

// Fans `events` out; `done(true)` once every delivery and job is stored.
void fan_out(storage::pg::pool& pool, std::vector<webhook_event> events,
             std::function<void(bool ok)> done);

std::shared_ptr<actors::events::event_consumer> make_fan_out_consumer(
    std::shared_ptr<storage::pg::pool> pool);

}  // namespace cohort::api::webhooks
