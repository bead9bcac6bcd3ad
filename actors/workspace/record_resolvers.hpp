// The resolvers of the record root fields: each binds its field's whole selection into a
// model::record_query and answers it with ONE statement from storage/query, whose JSON result is
// already shaped by response key. Errors come back in Twenty's shape (code, subCode,
// userFriendlyMessage).
#pragma once

#include <memory>

#include "actors/workspace/binder/root_field_binder.hpp"
#include "graphql/execution/resolver.hpp"
#include "storage/pg/pool.hpp"
#include "storage/query/record_error.hpp"

namespace cohort::actors::workspace {

// The resolver of `kind` on `object`; it reads the request_context from resolve_info::context().
graphql::execution::field_resolver record_resolver(std::shared_ptr<storage::pg::pool> pool,
                                                   const model::object_metadata& object,
                                                   binder::root_field kind);

// A record error as a GraphQL field error in Twenty's shape (extensions subCode,
// userFriendlyMessage, code).
graphql::execution::field_error record_field_error(const storage::query::record_error& e);

}  // namespace cohort::actors::workspace
