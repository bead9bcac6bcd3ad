// The keys a REST record answers, as a record_query projection: every active field of the object
// (composites with all their subfields), then the join columns (`companyId`); at depth 1 also each
// relation, a many-to-one as the nested record and a one-to-many as a list of records. The
// compiler answers a one-to-many as a connection; flatten_connections turns it into the list.
#pragma once

#include <boost/json/value.hpp>

#include "model/query/record_query.hpp"
#include "model/workspace_model.hpp"

namespace cohort::api::rest {

// Records of a one-to-many relation embedded at depth 1 (Twenty's QUERY_MAX_RECORDS_FROM_RELATION).
inline constexpr std::int64_t embedded_records_limit = 60;

// The `edges { node { ... } }` item of a connection whose nodes answer `node`.
model::connection_selection::item edges_of(model::record_selection node);

model::record_selection rest_selection(const model::object_metadata& object,
                                       const model::workspace_model& model, int depth);

// In place, on one record (or null) answered for `selection`: every connection becomes the array
// of its nodes.
void flatten_connections(boost::json::value& record, const model::record_selection& selection);

}  // namespace cohort::api::rest
