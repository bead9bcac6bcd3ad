// Compiles a workspace_runtime from a model: the platform types, the record types and root
// fields generated from the model with their resolvers, built into one validated schema and
// wrapped in a graphql_service (document cache per schema).
#pragma once

#include <memory>
#include <variant>

#include "actors/workspace/workspace_actor.hpp"
#include "actors/workspace/workspace_runtime.hpp"

namespace cohort::actors {

// The runtime, or the schema builder's message when the model produced an invalid schema.
std::variant<std::shared_ptr<const workspace_runtime>, std::string> build_workspace_runtime(
    std::shared_ptr<const model::workspace_model> model, const workspace_dependencies& deps);

}  // namespace cohort::actors
