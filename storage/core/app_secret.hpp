// The cluster's APP_SECRET when none is configured: generated once (PostgreSQL's strong random
// source) and kept in core.key_value_pair as CONFIG_VARIABLE "APP_SECRET", so every node signs and
// verifies tokens with the same key. Blocking: start-up code only, never a pool thread.
#pragma once

#include <string>

#include "storage/core/core_rows.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::storage::core {

inline constexpr const char* app_secret_key = "APP_SECRET";

// The stored secret, created first if there is none (nodes racing agree on one).
db_result<std::string> load_or_create_app_secret(pg::pool& pool);

}  // namespace cohort::storage::core
