// Exclusive use of one pooled connection for a sequence of statements (a transaction, a migration
// under an advisory lock). A cheap copyable handle: the connection returns to the pool when the
// last copy is gone or release() is called on it; an open transaction is rolled back then.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "storage/pg/result.hpp"

namespace cohort::storage::pg {

class connection;
class pool_core;

class lease {
 public:
  lease() = default;
  static lease failed(error_info error);
  static lease of(std::shared_ptr<connection> conn);

  // False when no connection could be leased; error() says why.
  explicit operator bool() const { return state_ != nullptr; }
  const error_info& error() const { return *error_; }

  // Statements run one after another in submission order; callbacks run on a pool thread.
  void query(std::string sql, params args, std::function<void(result)> done,
             bool prepare = true) const;
  // Runs `guard` and then `sql` in one pipeline (one round trip, one implicit transaction): when
  // the guard fails, `sql` does not run and the result is the guard's error with SQLSTATE
  // sqlstate::guard_failed (result.hpp); else it is the statement's result.
  void guarded_query(std::string guard_sql, params guard_args, std::string sql, params args,
                     std::function<void(result)> done) const;
  // Runs several semicolon-separated statements (simple protocol, no parameters); the result is
  // the last statement's, or the first error.
  void script(std::string sql, std::function<void(result)> done) const;

  // Blocking versions for start-up code and tests; fail with error_kind::usage on a pool thread.
  result query_sync(std::string sql, params args = {}, bool prepare = true) const;
  result script_sync(std::string sql) const;

  // Close the connection instead of returning it to the pool (session state was changed).
  void discard() const;
  // Drops this handle; the connection is returned when no other copy remains.
  void release() { state_.reset(); }

 private:
  struct state;
  std::shared_ptr<state> state_;
  std::shared_ptr<const error_info> error_;
};

}  // namespace cohort::storage::pg
