// The SELECT lists of the core rows and their readers, shared by the core repositories so every
// query returns the same columns in the same shape.
#pragma once

#include <string>

#include "storage/core/core_rows.hpp"
#include "storage/pg/result.hpp"

namespace cohort::storage::core::detail {

// Column lists for `SELECT <list> FROM core."user" u` (alias u), core.workspace w and
// core.user_workspace uw.
const std::string& user_columns();
const std::string& workspace_columns();
const std::string& user_workspace_columns();

user_row read_user(const pg::result& r, int row);
workspace_row read_workspace(const pg::result& r, int row);
user_workspace_row read_user_workspace(const pg::result& r, int row);

// The first row read with `reader`, or nothing; the error when the query failed.
template <typename T, typename Reader>
db_result<T> first_row(const pg::result& r, Reader reader) {
  if (!r.ok()) return db_result<T>::failure(r.error());
  if (r.rows() == 0) return {};
  return {reader(r, 0), std::nullopt};
}

}  // namespace cohort::storage::core::detail
