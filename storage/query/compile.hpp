// The record query compiler: one model::record_query (a GraphQL root field or a REST call) becomes
// ONE parameterised SQL statement whose single row and column is the complete JSON answer, keyed by
// response keys (a connection for find_many, a record or null for find_one and the one-record
// writes, a list for the many-record writes). Values are always bound parameters; identifiers come
// only from metadata and are always quoted. Client mistakes come back as record_error values.
#pragma once

#include <string>
#include <variant>

#include "model/query/record_query.hpp"
#include "model/workspace_model.hpp"
#include "storage/pg/result.hpp"
#include "storage/query/record_error.hpp"

namespace cohort::storage::query {

struct compiled_statement {
  std::string sql;
  pg::params params;  // $1..$n in text format
  // The statement answers SQL NULL when no record matched; for find_one and the one-record writes
  // that is Twenty's NOT_FOUND "Record not found".
  bool null_is_not_found = false;
};

using compile_result = std::variant<compiled_statement, record_error>;

compile_result compile(const model::record_query& query, const model::workspace_model& model);

}  // namespace cohort::storage::query
