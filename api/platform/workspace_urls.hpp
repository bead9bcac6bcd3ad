// Workspace URLs as Twenty builds them from the front-end base URL (FRONTEND_URL, else
// SERVER_URL): subdomainUrl "http://<subdomain>.localhost:3300/", customUrl "https://<domain>/";
// and the other way round, the workspace an Origin header designates.
#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "config/settings.hpp"
#include "storage/core/core_rows.hpp"

namespace cohort::api::platform {

// {"subdomainUrl": ..., "customUrl": ... or null}, Twenty's WorkspaceUrls.
boost::json::object workspace_urls_json(const config::settings& settings,
                                        const storage::core::workspace_row& workspace);
std::string subdomain_url(const config::settings& settings, std::string_view subdomain);

struct origin_target {
  std::string subdomain;  // the label before the base host; empty when the origin is the base
  std::string host;       // the whole host (a custom domain candidate)
};

// nullopt when `origin` is not an http(s) URL.
std::optional<origin_target> parse_origin(const config::settings& settings,
                                          std::string_view origin);

}  // namespace cohort::api::platform
