#include "runtime/migrations_runner.hpp"

#include <spdlog/spdlog.h>

#include "storage/migrations/migrator.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::runtime {

std::optional<std::string> apply_migrations(storage::pg::pool& pool) {
  auto report = storage::migrations::run_migrations(pool);
  if (!report.ok()) {
    const auto& e = *report.error;
    return "core migration " + std::to_string(e.version) + " failed: " + e.message;
  }
  if (report.applied.empty())
    spdlog::debug("core schema at version {}, nothing to migrate", report.schema_version);
  return std::nullopt;
}

}  // namespace cohort::runtime
