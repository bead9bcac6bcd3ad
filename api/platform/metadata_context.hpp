// The request context of /metadata: the caller's workspace actor beside the model, so that the
// metadata mutations can send their change to the actor that owns the workspace's model.
#pragma once

#include <caf/actor.hpp>

#include "actors/request_context.hpp"

namespace cohort::api::platform {

// graphql_endpoint creates one for every /metadata request; the /metadata mutations read it.
struct metadata_context : actors::request_context {
  caf::actor workspace;  // null outside a workspace (anonymous, workspace-agnostic token)
};

}  // namespace cohort::api::platform
