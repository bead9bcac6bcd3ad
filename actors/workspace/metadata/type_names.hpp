// Generated GraphQL type names must not land on a type the workspace's schema already has for
// another purpose: an object "pageInfo" would otherwise be merged into the shared PageInfo type
// and break every connection. The check runs against the compiled schema the workspace serves.
#pragma once

#include <optional>
#include <string>

#include "graphql/type/schema.hpp"
#include "model/workspace_model.hpp"

namespace cohort::actors::metadata {

// The first type name generated for `object` (Person, PersonConnection, PersonFilterInput, ...)
// that `schema` already has for something else than the object's version in `model`; nullopt
// when none.
std::optional<std::string> clashing_type_name(const graphql::type::schema& schema,
                                              const model::workspace_model& model,
                                              const model::object_metadata& object);

}  // namespace cohort::actors::metadata
