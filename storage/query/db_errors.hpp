// PostgreSQL failures of a compiled record statement translated into Twenty-shaped errors: the
// compiler's own guards (raised by core.raise_record_error), unique and not-null violations,
// malformed values, and everything else as a generic internal error. No SQL text ever leaks.
#pragma once

#include "storage/pg/result.hpp"
#include "storage/query/record_error.hpp"

namespace cohort::storage::query {

record_error translate_db_error(const pg::error_info& error);

}  // namespace cohort::storage::query
