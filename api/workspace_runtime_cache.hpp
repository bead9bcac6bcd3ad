// The workspace runtimes one API actor kept: a /graphql request of a workspace whose runtime is
// still current runs on it at once, without the registry and workspace actor round trip (three
// thread crossings). Only ever used on its API actor's thread.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>

#include "actors/workspace/workspace_runtime.hpp"

namespace cohort::api {

class workspace_runtime_cache {
 public:
  // The runtime last kept for `workspace_id` while its workspace actor still hands it out
  // (null otherwise); the workspace is marked used for the registry's idle check.
  std::shared_ptr<const actors::workspace_runtime> current(const std::string& workspace_id);

  // Keeps the runtime a runtime request answered; an answer without one is not kept.
  void keep(const std::string& workspace_id, const actors::runtime_reply& reply);

 private:
  struct kept {
    // Weak: a runtime the workspace actor dropped (superseded, actor stopped) is freed with the
    // last request using it, not held here until the workspace's next request.
    std::weak_ptr<const actors::workspace_runtime> runtime;
    std::shared_ptr<actors::workspace_activity> activity;
  };
  std::unordered_map<std::string, kept> kept_;
};

}  // namespace cohort::api
