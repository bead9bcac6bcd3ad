// What a workspace actor hands out for one version of its model: the model and the /graphql
// schema compiled from it (platform + record types, resolvers attached, parsed-document cache).
// Immutable and shared: a request keeps the runtime it started with, so a metadata change swaps
// in a new runtime without disturbing requests already running. Local to a node (not
// serializable): another node routes the request to the owner node instead.
#pragma once

#include <caf/allowed_unsafe_message_type.hpp>

#include <memory>
#include <string>

#include "graphql/service/graphql_service.hpp"
#include "model/workspace_model.hpp"

namespace cohort::actors {

struct workspace_runtime {
  std::shared_ptr<const model::workspace_model> model;
  std::shared_ptr<graphql::service::graphql_service> graphql;  // /graphql of this workspace
};

// (route_atom, runtime_request) to the registry, or (runtime_atom) to the workspace actor.
struct runtime_request {
  std::string workspace_id;
};

struct runtime_reply {
  std::shared_ptr<const workspace_runtime> runtime;  // null when `error` is set
  // "WORKSPACE_NOT_FOUND" (no such workspace, or deleted), "WORKSPACE_NOT_ACTIVE",
  // "INTERNAL_SERVER_ERROR" (database unavailable, schema failed to build)
  std::string error;
  std::string message;
};

}  // namespace cohort::actors

CAF_ALLOW_UNSAFE_MESSAGE_TYPE(cohort::actors::runtime_request)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(cohort::actors::runtime_reply)
