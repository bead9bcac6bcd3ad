#include "actors/jobs/job_supervisor.hpp"

#include <caf/all.hpp>

#include <vector>

#include "actors/atoms.hpp"

namespace cohort::actors {

namespace {

struct job_supervisor_state {
  std::vector<caf::actor> workers;
  static inline const char* name = "job_supervisor";
};

caf::behavior job_supervisor(caf::stateful_actor<job_supervisor_state>* self) {
  return {
      [=](count_atom) -> std::uint64_t { return self->state.workers.size(); },
  };
}

}  // namespace

caf::actor spawn_job_supervisor(caf::actor_system& sys) {
  return sys.spawn(job_supervisor);
}

}  // namespace cohort::actors
