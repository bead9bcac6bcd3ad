// {p}GroupBy on /graphql: Twenty 1.6.0 generates its types ({S}GroupByInput,
// {S}GroupByConnection) but not the root field, which newer Twenty has. `add_group_by_root_fields`
// adds `{p}GroupBy(groupBy, filter, orderBy, orderByForRecords, limit, offsetForRecords):
// [{S}GroupByConnection!]!` to Query for every object whose types are there (a 1.6.0 client never
// sees a change in what it uses), and `bind_group_by_field` turns a call into the record_query that
// storage/query compiles to one statement.
#pragma once

#include <functional>
#include <variant>

#include "actors/request_context.hpp"
#include "actors/workspace/binder/root_field_binder.hpp"
#include "graphql/type/schema_builder.hpp"

namespace cohort::actors::workspace::binder {

// groupBy: [{city: true}, {name: {firstName: true}}, {createdAt: true}] (1.6.0's Boolean date
// inputs group by the exact value: on /graphql a granularity cannot be asked for without changing
// 1.6.0's {S}GroupByInput, see bench/records/README.md); a date given as {granularity, timeZone,
// weekStartDay} (newer Twenty's input, REST's group_by) groups by that granularity. orderBy
// ([{S}OrderByWithGroupByInput!], group_by_order.hpp) orders the groups by dimensions or
// aggregates; orderByForRecords the records inside each group.
// One {S}GroupByInput item (GraphQL argument or REST `group_by` JSON): its (first) field set to
// true, a composite's subfield, or a date's granularity object; nullopt for anything else.
std::optional<model::group_dimension> dimension_of(const boost::json::value& item);

std::variant<model::record_query, field_error> bind_group_by_field(
    const model::object_metadata& object, const graphql::execution::resolve_info& info,
    const request_context& context);

void add_group_by_root_fields(
    graphql::type::schema_builder& builder, const model::workspace_model& model,
    const std::function<graphql::execution::field_resolver(const model::object_metadata&)>&
        resolver);

}  // namespace cohort::actors::workspace::binder
