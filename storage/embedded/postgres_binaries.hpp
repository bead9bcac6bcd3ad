// Finding the PostgreSQL server programs (initdb, postgres): Debian keeps them outside PATH, under
// /usr/lib/postgresql/<version>/bin, so PATH alone is not enough.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace cohort::storage::embedded {

struct binaries_search {
  std::optional<std::filesystem::path> bin_dir;  // holds both initdb and postgres
  std::vector<std::filesystem::path> searched;   // every directory looked at, for the error message
};

// `preferred` (if not empty) is the only place searched; otherwise the newest
// /usr/lib/postgresql/*/bin, `pg_config --bindir`, /usr/local/pgsql/bin, then PATH.
binaries_search find_postgres_binaries(const std::filesystem::path& preferred = {});

bool has_server_binaries(const std::filesystem::path& dir);

// Orders version directories (e.g. /usr/lib/postgresql/9.6, /usr/lib/postgresql/15) newest first,
// comparing their names as version numbers, not as text.
std::vector<std::filesystem::path> newest_first(std::vector<std::filesystem::path> version_dirs);

}  // namespace cohort::storage::embedded
