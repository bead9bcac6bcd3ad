// Applying a seed plan at start: each of its workspaces that does not exist yet is created
// completely — schema and tables, users, workspace members, records, then the core rows that make
// it visible — so an interrupted start leaves nothing that counts as seeded; the next start drops
// the half-made schema and begins again. Existing workspaces are left alone.
#pragma once

#include <optional>
#include <string>

#include "runtime/seed/seed_plan.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::runtime::seed {

// nullopt on success, else a one-line reason. Blocking: call it at start, not on a pool thread.
std::optional<std::string> apply_seed(storage::pg::pool& pool, const seed_plan& plan);

}  // namespace cohort::runtime::seed
