// The node-local event bus: actors subscribe to topics ("person.created", or "*" for all) and
// receive every event published on them, in publication order. Subscribers that stop are dropped.
// The outbox relay (events issue) publishes committed record events here.
//
// Protocol:
//   (subscribe_atom, std::string topic)                   subscribes the sender
//   (unsub_atom, std::string topic)                       unsubscribes the sender
//   (publish_atom, std::string topic, std::string event)  -> each subscriber gets the same message
//   (count_atom)                                          -> std::uint64_t subscriptions
#pragma once

#include <caf/fwd.hpp>

namespace cohort::actors {

caf::actor spawn_event_bus(caf::actor_system& sys);

}  // namespace cohort::actors
