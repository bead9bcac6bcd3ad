// The outcome of one SQL statement run through the pool: either the rows and command status of a
// PGresult, or an error (SQLSTATE, message, detail). Move-only; never throws on a failed query.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct pg_result;

namespace cohort::storage::pg {

// Bound parameters in text format; std::nullopt is SQL NULL.
using params = std::vector<std::optional<std::string>>;

// Where an error came from, so callers need not parse SQLSTATEs for the pool's own failures.
enum class error_kind {
  server,      // PostgreSQL rejected the statement (SQLSTATE from the server)
  connection,  // could not connect, or the connection broke during the statement
  queue_full,  // more requests waiting than pool_options::max_queue
  shut_down,   // the pool was shut down before the request ran
  usage,       // misuse of the API (for example a blocking call on a pool thread)
};

struct error_info {
  error_kind kind = error_kind::server;
  std::string sqlstate;  // five characters; the pool's own errors use standard classes (08, 53, 57)
  std::string message;
  std::string detail;
  std::string hint;
  std::string constraint;  // name of the violated constraint, when the server gives one
};

// SQLSTATEs used by the pool for errors it reports itself.
namespace sqlstate {
inline constexpr std::string_view connection_failure = "08006";
inline constexpr std::string_view unable_to_connect = "08001";
// A guarded query's guard raised (pool::guarded_query); also what core.token_standing_changed()
// raises (migration 0019).
inline constexpr std::string_view guard_failed = "CHST1";
inline constexpr std::string_view insufficient_resources = "53000";
inline constexpr std::string_view admin_shutdown = "57P01";
inline constexpr std::string_view query_canceled = "57014";
inline constexpr std::string_view unique_violation = "23505";
}  // namespace sqlstate

class result {
 public:
  result() = default;  // an empty success without rows (for statements that return none)
  static result from_pg(pg_result* res);  // takes ownership
  static result failure(error_info error);
  static result failure(error_kind kind, std::string_view sqlstate, std::string message);

  bool ok() const { return !error_; }
  explicit operator bool() const { return ok(); }
  const error_info& error() const { return *error_; }

  int rows() const;
  int columns() const;
  std::string_view column_name(int col) const;
  // -1 when there is no such column.
  int column_index(std::string_view name) const;
  // Text value of a field; empty for NULL (use is_null to tell them apart).
  std::string_view get(int row, int col) const;
  bool is_null(int row, int col) const;
  std::optional<std::string_view> get_optional(int row, int col) const;
  // Rows touched by INSERT/UPDATE/DELETE (and rows returned by SELECT); 0 when not applicable.
  long affected_rows() const;
  // The command tag, e.g. "INSERT 0 1".
  std::string_view command_status() const;

 private:
  struct pg_clear {
    void operator()(pg_result* res) const;
  };
  std::unique_ptr<pg_result, pg_clear> res_;
  std::optional<error_info> error_;
};

// Human-readable one-line description of an error, for logs and test failure messages.
std::string describe(const error_info& error);

}  // namespace cohort::storage::pg
