// Twenty's record API limits as Cohort applies them (spec §3.6; the values differ between Twenty
// versions, these follow the spec's recommendation).
#pragma once

#include <cstdint>

namespace cohort::storage::query {

inline constexpr std::int64_t default_page_size = 60;      // findMany without first/last
inline constexpr std::int64_t max_page_size = 200;         // first/last above it are capped
inline constexpr std::int64_t relation_page_size = 60;     // QUERY_MAX_RECORDS_FROM_RELATION
inline constexpr std::int64_t max_mutation_records = 200;  // createMany inputs, rows per update
inline constexpr int max_connection_depth = 5;             // CONNECTION_MAX_DEPTH

}  // namespace cohort::storage::query
