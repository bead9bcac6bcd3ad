#include "storage/query/write_compiler.hpp"

#include "storage/query/query_failure.hpp"

namespace cohort::storage::query {

compiled_statement compile_write(compile_context&, const model::object_metadata&,
                                 const model::record_query&) {
  fail(bad_user_input("Not implemented", "NOT_IMPLEMENTED"));
}

}  // namespace cohort::storage::query
