#include "actors/events/event_bus.hpp"

#include <caf/all.hpp>

#include <map>
#include <set>

#include "actors/atoms.hpp"

namespace cohort::actors {

namespace {

struct bus_state {
  std::map<std::string, std::set<caf::actor>> subscribers;
  static inline const char* name = "event_bus";
};

using bus_actor = caf::stateful_actor<bus_state>;

void forget(bus_actor* self, const caf::actor_addr& who) {
  for (auto& [topic, set] : self->state.subscribers) {
    for (auto it = set.begin(); it != set.end();) {
      if (it->address() == who)
        it = set.erase(it);
      else
        ++it;
    }
  }
}

caf::behavior event_bus(bus_actor* self) {
  self->set_down_handler([=](caf::down_msg& dm) { forget(self, dm.source); });
  return {
      [=](subscribe_atom, const std::string& topic) {
        auto who = caf::actor_cast<caf::actor>(self->current_sender());
        if (!who) return;
        self->monitor(who);
        self->state.subscribers[topic].insert(who);
      },
      [=](unsub_atom, const std::string& topic) {
        auto who = caf::actor_cast<caf::actor>(self->current_sender());
        auto it = self->state.subscribers.find(topic);
        if (who && it != self->state.subscribers.end()) it->second.erase(who);
      },
      [=](publish_atom, const std::string& topic, const std::string& event) {
        auto deliver = [&](const std::string& key) {
          auto it = self->state.subscribers.find(key);
          if (it == self->state.subscribers.end()) return;
          for (const auto& sub : it->second) self->send(sub, publish_atom::value, topic, event);
        };
        deliver(topic);
        if (topic != "*") deliver("*");
      },
      [=](count_atom) -> std::uint64_t {
        std::uint64_t n = 0;
        for (const auto& [topic, set] : self->state.subscribers) n += set.size();
        return n;
      },
  };
}

}  // namespace

caf::actor spawn_event_bus(caf::actor_system& sys) {
  return sys.spawn(event_bus);
}

}  // namespace cohort::actors
