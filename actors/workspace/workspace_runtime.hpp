// What a workspace actor hands out for one version of its model: the model and the /graphql
// schema compiled from it (platform + record types, resolvers attached, parsed-document cache).
// Immutable and shared: a request keeps the runtime it started with, so a metadata change swaps
// in a new runtime without disturbing requests already running. Local to a node (not
// serializable): another node routes the request to the owner node instead.
//
// An API actor may keep the runtime it was handed and serve later requests of the workspace from
// it, without asking the registry and the workspace actor again, while `superseded` stays false;
// it then marks the workspace used on the `workspace_activity` the registry's idle check reads.
#pragma once

#include <caf/allowed_unsafe_message_type.hpp>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "graphql/service/graphql_service.hpp"
#include "model/workspace_model.hpp"

namespace cohort::actors {

struct workspace_runtime {
  std::shared_ptr<const model::workspace_model> model;
  std::shared_ptr<graphql::service::graphql_service> graphql;  // /graphql of this workspace
  // Set by the workspace actor, before it answers anything else, once this runtime is no longer
  // the one it hands out: another installed (a metadata change), dropped, or the actor stopped
  // (passivated, workspace deleted, failed). Whoever kept the runtime asks the registry again.
  mutable std::atomic<bool> superseded{false};
};

// When a workspace was last used, shared by its registry entry and whoever serves the workspace
// without going through the registry; read by the registry's idle passivation on its own thread.
struct workspace_activity {
  using clock = std::chrono::steady_clock;
  std::atomic<clock::rep> last_used{clock::now().time_since_epoch().count()};

  void touch() noexcept {
    last_used.store(clock::now().time_since_epoch().count(), std::memory_order_relaxed);
  }
  clock::time_point last() const noexcept {
    return clock::time_point(clock::duration(last_used.load(std::memory_order_relaxed)));
  }
};

// (route_atom, runtime_request) to the registry, or (runtime_request) to the workspace actor.
struct runtime_request {
  std::string workspace_id;
  std::shared_ptr<workspace_activity> activity = {};  // set by the registry on its way through
};

struct runtime_reply {
  std::shared_ptr<const workspace_runtime> runtime;  // null when `error` is set
  // "WORKSPACE_NOT_FOUND" (no such workspace, or deleted), "WORKSPACE_NOT_ACTIVE",
  // "INTERNAL_SERVER_ERROR" (database unavailable, schema failed to build)
  std::string error;
  std::string message;
  // The workspace's activity (as the registry set it on the request): who keeps the runtime
  // touches it on every request it serves from it.
  std::shared_ptr<workspace_activity> activity = {};
};

}  // namespace cohort::actors

CAF_ALLOW_UNSAFE_MESSAGE_TYPE(cohort::actors::runtime_request)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(cohort::actors::runtime_reply)
