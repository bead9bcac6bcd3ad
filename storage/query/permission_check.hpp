// The record-level permission check every record query passes before it is compiled (GraphQL and
// REST both reach it through compile()): the operation's object right, read on every object a
// nested relation or connection reaches, and the caller's field rights on every field the query
// selects, filters on (at any depth, join columns and one relation hop included), orders, groups
// or aggregates by, and writes. Twenty leaked restricted fields through filters and totalCount
// (GHSA-v93q-4jcx-7p9m): here a field the caller may not read takes no part in a query at all.
#pragma once

#include <optional>

#include "model/query/record_query.hpp"
#include "model/workspace_model.hpp"
#include "storage/query/record_error.hpp"

namespace cohort::storage::query {

// Twenty's refusal (FORBIDDEN / PERMISSION_DENIED) when the caller may not run `query`; nullopt
// when it may (always for null or unrestricted permissions). System objects are exempt, as in
// Twenty 1.6: roles cannot hold permissions on them.
std::optional<record_error> permission_refusal(const model::record_query& query,
                                               const model::workspace_model& model);

// For selections the caller did not spell out (REST answers every field): drop the fields the
// caller may not read and the relations and connections to objects it may not read, as Twenty
// leaves restricted fields out of an implicit selection instead of refusing it.
void drop_unreadable(model::record_query& query, const model::workspace_model& model);

// Whether the caller may read this object's records (true for null permissions and system
// objects), and this field's values.
bool may_read_object(const model::effective_permissions* permissions,
                     const model::object_metadata& object);
bool may_read_field(const model::effective_permissions* permissions,
                    const model::object_metadata& object, const model::field_metadata& field);

}  // namespace cohort::storage::query
