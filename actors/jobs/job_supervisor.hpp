// The job supervisor: the parent of every durable job worker on this node. Job kinds register by
// name and workers claim rows of `core` job tables (events and jobs issue); until then it only
// reports how many workers it runs.
//
// Protocol: (count_atom) -> std::uint64_t running workers.
#pragma once

#include <caf/fwd.hpp>

namespace cohort::actors {

caf::actor spawn_job_supervisor(caf::actor_system& sys);

}  // namespace cohort::actors
