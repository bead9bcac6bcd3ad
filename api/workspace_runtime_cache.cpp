#include "api/workspace_runtime_cache.hpp"

namespace cohort::api {

std::shared_ptr<const actors::workspace_runtime> workspace_runtime_cache::current(
    const std::string& workspace_id) {
  auto it = kept_.find(workspace_id);
  if (it == kept_.end()) return nullptr;
  auto runtime = it->second.runtime.lock();
  if (!runtime || runtime->superseded.load()) {
    kept_.erase(it);
    return nullptr;
  }
  it->second.activity->touch();
  return runtime;
}

void workspace_runtime_cache::keep(const std::string& workspace_id,
                                   const actors::runtime_reply& reply) {
  if (!reply.runtime || !reply.activity || reply.runtime->superseded.load()) return;
  // A miss is rare next to the hits: the moment to forget workspaces passivated or deleted since.
  std::erase_if(kept_, [](const auto& entry) { return entry.second.runtime.expired(); });
  kept_[workspace_id] = kept{reply.runtime, reply.activity};
}

}  // namespace cohort::api
