// REST management of webhooks, as Twenty's WebhookController serves it on /rest/metadata/webhooks
// and its deprecated alias /rest/webhooks: GET (list: every webhook as a bare array, paging
// parameters ignored — Twenty 1.6's findAll reads no query, so this family alone has no list
// envelope), POST (201, the webhook), GET/PATCH (and PUT)/DELETE /{id} (the webhook, or true for
// DELETE); an unknown id answers 404 (spec §4.8), a malformed one 400. Cohort extension:
// GET /{id}/deliveries, the delivery log (newest first, ?limit= up to 500, default 50).
#pragma once

#include <memory>
#include <string_view>

#include "api/auth/token_service.hpp"
#include "api/http/message.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::api::webhooks {

struct webhook_rest_services {
  std::shared_ptr<const auth::token_service> tokens;
  std::shared_ptr<storage::pg::pool> pool;
};

// True for /rest/metadata/webhooks and /rest/webhooks and what lies below them.
bool is_webhook_rest_path(std::string_view path);

// The metrics label of such a path (a bounded set).
const char* webhook_route_label(std::string_view path);

// Answers through `done` (exactly once, from a pool thread or this one).
void serve_webhook_rest(const webhook_rest_services& services, http::request req,
                        http::responder done);

}  // namespace cohort::api::webhooks
