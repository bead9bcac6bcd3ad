// The workspace registry: activates a workspace actor on first use, routes every request for a
// workspace to it, passivates it after an idle period and restarts it when it crashes.
//
// Protocol:
//   (route_atom, workspace_request)  -> delegated to the workspace actor (replies workspace_reply)
//   (route_atom, runtime_request)    -> delegated to the workspace actor (replies runtime_reply)
//   (get_atom, std::string id)       -> caf::actor (activating it if needed)
//   (count_atom)                     -> std::uint64_t live workspace actors
//   (gone_atom, std::string id)      -> stops the workspace's actor, if any, without restarting it
//                                       (the workspace was hard-deleted); its runtime and shared
//                                       schema go with the last request holding them
#pragma once

#include <caf/atom.hpp>
#include <caf/fwd.hpp>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace cohort::actors {

struct workspace_dependencies;

using gone_atom = caf::atom_constant<caf::atom("wsgone")>;

// Counters readable from any thread (for /metrics).
struct registry_stats {
  std::atomic<std::int64_t> live{0};
  std::atomic<std::uint64_t> activations{0};
  std::atomic<std::uint64_t> passivations{0};
  std::atomic<std::uint64_t> restarts{0};
};

struct registry_options {
  std::chrono::milliseconds idle_timeout = std::chrono::minutes(10);
  // How often idle workspaces are looked for; 0 picks a tenth of idle_timeout (at least 10 ms).
  std::chrono::milliseconds sweep_interval{0};
  // What the default factory hands every workspace actor.
  std::shared_ptr<const workspace_dependencies> workspace_deps;
  // Spawns (and monitors) the actor of one workspace; spawn_workspace_actor by default.
  std::function<caf::actor(caf::local_actor*, const std::string&)> factory;
  std::shared_ptr<registry_stats> stats = std::make_shared<registry_stats>();
};

caf::actor spawn_workspace_registry(caf::actor_system& sys, registry_options options);

}  // namespace cohort::actors
