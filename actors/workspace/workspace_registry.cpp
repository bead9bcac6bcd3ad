#include "actors/workspace/workspace_registry.hpp"

#include <caf/all.hpp>

#include <spdlog/spdlog.h>

#include <unordered_map>

#include "actors/atoms.hpp"
#include "actors/workspace/workspace_actor.hpp"
#include "actors/workspace/workspace_request.hpp"
#include "actors/workspace/workspace_runtime.hpp"

namespace cohort::actors {

namespace {

using clock = std::chrono::steady_clock;

struct entry {
  caf::actor actor;
  // Touched here on every routed request, and by API actors serving the workspace from a runtime
  // they kept (workspace_runtime.hpp), which do not come through here.
  std::shared_ptr<workspace_activity> activity = std::make_shared<workspace_activity>();
};

using workspace_map = std::unordered_map<std::string, entry>;

struct registry_state {
  registry_options options;
  // Shared with the exit hook below, which runs after the state itself is gone.
  std::shared_ptr<workspace_map> live = std::make_shared<workspace_map>();
  static inline const char* name = "workspace_registry";
};

using registry_actor = caf::stateful_actor<registry_state>;

entry& activate(registry_actor* self, const std::string& id) {
  auto& st = self->state;
  auto it = st.live->find(id);
  if (it == st.live->end()) {
    it = st.live->emplace(id, entry{st.options.factory(self, id)}).first;
    st.options.stats->activations++;
    st.options.stats->live = static_cast<std::int64_t>(st.live->size());
  }
  it->second.activity->touch();
  return it->second;
}

// Idle workspaces leave memory: an entry untouched for the idle timeout, here or by an API actor
// serving from a kept runtime, has no request in flight (a kept runtime stays usable for requests
// already holding it; the next one sees it superseded once the actor stopped and asks here).
void passivate_idle(registry_actor* self) {
  auto& st = self->state;
  auto deadline = clock::now() - st.options.idle_timeout;
  for (auto it = st.live->begin(); it != st.live->end();) {
    if (it->second.activity->last() < deadline) {
      spdlog::debug("workspace {} passivated after idle timeout", it->first);
      self->send_exit(it->second.actor, caf::exit_reason::user_shutdown);
      it = st.live->erase(it);
      st.options.stats->passivations++;
    } else {
      ++it;
    }
  }
  st.options.stats->live = static_cast<std::int64_t>(st.live->size());
}

// A deleted workspace: its actor stops and is not restarted (the down message finds no entry).
void forget(registry_actor* self, const std::string& id) {
  auto& st = self->state;
  auto it = st.live->find(id);
  if (it == st.live->end()) return;
  spdlog::info("workspace {} deleted: its actor stops", id);
  self->send_exit(it->second.actor, caf::exit_reason::user_shutdown);
  st.live->erase(it);
  st.options.stats->live = static_cast<std::int64_t>(st.live->size());
}

void on_workspace_down(registry_actor* self, const caf::down_msg& dm) {
  auto& st = self->state;
  for (auto& [id, e] : *st.live) {
    if (e.actor.address() != dm.source) continue;
    // A workspace actor only stops on its own when it fails: bring it back so the next request
    // (and any already queued behind this one) finds a fresh actor.
    spdlog::warn("workspace {} actor stopped ({}); restarting", id,
                 self->system().render(dm.reason));
    e.actor = st.options.factory(self, id);
    st.options.stats->restarts++;
    return;
  }
}

caf::behavior workspace_registry(registry_actor* self, registry_options options) {
  if (!options.factory) {
    options.factory = [deps = options.workspace_deps](caf::local_actor* parent,
                                                      const std::string& id) {
      return spawn_workspace_actor(parent, id, deps);
    };
  }
  if (options.sweep_interval.count() == 0)
    options.sweep_interval = std::max(std::chrono::milliseconds(10), options.idle_timeout / 10);
  self->state.options = std::move(options);
  self->set_down_handler([=](caf::down_msg& dm) { on_workspace_down(self, dm); });
  // The registry's workspace actors end with it.
  self->attach_functor(
      [live = self->state.live, stats = self->state.options.stats](const caf::error&) {
        for (auto& [id, e] : *live) caf::anon_send_exit(e.actor, caf::exit_reason::user_shutdown);
        live->clear();
        stats->live = 0;
      });
  self->delayed_send(self, self->state.options.sweep_interval, tick_atom::value);
  return {
      [=](route_atom, workspace_request& req) {
        const caf::actor& target = activate(self, req.workspace_id).actor;
        return self->delegate(target, std::move(req));
      },
      [=](route_atom, runtime_request& req) {
        auto& target = activate(self, req.workspace_id);
        req.activity = target.activity;
        return self->delegate(target.actor, std::move(req));
      },
      [=](caf::get_atom, const std::string& id) -> caf::actor { return activate(self, id).actor; },
      [=](count_atom) -> std::uint64_t { return self->state.live->size(); },
      [=](gone_atom, const std::string& id) { forget(self, id); },
      [=](tick_atom) {
        passivate_idle(self);
        self->delayed_send(self, self->state.options.sweep_interval, tick_atom::value);
      },
  };
}

}  // namespace

caf::actor spawn_workspace_registry(caf::actor_system& sys, registry_options options) {
  return sys.spawn(workspace_registry, std::move(options));
}

}  // namespace cohort::actors
