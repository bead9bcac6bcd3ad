// REST management of API keys on /rest/metadata/apiKeys (spec §2 and §4.8): GET (list, with
// ?limit, ?starting_after, ?ending_before), POST (201), GET/PATCH (and PUT)/DELETE /{id}, and
// POST /{id}/revoke; DELETE revokes, as Twenty's does. Answers use the metadata REST envelope
// {data: {apiKeys: [...]}, pageInfo, totalCount} / {data: {apiKey | createOneApiKey | ...}}; the
// deprecated alias /rest/apiKeys answers the bare array or key.
#pragma once

#include <memory>
#include <string_view>

#include "api/auth/token_service.hpp"
#include "api/http/message.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::api::platform {

struct api_key_rest_services {
  std::shared_ptr<const auth::token_service> tokens;
  std::shared_ptr<storage::pg::pool> pool;
};

// /rest/metadata/apiKeys and /rest/apiKeys and what lies below them.
bool is_api_key_rest_path(std::string_view path);

// The metrics label of such a path (a bounded set).
const char* api_key_route_label(std::string_view path);

// Answers through `done` (exactly once, from a pool thread or this one).
void serve_api_key_rest(const api_key_rest_services& services, http::request req,
                        http::responder done);

}  // namespace cohort::api::platform
