// {s}Duplicates (spec §2.4) as one statement: the given records (`ids`, read from the table in the
// same statement) or would-be records (`data`) are the sources; for each, the live records that
// match any group of the object's duplicate criteria (every column of the group equal and at least
// three characters long, as Twenty checks) other than itself, as one Twenty connection per source
// in input order.
#pragma once

#include "model/object_metadata.hpp"
#include "model/query/record_query.hpp"
#include "storage/query/compile.hpp"
#include "storage/query/compile_context.hpp"

namespace cohort::storage::query {

compiled_statement compile_duplicates(compile_context& ctx, const model::object_metadata& object,
                                      const model::record_query& query);

}  // namespace cohort::storage::query
