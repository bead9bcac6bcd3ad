#include "actors/supervisor.hpp"

#include <caf/all.hpp>

#include <spdlog/spdlog.h>

#include <deque>

#include "actors/atoms.hpp"

namespace cohort::actors {

caf::actor handle_table::get(const std::string& name) const {
  std::lock_guard lock(mutex_);
  auto it = handles_.find(name);
  return it == handles_.end() ? caf::actor{} : it->second;
}

void handle_table::set(const std::string& name, caf::actor handle) {
  std::lock_guard lock(mutex_);
  handles_[name] = std::move(handle);
}

void handle_table::clear() {
  std::lock_guard lock(mutex_);
  handles_.clear();
}

namespace {

using clock = std::chrono::steady_clock;

struct running_child {
  const child_spec* spec;
  caf::actor actor;
};

struct supervisor_state {
  supervisor_options options;
  // Shared with the exit hook, which runs after the state itself is gone.
  std::shared_ptr<std::vector<running_child>> running =
      std::make_shared<std::vector<running_child>>();
  std::deque<clock::time_point> recent_failures;
  std::uint64_t restarts = 0;
  static inline const char* name = "supervisor";
};

using supervisor_actor = caf::stateful_actor<supervisor_state>;

void start_child(supervisor_actor* self, running_child& child) {
  child.actor = child.spec->start(self->system());
  self->monitor(child.actor);
  self->state.options.handles->set(child.spec->name, child.actor);
}

bool within_restart_budget(supervisor_actor* self) {
  auto& st = self->state;
  auto now = clock::now();
  st.recent_failures.push_back(now);
  while (!st.recent_failures.empty() &&
         st.recent_failures.front() < now - st.options.restart_window)
    st.recent_failures.pop_front();
  return static_cast<int>(st.recent_failures.size()) <= st.options.max_restarts;
}

void on_child_down(supervisor_actor* self, const caf::down_msg& dm) {
  for (auto& child : *self->state.running) {
    if (child.actor.address() != dm.source) continue;
    if (dm.reason == caf::exit_reason::normal || dm.reason == caf::exit_reason::user_shutdown) {
      self->state.options.handles->set(child.spec->name, caf::actor{});
      return;
    }
    if (!within_restart_budget(self)) {
      spdlog::error("{} failed too often; supervisor gives up", child.spec->name);
      self->quit(dm.reason);
      return;
    }
    spdlog::warn("{} failed ({}); restarting", child.spec->name, self->system().render(dm.reason));
    ++self->state.restarts;
    start_child(self, child);
    return;
  }
}

caf::behavior supervisor(supervisor_actor* self, supervisor_options options) {
  self->state.options = std::move(options);
  auto& running = *self->state.running;
  running.reserve(self->state.options.children.size());
  for (const auto& spec : self->state.options.children) {
    running.push_back({&spec, {}});
    start_child(self, running.back());
  }
  self->set_down_handler([=](caf::down_msg& dm) { on_child_down(self, dm); });
  // However the supervisor ends, its children end with it, in reverse start order.
  self->attach_functor(
      [running = self->state.running, handles = self->state.options.handles](const caf::error&) {
        for (auto it = running->rbegin(); it != running->rend(); ++it)
          caf::anon_send_exit(it->actor, caf::exit_reason::user_shutdown);
        running->clear();
        handles->clear();
      });
  return {
      [=](caf::get_atom, const std::string& name) -> caf::actor {
        return self->state.options.handles->get(name);
      },
      [=](count_atom) -> std::uint64_t { return self->state.restarts; },
      [=](stop_atom) { self->quit(); },
  };
}

}  // namespace

caf::actor spawn_supervisor(caf::actor_system& sys, supervisor_options options) {
  return sys.spawn(supervisor, std::move(options));
}

}  // namespace cohort::actors
