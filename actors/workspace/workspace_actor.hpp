// The workspace actor: one per active workspace, the single owner of that workspace's model and
// of the runtime compiled from it (workspace_runtime.hpp). It loads the model on first use,
// compiles the /graphql schema and hands the runtime to every request that asks; metadata changes
// (issue 4) will go through it one at a time and swap in a new runtime. A runtime it stops
// handing out (replaced, dropped, or the actor stopped) is marked superseded, so that an API actor
// that kept it asks again (workspace_runtime.hpp).
//
// Protocol:
//   (workspace_request)  -> workspace_reply       the internal echo route
//   (runtime_request)    -> runtime_reply         the current runtime, loading it first if needed
#pragma once

#include <caf/fwd.hpp>

#include <functional>
#include <memory>
#include <string>

#include "actors/workspace/shared_schemas.hpp"
#include "graphql/service/graphql_service.hpp"
#include "graphql/type/schema_builder.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::actors {

// What every workspace actor of a node shares.
struct workspace_dependencies {
  std::shared_ptr<storage::pg::pool> pool;
  // Adds the platform types and root fields (api/platform) that /graphql serves beside the
  // records; injected because the platform lives in a layer above the actors.
  std::function<void(graphql::type::schema_builder&)> add_platform_types;
  // Compiled schemas shared by workspaces with the same model; null: one per workspace.
  std::shared_ptr<shared_schemas> schemas = std::make_shared<shared_schemas>();
  // Parse, validation (limits, introspection switch) and cache options of each /graphql service.
  graphql::service::service_options graphql_options;
};

// Spawns the actor for `workspace_id`, monitored by `parent`.
caf::actor spawn_workspace_actor(caf::local_actor* parent, const std::string& workspace_id,
                                 std::shared_ptr<const workspace_dependencies> deps);

}  // namespace cohort::actors
