// API actors: they take an HTTP request off the HTTP thread, turn it into a workspace request,
// route it to the workspace registry and answer the connection when the workspace replies.
// Several run side by side; the router spreads requests over them.
//
// Protocol: (http_call) -> no reply; the call's responder is invoked exactly once.
#pragma once

#include <caf/allowed_unsafe_message_type.hpp>
#include <caf/fwd.hpp>

#include <chrono>
#include <memory>

#include "actors/supervisor.hpp"
#include "api/graphql_endpoint.hpp"
#include "api/http/message.hpp"
#include "api/request_gate.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::api {

// An HTTP request with the way back to its connection; only ever sent within one process.
struct http_call {
  http::request req;
  http::responder done;
};

struct api_actor_options {
  std::shared_ptr<actors::handle_table> handles;  // finds "workspace_registry"
  std::chrono::milliseconds request_timeout = std::chrono::seconds(30);
  graphql_endpoints graphql = {};                // /graphql and /metadata
  std::shared_ptr<storage::pg::pool> pool = {};  // /rest runs its statements here
  request_limits limits = {};                    // shared by every API actor of the node
  // SERVER_URL when set: the OpenAPI documents' server (empty: the address each client used).
  std::string server_url = {};
};

caf::actor spawn_api_actor(caf::actor_system& sys, api_actor_options options);

}  // namespace cohort::api

CAF_ALLOW_UNSAFE_MESSAGE_TYPE(cohort::api::http_call)
