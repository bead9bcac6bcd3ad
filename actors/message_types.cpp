#include "actors/message_types.hpp"

#include <caf/all.hpp>

#include "actors/workspace/workspace_request.hpp"

namespace cohort::actors {

void register_message_types(caf::actor_system_config& cfg) {
  cfg.add_message_type<workspace_request>("workspace_request");
  cfg.add_message_type<workspace_reply>("workspace_reply");
}

}  // namespace cohort::actors
