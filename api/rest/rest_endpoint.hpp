// /rest/... as the API actor serves it: the caller authenticated from its bearer token (the
// workspace comes only from the token), the workspace's model fetched from the registry, the
// call turned into a record_query (rest_query) and answered by ONE statement on the pool.
#pragma once

#include <caf/fwd.hpp>

#include <chrono>
#include <memory>

#include "actors/supervisor.hpp"
#include "api/auth/token_service.hpp"
#include "api/http/message.hpp"
#include "api/workspace_runtime_cache.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::api::rest {

struct rest_services {
  std::shared_ptr<const auth::token_service> tokens;
  std::shared_ptr<storage::pg::pool> pool;
  // The runtimes kept by the API actor serving the call (see graphql_endpoints::runtimes); null:
  // every call asks the workspace registry.
  std::shared_ptr<workspace_runtime_cache> runtimes = {};
};

// Answers `req` (a request whose path starts with /rest) through `done`; runs on the API actor
// `self`, which asks the workspace registry (found in `handles`) for the caller's model unless it
// kept the workspace's runtime.
void serve_rest(caf::event_based_actor* self, const rest_services& services,
                const std::shared_ptr<actors::handle_table>& handles,
                std::chrono::milliseconds timeout, http::request req, http::responder done);

}  // namespace cohort::api::rest
