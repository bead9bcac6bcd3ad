// Turns the validated GraphQL selection under a record root field into the projection of a
// model::record_query: which keys each record answers (scalars, composites, nested many-to-one
// records, one-to-many connections with their own arguments), by response key. The compiler in
// storage/query then builds the whole tree into one SQL statement.
#pragma once

#include <optional>
#include <variant>

#include "graphql/execution/resolver.hpp"
#include "model/object_metadata.hpp"
#include "model/query/record_query.hpp"
#include "model/workspace_model.hpp"

namespace cohort::actors::workspace::binder {

using graphql::execution::field_error;

// The keys of `object`'s records selected by `set` (the sub-selection of a field whose type is the
// object's GraphQL type).
std::variant<model::record_selection, field_error> bind_record_selection(
    const graphql::execution::resolve_info& info, const graphql::execution::selection& set,
    const model::object_metadata& object, const model::workspace_model& model);

// The keys of a `{Object}Connection` selected by `set`, with the page `arguments` ask for
// (filter, orderBy, first, last, before, after, offset).
std::variant<model::connection_selection, field_error> bind_connection(
    const graphql::execution::resolve_info& info, const graphql::execution::selection& set,
    const boost::json::object& arguments, const model::object_metadata& object,
    const model::workspace_model& model);

// filter/orderBy/first/last/before/after/offset of a connection field's coerced arguments.
model::page_request page_from_arguments(const boost::json::object& arguments);

}  // namespace cohort::actors::workspace::binder
