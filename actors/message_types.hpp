// Registers every message type that actors exchange, under a stable name, so that the same
// messages can later cross nodes (CAF 0.17 sends the registered name on the wire).
#pragma once

#include <caf/fwd.hpp>

namespace cohort::actors {

void register_message_types(caf::actor_system_config& cfg);

}  // namespace cohort::actors
