// One live GraphQL subscription over SSE: an actor subscribed to the node's event bus that writes
// every event of the subscriber's workspace matching its plan to the client's stream, a heartbeat
// comment every 15 s, and ends (unsubscribing) when the stream closes; if the bus goes down, the
// stream is ended so that the client subscribes again.
//
// Protocol: (std::shared_ptr<http::stream_writer>) the stream is open: write to it from now on;
//           (stop_atom) the client went away; (publish_atom, topic, event JSON) from the bus.
#pragma once

#include <caf/allowed_unsafe_message_type.hpp>
#include <caf/fwd.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "api/http/stream.hpp"
#include "api/subscriptions/db_event_subscription.hpp"

namespace cohort::api::subscriptions {

struct subscription_options {
  std::string workspace_id;  // from the subscriber's verified token: the only events it sees
  db_event_subscription plan;
  caf::actor bus;
  std::chrono::milliseconds heartbeat{std::chrono::seconds(15)};
};

caf::actor spawn_subscription(caf::actor_system& sys, subscription_options options);

// Subscription actors alive on this node (for /metrics and leak tests).
std::int64_t open_subscriptions();

}  // namespace cohort::api::subscriptions

CAF_ALLOW_UNSAFE_MESSAGE_TYPE(std::shared_ptr<cohort::api::http::stream_writer>)
