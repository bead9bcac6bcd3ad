#include "runtime/api_services.hpp"

#include <unordered_set>

#include "model/standard/standard_objects.hpp"
#include "runtime/seed/prefill.hpp"
#include "storage/core/app_secret.hpp"

namespace cohort::runtime {

namespace {

namespace platform = api::platform;

// Parse, validation and cache options of an endpoint's GraphQL service.
graphql::service::service_options service_options_for(const config::settings& settings,
                                                      platform::endpoint which) {
  graphql::service::service_options options;
  options.validate.allow_introspection = which == platform::endpoint::graphql
                                             ? settings.graphql_introspection
                                             : settings.metadata_introspection;
  return options;
}

std::shared_ptr<const graphql::service::graphql_service> platform_service(
    platform::endpoint which, const platform::platform_services& services, std::string& failure) {
  std::vector<std::string> errors;
  auto schema = platform::build_platform_schema(which, services, &errors);
  if (!schema) {
    failure = errors.empty() ? "unknown error" : errors.front();
    return nullptr;
  }
  return std::make_shared<const graphql::service::graphql_service>(
      std::move(schema), nullptr,
      service_options_for(services.settings ? *services.settings : config::settings{}, which));
}

}  // namespace

std::variant<api_services, std::string> build_api_services(
    const config::settings& settings, std::shared_ptr<storage::pg::pool> pool) {
  api_services out;
  auto options = api::auth::token_service_options::from_settings(settings);
  if (options.app_secret.empty()) {
    auto stored = storage::core::load_or_create_app_secret(*pool);
    if (!stored.ok() || !stored.value) {
      return "APP_SECRET could not be read or created: " +
             (stored.error ? stored.error->message : std::string("no row"));
    }
    options.app_secret = *stored.value;
  }
  auto tokens = std::make_shared<const api::auth::token_service>(std::move(options));

  out.platform.pool = pool;
  out.platform.tokens = tokens;
  out.platform.settings = &settings;
  auto spares = storage::ddl::spare_schemas::create(
      pool, model::standard::shared_standard_objects(), settings.spare_schemas);
  spares->refill();  // in the background: the node serves meanwhile
  out.platform.provision_workspace =
      seed::provision_workspace(pool, std::move(spares), settings.sample_records);
  std::string failure;
  out.endpoints.tokens = tokens;
  out.endpoints.platform_graphql =
      platform_service(platform::endpoint::graphql, out.platform, failure);
  out.endpoints.platform_metadata =
      platform_service(platform::endpoint::metadata, out.platform, failure);
  if (!failure.empty()) return "the platform schema does not build: " + failure;

  auto deps = std::make_shared<actors::workspace_dependencies>();
  deps->pool = pool;
  deps->graphql_options = service_options_for(settings, platform::endpoint::graphql);
  deps->add_platform_types = [services = out.platform](graphql::type::schema_builder& builder) {
    platform::add_platform_schema(builder, platform::endpoint::graphql, services);
  };
  out.workspace_deps = std::move(deps);
  return out;
}

}  // namespace cohort::runtime
