// Record and connection selections compiled to JSON-building SQL: a record is a json object keyed
// by response keys; a MANY_TO_ONE relation is a correlated subquery on the target; a ONE_TO_MANY
// relation is a nested connection (its own filter, order, paging and aggregates) correlated on the
// join column. The whole tree is one expression, so one statement answers one root field.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "model/object_metadata.hpp"
#include "model/query/record_query.hpp"
#include "storage/query/compile_context.hpp"
#include "storage/query/json_text.hpp"

namespace cohort::storage::query {

// The json object for one row of `object` aliased `alias`, as JSON text (record_json_text) or
// as a json value.
json_text record_json_text(compile_context& ctx, const model::object_metadata& object,
                           const std::string& alias, const model::record_selection& selection,
                           int depth);
std::string record_json_sql(compile_context& ctx, const model::object_metadata& object,
                            const std::string& alias, const model::record_selection& selection,
                            int depth);

// Restricts a nested connection to the children of one parent row: column = outer expression.
struct correlation {
  std::string column;  // on the connection's object, e.g. companyId
  std::string outer;   // e.g. t0."id"
};

// The connection ({edges, pageInfo, totalCount, aggregates...} in response order) as one scalar
// subquery expression of JSON text (json_build_object's bytes, json_text.hpp).
std::string connection_json_sql(compile_context& ctx, const model::object_metadata& object,
                                const model::connection_selection& connection,
                                const std::optional<correlation>& parent, int depth);

// Every stored field of an object as Twenty's API shows it (scalars, composites with every
// subfield, join columns): the record body written to the outbox.
model::record_selection full_record_selection(const model::object_metadata& object);

}  // namespace cohort::storage::query
