// Twenty's filter input ({S}FilterInput: and / or / not, one key per field, composite subfields,
// join columns, one hop through a many-to-one relation) compiled to a SQL condition over one table
// alias. Every operator is checked against the field type's allowed list with Twenty's messages;
// every value is a bound parameter cast to the column's type.
#pragma once

#include <boost/json/value.hpp>
#include <string>

#include "model/object_metadata.hpp"
#include "storage/query/compile_context.hpp"

namespace cohort::storage::query {

// The condition for `filter` on `alias` (a row of `object`); "TRUE" for an empty filter.
std::string compile_filter(compile_context& ctx, const model::object_metadata& object,
                           const std::string& alias, const boost::json::value& filter);

// True when `deletedAt` appears anywhere in the filter: soft-deleted rows are then in scope.
bool mentions_deleted_at(const boost::json::value& filter);

// True for {} and for filters made only of empty logical groups ({and: []}, {or: [{}]}, ...):
// the bulk mutations refuse them (spec §8.4).
bool is_empty_filter(const boost::json::value& filter);

// The condition for `filter` plus Twenty's soft-delete scope (`deletedAt IS NULL` unless the
// filter mentions deletedAt).
std::string scoped_filter(compile_context& ctx, const model::object_metadata& object,
                          const std::string& alias, const boost::json::value& filter);

}  // namespace cohort::storage::query
