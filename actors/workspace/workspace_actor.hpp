// The workspace actor: one per active workspace, the single owner of that workspace's metadata,
// compiled schemas and caches. Today it answers the internal echo route; the data model and
// record API issues give it its real protocol.
#pragma once

#include <caf/fwd.hpp>

#include <string>

namespace cohort::actors {

// Spawns the actor for `workspace_id` (behaviour: workspace_request -> workspace_reply).
caf::actor spawn_workspace_actor(caf::local_actor* parent, const std::string& workspace_id);

}  // namespace cohort::actors
