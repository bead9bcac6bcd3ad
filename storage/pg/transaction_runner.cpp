#include "storage/pg/transaction_runner.hpp"

#include <memory>

namespace cohort::storage::pg {

namespace {

struct transaction_state : std::enable_shared_from_this<transaction_state> {
  lease conn;
  std::vector<statement> statements;
  std::function<void(transaction_result)> done;
  transaction_result outcome;

  void begin() {
    conn.query(
        "BEGIN", {},
        [self = shared_from_this()](result begun) {
          if (!begun.ok()) return self->fail(std::move(begun), -1);
          self->next(0);
        },
        false);
  }

  void next(std::size_t index) {
    if (index == statements.size()) return commit();
    auto& current = statements[index];
    conn.query(std::move(current.sql), std::move(current.args),
               [self = shared_from_this(), index](result outcome) {
                 if (!outcome.ok()) return self->fail(std::move(outcome), static_cast<int>(index));
                 self->outcome.results.push_back(std::move(outcome));
                 self->next(index + 1);
               });
  }

  void commit() {
    conn.query(
        "COMMIT", {},
        [self = shared_from_this()](result committed) {
          // A failed COMMIT (deferred constraint, serialization failure) has already rolled back.
          if (!committed.ok()) {
            return self->finish_failed(std::move(committed),
                                       static_cast<int>(self->statements.size()));
          }
          self->finish();
        },
        false);
  }

  void fail(result failure, int index) {
    // ROLLBACK also runs when the lease ends, but doing it here reports completion only once the
    // connection is clean. Its own failure (a lost connection) changes nothing for the caller.
    conn.query(
        "ROLLBACK", {},
        [self = shared_from_this(), failure = std::make_shared<result>(std::move(failure)),
         index](result) { self->finish_failed(std::move(*failure), index); },
        false);
  }

  void finish_failed(result failure, int index) {
    outcome.results.clear();
    outcome.error = failure.error();
    outcome.failed_statement = index;
    finish();
  }

  void finish() {
    auto callback = std::move(done);
    auto result_value = std::move(outcome);
    conn.release();
    callback(std::move(result_value));
  }
};

}  // namespace

void run_transaction(lease conn, std::vector<statement> statements,
                     std::function<void(transaction_result)> done) {
  auto state = std::make_shared<transaction_state>();
  state->conn = std::move(conn);
  state->statements = std::move(statements);
  state->done = std::move(done);
  state->begin();
}

}  // namespace cohort::storage::pg
