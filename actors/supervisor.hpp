// A one-for-one supervisor: starts its children in order, restarts a child that fails (up to a
// restart budget), and stops them in reverse order when it stops. Non-actor code (the HTTP
// bridge) reads the current handle of a child through the shared handle_table.
#pragma once

#include <caf/actor.hpp>
#include <caf/fwd.hpp>

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace cohort::actors {

struct child_spec {
  std::string name;
  std::function<caf::actor(caf::actor_system&)> start;
};

// Current handles of a supervisor's children, safe to read from any thread.
class handle_table {
 public:
  caf::actor get(const std::string& name) const;
  void set(const std::string& name, caf::actor handle);
  void clear();

 private:
  mutable std::mutex mutex_;
  std::map<std::string, caf::actor> handles_;
};

struct supervisor_options {
  std::vector<child_spec> children;
  std::shared_ptr<handle_table> handles = std::make_shared<handle_table>();
  // More than max_restarts failures within restart_window stop the supervisor (and so escalate).
  int max_restarts = 10;
  std::chrono::milliseconds restart_window = std::chrono::seconds(10);
};

// Protocol: (get_atom, std::string child) -> caf::actor; (count_atom) -> restarts so far.
caf::actor spawn_supervisor(caf::actor_system& sys, supervisor_options options);

}  // namespace cohort::actors
