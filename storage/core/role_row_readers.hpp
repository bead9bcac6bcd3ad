// The SELECT list of core.role (alias r) and its reader, shared by the role repositories.
#pragma once

#include <string>

#include "storage/core/role_rows.hpp"
#include "storage/core/row_readers.hpp"

namespace cohort::storage::core::detail {

const std::string& role_columns();
inline constexpr int role_column_count = 16;
role_row read_role(const pg::result& r, int row);

}  // namespace cohort::storage::core::detail
