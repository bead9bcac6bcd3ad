#include "storage/query/db_errors.hpp"

namespace cohort::storage::query {
namespace {

// The SQLSTATE core.raise_record_error uses (0003_outbox.sql): message is the client's text,
// detail the subCode, hint the extensions.code.
constexpr std::string_view record_guard = "CH001";

}  // namespace

record_error translate_db_error(const pg::error_info& error) {
  if (error.kind != pg::error_kind::server) {
    return internal_error("The database is unavailable, please retry later.");
  }
  const std::string_view state = error.sqlstate;
  if (state == record_guard) {
    return {error.hint.empty() ? "BAD_USER_INPUT" : error.hint, error.message,
            error.detail.empty() ? std::nullopt : std::optional(error.detail),
            std::string(generic_user_message)};
  }
  if (state == pg::sqlstate::unique_violation) {
    return {"BAD_USER_INPUT", "A duplicate entry was detected", "QUERY_VIOLATES_UNIQUE_CONSTRAINT",
            "This record already exists."};
  }
  if (state == "23502") {
    // PostgreSQL's text names the column and table only, as Twenty shows it.
    return internal_error(error.message);
  }
  if (state == "23503") {
    return bad_user_input("A related record does not exist",
                          "QUERY_VIOLATES_FOREIGN_KEY_CONSTRAINT");
  }
  if (state.starts_with("22")) {
    // Malformed value (bad timestamp, number out of range, ...): the client's input.
    return bad_user_input("Invalid value in the query input", "INVALID_QUERY_INPUT");
  }
  if (state == "57014")
    return {"TIMEOUT", "The query timed out", std::nullopt, std::string(generic_user_message)};
  return internal_error("An internal error occurred.");
}

}  // namespace cohort::storage::query
