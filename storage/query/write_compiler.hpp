// The mutations (create one/many with upsert, update, soft delete, destroy, restore) as one
// statement each: data-modifying CTEs change the rows, insert their record events into
// core.outbox in the same statement, and the final SELECT shapes the returned record(s).
#pragma once

#include "model/object_metadata.hpp"
#include "model/query/record_query.hpp"
#include "storage/query/compile.hpp"
#include "storage/query/compile_context.hpp"

namespace cohort::storage::query {

compiled_statement compile_write(compile_context& ctx, const model::object_metadata& object,
                                 const model::record_query& query);

}  // namespace cohort::storage::query
