// Runs a list of statements inside BEGIN ... COMMIT on a leased connection, rolling back on the
// first error; the engine behind pool::transaction.
#pragma once

#include <functional>
#include <vector>

#include "storage/pg/lease.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::storage::pg {

void run_transaction(lease conn, std::vector<statement> statements,
                     std::function<void(transaction_result)> done);

}  // namespace cohort::storage::pg
