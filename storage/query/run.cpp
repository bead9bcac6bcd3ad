#include "storage/query/run.hpp"

#include <spdlog/spdlog.h>
#include <boost/json/parse.hpp>
#include <future>

#include "storage/query/compile.hpp"
#include "storage/query/db_errors.hpp"

namespace cohort::storage::query {

void run(pg::pool& pool, const model::record_query& query, const model::workspace_model& model,
         run_callback done) {
  auto compiled = compile(query, model);
  if (auto* error = std::get_if<record_error>(&compiled)) {
    done(std::move(*error));
    return;
  }
  auto statement = std::get<compiled_statement>(std::move(compiled));
  const bool null_is_not_found = statement.null_is_not_found;
  pool.query(std::move(statement.sql), std::move(statement.params),
             [done = std::move(done), null_is_not_found, object = query.object](pg::result r) {
               if (!r.ok()) {
                 // SQLSTATE and message only: the detail can hold the row's values.
                 spdlog::warn("record query on {} failed: {}: {}", object, r.error().sqlstate,
                              r.error().message);
                 done(translate_db_error(r.error()));
                 return;
               }
               if (r.rows() != 1 || r.is_null(0, 0)) {
                 if (null_is_not_found) {
                   done(record_not_found());
                 } else {
                   done(boost::json::value(nullptr));
                 }
                 return;
               }
               boost::system::error_code ec;
               auto value = boost::json::parse(r.get(0, 0), ec);
               if (ec) {
                 spdlog::error("record query on {} returned invalid JSON: {}", object,
                               ec.message());
                 done(internal_error("An internal error occurred."));
                 return;
               }
               done(std::move(value));
             });
}

run_result run_sync(pg::pool& pool, const model::record_query& query,
                    const model::workspace_model& model) {
  std::promise<run_result> promise;
  auto future = promise.get_future();
  run(pool, query, model, [&promise](run_result r) { promise.set_value(std::move(r)); });
  return future.get();
}

}  // namespace cohort::storage::query
