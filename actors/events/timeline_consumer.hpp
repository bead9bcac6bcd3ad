// The timeline consumer: turns record events into the timelineActivity rows Twenty shows on a
// record's timeline — `<object>.<action>` on the record itself, `linked-note.<action>` /
// `linked-task.<action>` on the records a note or task targets — with an update merged into the
// same member's activity of the last 10 minutes. Durable and idempotent under replay.
#pragma once

#include <memory>
#include <string_view>

#include "actors/events/event_consumer.hpp"

namespace cohort::storage::pg {
class pool;
}

namespace cohort::actors::events {

inline constexpr std::string_view timeline_consumer_name = "timeline";

std::shared_ptr<event_consumer> make_timeline_consumer(std::shared_ptr<storage::pg::pool> pool);

// Registers it (durable) under timeline_consumer_name.
void register_timeline_consumer(consumer_registry& consumers,
                                std::shared_ptr<storage::pg::pool> pool);

}  // namespace cohort::actors::events
