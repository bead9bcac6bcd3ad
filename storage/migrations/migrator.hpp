// Applies pending migrations at start-up and for `cohort migrate`: all under one PostgreSQL
// advisory lock, so nodes starting together apply each migration exactly once, each in its own
// transaction. Blocking: call it from start-up code, never from a pool thread.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "storage/migrations/migration.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::storage::migrations {

struct applied_migration {
  int version;
  std::string name;
  std::chrono::milliseconds duration{0};
};

enum class migration_errc {
  invalid_list,       // the embedded list itself is malformed
  database,           // connecting, locking or reading the bookkeeping table failed
  checksum_mismatch,  // an applied migration's SQL has changed since
  unknown_version,    // the database has a migration this binary does not know (newer Cohort)
  failed,             // a migration's SQL failed; it was rolled back
};

struct migration_error {
  migration_errc code;
  int version = 0;
  std::string message;
};

struct migration_report {
  std::vector<applied_migration> applied;  // by this call, in order
  int schema_version = 0;                  // highest version applied in the database afterwards
  std::optional<migration_error> error;
  bool ok() const { return !error; }
};

migration_report run_migrations(pg::pool& pool, const migration_set& set = core_migration_set());

}  // namespace cohort::storage::migrations
