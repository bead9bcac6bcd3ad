// A closure sent to an actor to run on its own thread: how callbacks from the database pool (or a
// handler answering from another thread) get back into the actor that owns the state they touch.
// Node-local only (never crosses nodes), hence the unsafe-message-type declaration.
#pragma once

#include <caf/actor.hpp>
#include <caf/allowed_unsafe_message_type.hpp>
#include <caf/send.hpp>

#include <functional>

#include "actors/atoms.hpp"

namespace cohort::actors::jobs {

using task_atom = caf::atom_constant<caf::atom("task")>;

struct actor_task {
  std::function<void()> run;
};

// Runs fn inside `target` (dropped when the actor is gone). Safe from any thread.
inline void post_to(const caf::actor& target, std::function<void()> fn) {
  if (target) caf::anon_send(target, task_atom::value, actor_task{std::move(fn)});
}

}  // namespace cohort::actors::jobs

CAF_ALLOW_UNSAFE_MESSAGE_TYPE(cohort::actors::jobs::actor_task)
