// Message tags shared by Cohort's actors (CAF 0.17 atoms: at most 10 characters each).
#pragma once

#include <caf/atom.hpp>

namespace cohort::actors {

using route_atom = caf::atom_constant<caf::atom("route")>;
using echo_atom = caf::atom_constant<caf::atom("echo")>;
using count_atom = caf::atom_constant<caf::atom("count")>;
using tick_atom = caf::atom_constant<caf::atom("tick")>;
using publish_atom = caf::atom_constant<caf::atom("publish")>;
using subscribe_atom = caf::atom_constant<caf::atom("subscribe")>;
using unsub_atom = caf::atom_constant<caf::atom("unsub")>;
using stop_atom = caf::atom_constant<caf::atom("stop")>;
using child_atom = caf::atom_constant<caf::atom("child")>;
using loaded_atom = caf::atom_constant<caf::atom("loaded")>;
using runtime_atom = caf::atom_constant<caf::atom("runtime")>;

}  // namespace cohort::actors
