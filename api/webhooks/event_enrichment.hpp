// What a record event lacks for Twenty's delivery body, looked up once per batch before fan-out:
// the metadata id of custom objects (standard ones have fixed ids) and the user behind the acting
// workspace member (`userId`). Events keep what cannot be found.
#pragma once

#include <functional>
#include <memory>
#include <vector>

#include "api/webhooks/webhook_payload.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::api::webhooks {

using event_batch = std::shared_ptr<std::vector<webhook_event>>;

// `done(false)` when a lookup failed (the batch is to be tried again).
void enrich_events(storage::pg::pool& pool, event_batch events, std::function<void(bool ok)> done);

}  // namespace cohort::api::webhooks
