#include "storage/core/core_rows.hpp"

namespace cohort::storage::core {

std::string iso_timestamp_sql(std::string_view column) {
  return "to_char(" + std::string(column) +
         " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')";
}

}  // namespace cohort::storage::core
