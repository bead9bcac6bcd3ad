// How {p}GroupBy orders its groups, the shape newer Twenty calls OrderByWithGroupBy: each item
// names a dimension ({city: AscNullsFirst}, {name: {firstName: DescNullsLast}}, a date as
// {createdAt: {orderBy: AscNullsFirst, granularity: MONTH}}) or an aggregate of the group
// ({aggregate: {totalCount: DescNullsLast}}). Read from the GraphQL argument and from REST's
// `order_by` JSON; `add_group_by_order_input` declares the GraphQL input types for one object.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include <boost/json/value.hpp>

#include "graphql/type/schema_builder.hpp"
#include "model/object_metadata.hpp"
#include "model/query/record_query.hpp"

namespace cohort::actors::workspace::binder {

// The groups' order, or the message of the first item that names no dimension, no aggregate
// of the object or no direction.
std::variant<std::vector<model::group_order>, std::string> group_order_of(
    const boost::json::value& items, const model::object_metadata& object,
    const std::vector<model::group_dimension>& dimensions);

// {S}OrderByWithGroupByInput (every key of {S}OrderByInput, dates as OrderByDateGranularityInput,
// plus `aggregate: {S}OrderByWithGroupByAggregateInput` with one direction per aggregate field of
// {S}GroupByConnection), with DateGranularityEnum and OrderByDateGranularityInput once. Types
// absent from Twenty 1.6.0 (which has no groupBy root field), named as newer Twenty names them.
// Returns the input's name, or empty when the object's order-by or connection type is missing.
std::string add_group_by_order_input(graphql::type::schema_builder& builder,
                                     const model::object_metadata& object);

}  // namespace cohort::actors::workspace::binder
