// The services a node's API and workspace actors share, built once at start after the database
// is open: the token service (APP_SECRET from the settings or, when unset, the cluster's stored
// one), the platform schemas of /graphql and /metadata, and what every workspace actor needs to
// compile its own /graphql schema.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "actors/workspace/workspace_actor.hpp"
#include "api/graphql_endpoint.hpp"
#include "api/platform/platform_schema.hpp"
#include "config/settings.hpp"

namespace cohort::runtime {

struct api_services {
  api::graphql_endpoints endpoints;
  std::shared_ptr<const actors::workspace_dependencies> workspace_deps;
  api::platform::platform_services platform;
};

// The services, or a one-line reason they could not be built.
std::variant<api_services, std::string> build_api_services(const config::settings& settings,
                                                           std::shared_ptr<storage::pg::pool> pool);

}  // namespace cohort::runtime
