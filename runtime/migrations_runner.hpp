// Applies the core schema migrations through the pool at start-up and for `cohort migrate`,
// logging what was applied.
#pragma once

#include <optional>
#include <string>

namespace cohort::storage::pg {
class pool;
}

namespace cohort::runtime {

// A one-line reason on failure.
std::optional<std::string> apply_migrations(storage::pg::pool& pool);

}  // namespace cohort::runtime
