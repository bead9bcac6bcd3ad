// Versioned SQL migrations and the list embedded in the binary (storage/migrations/sql/*.sql, one
// file each). A migration's checksum is recorded when applied; changing an applied one is refused.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cohort::storage::migrations {

struct migration {
  int version;
  std::string_view name;
  std::string_view sql;  // one or more statements; runs inside one transaction
};

// A list of migrations and where its bookkeeping lives: <schema>.migrations, and the advisory
// lock that serialises runners on several nodes.
struct migration_set {
  std::string schema;
  std::vector<migration> migrations;
  std::int64_t lock_key = 0;
};

// The platform's `core` schema, from storage/migrations/sql.
const migration_set& core_migration_set();

// FNV-1a 64 of the SQL text, as 16 hex digits: detects edits, not tampering.
std::string migration_checksum(std::string_view sql);

// Why a list cannot be applied (versions not strictly increasing, not positive, empty names), or
// nothing when it is well-formed.
std::optional<std::string> validate(const std::vector<migration>& migrations);

}  // namespace cohort::storage::migrations
