// The consumer that feeds the node's event bus (actors/events/event_bus.hpp): each record event
// is published on its name ("person.created") as the JSON of record_event::to_json(). Registered
// as a live, node-local consumer: every node's bus sees every event, starting from when it started.
#pragma once

#include <caf/actor.hpp>

#include <functional>
#include <memory>

#include "actors/events/event_consumer.hpp"

namespace cohort::actors::events {

// `bus` answers the bus's current handle (it changes when the supervisor restarts the bus).
std::shared_ptr<event_consumer> make_event_bus_consumer(std::function<caf::actor()> bus);

}  // namespace cohort::actors::events
