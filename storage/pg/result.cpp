#include "storage/pg/result.hpp"

#include <libpq-fe.h>

#include <cstdlib>

namespace cohort::storage::pg {

namespace {

std::string field(const PGresult* res, int code) {
  const char* value = PQresultErrorField(res, code);
  return value ? std::string(value) : std::string();
}

error_info error_from(const PGresult* res) {
  error_info error;
  error.kind = error_kind::server;
  error.sqlstate = field(res, PG_DIAG_SQLSTATE);
  error.message = field(res, PG_DIAG_MESSAGE_PRIMARY);
  error.detail = field(res, PG_DIAG_MESSAGE_DETAIL);
  error.hint = field(res, PG_DIAG_MESSAGE_HINT);
  error.constraint = field(res, PG_DIAG_CONSTRAINT_NAME);
  if (error.message.empty()) error.message = PQresultErrorMessage(res);
  return error;
}

}  // namespace

void result::pg_clear::operator()(pg_result* res) const {
  PQclear(res);
}

result result::from_pg(pg_result* res) {
  result out;
  switch (PQresultStatus(res)) {
    case PGRES_TUPLES_OK:
    case PGRES_COMMAND_OK:
    case PGRES_EMPTY_QUERY:
    case PGRES_SINGLE_TUPLE:
      out.res_.reset(res);
      break;
    case PGRES_FATAL_ERROR:
    case PGRES_NONFATAL_ERROR:
      out.error_ = error_from(res);
      PQclear(res);
      break;
    default:
      out.error_ =
          error_info{error_kind::usage,
                     "0A000",
                     std::string("unsupported result status ") + PQresStatus(PQresultStatus(res)),
                     {},
                     {},
                     {}};
      PQclear(res);
      break;
  }
  return out;
}

result result::failure(error_info error) {
  result out;
  out.error_ = std::move(error);
  return out;
}

result result::failure(error_kind kind, std::string_view state, std::string message) {
  return failure(error_info{kind, std::string(state), std::move(message), {}, {}, {}});
}

int result::rows() const {
  return res_ ? PQntuples(res_.get()) : 0;
}

int result::columns() const {
  return res_ ? PQnfields(res_.get()) : 0;
}

std::string_view result::column_name(int col) const {
  const char* name = res_ ? PQfname(res_.get(), col) : nullptr;
  return name ? std::string_view(name) : std::string_view();
}

int result::column_index(std::string_view name) const {
  for (int col = 0; col < columns(); ++col) {
    if (column_name(col) == name) return col;
  }
  return -1;
}

std::string_view result::get(int row, int col) const {
  if (!res_ || row < 0 || row >= rows() || col < 0 || col >= columns()) return {};
  return std::string_view(PQgetvalue(res_.get(), row, col),
                          static_cast<size_t>(PQgetlength(res_.get(), row, col)));
}

bool result::is_null(int row, int col) const {
  if (!res_ || row < 0 || row >= rows() || col < 0 || col >= columns()) return true;
  return PQgetisnull(res_.get(), row, col) != 0;
}

std::optional<std::string_view> result::get_optional(int row, int col) const {
  if (is_null(row, col)) return std::nullopt;
  return get(row, col);
}

long result::affected_rows() const {
  if (!res_) return 0;
  const char* tuples = PQcmdTuples(res_.get());
  return (tuples && *tuples) ? std::strtol(tuples, nullptr, 10) : 0;
}

std::string_view result::command_status() const {
  return res_ ? std::string_view(PQcmdStatus(res_.get())) : std::string_view();
}

std::string describe(const error_info& error) {
  std::string text = error.sqlstate.empty() ? std::string("error") : error.sqlstate;
  text += ": ";
  text += error.message;
  if (!error.detail.empty()) text += " (" + error.detail + ")";
  return text;
}

}  // namespace cohort::storage::pg
