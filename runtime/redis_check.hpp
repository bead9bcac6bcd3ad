// The optional Redis of REDIS_URL: checked once at start (a configured but unreachable Redis
// stops start-up) and exposed as the `redis` health indicator.
#pragma once

#include <optional>
#include <string>

#include "api/health.hpp"
#include "config/settings.hpp"

namespace cohort::runtime {

// A one-line reason when REDIS_URL is set but unusable.
std::optional<std::string> check_redis(const config::settings& settings);

// GET /healthz/redis: PING on a short-lived thread (never on an HTTP or actor thread); "up" with
// a note when no Redis is configured, since a single node needs none.
void add_redis_health(api::health_checks& health, const config::settings& settings);

}  // namespace cohort::runtime
