#include "storage/migrations/migration.hpp"

#include <cstdio>

namespace cohort::storage::migrations {

namespace {

const migration core_migrations[] = {
#include "storage/migrations/core_migrations.inc"
};

}  // namespace

const migration_set& core_migration_set() {
  static const migration_set set{
      "core",
      {std::begin(core_migrations), std::end(core_migrations)},
      // "CohortM1" in ASCII: one lock for everything that migrates schema core.
      0x436f686f72744d31};
  return set;
}

std::string migration_checksum(std::string_view sql) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (unsigned char c : sql) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
  return text;
}

std::optional<std::string> validate(const std::vector<migration>& migrations) {
  int previous = 0;
  for (const auto& step : migrations) {
    if (step.version <= 0) return "migration versions must be positive: " + std::string(step.name);
    if (step.version <= previous) {
      return "migration versions must increase: " + std::to_string(step.version) + " after " +
             std::to_string(previous);
    }
    if (step.name.empty()) return "migration " + std::to_string(step.version) + " has no name";
    previous = step.version;
  }
  return std::nullopt;
}

}  // namespace cohort::storage::migrations
