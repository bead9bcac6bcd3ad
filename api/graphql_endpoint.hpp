// /graphql and /metadata as the API actor serves them: the GraphQL-over-HTTP request is parsed
// (graphql_http), the caller authenticated from its bearer token, and the request run on the
// right schema — the caller's workspace runtime (platform + records) for /graphql with a
// workspace token, the shared platform schema otherwise (anonymous sign-up and sign-in,
// workspace-agnostic tokens, /metadata).
#pragma once

#include <caf/fwd.hpp>

#include <chrono>
#include <memory>

#include "actors/supervisor.hpp"
#include "api/auth/token_service.hpp"
#include "api/http/message.hpp"
#include "api/workspace_runtime_cache.hpp"
#include "graphql/service/graphql_service.hpp"

namespace cohort::api {

struct graphql_endpoints {
  std::shared_ptr<const auth::token_service> tokens;
  std::shared_ptr<const graphql::service::graphql_service> platform_graphql;
  std::shared_ptr<const graphql::service::graphql_service> platform_metadata;
  // The runtimes kept by the API actor these endpoints run on (each API actor sets its own: the
  // cache is not thread-safe); null: every request asks the workspace registry.
  std::shared_ptr<workspace_runtime_cache> runtimes = {};
};

// Answers `req` (a request to /graphql or /metadata) through `done`; runs on the API actor
// `self`, which asks the workspace registry for the caller's runtime unless it kept it.
void serve_graphql(caf::event_based_actor* self, const graphql_endpoints& endpoints,
                   const std::shared_ptr<actors::handle_table>& handles,
                   std::chrono::milliseconds timeout, http::request req, http::responder done);

}  // namespace cohort::api
