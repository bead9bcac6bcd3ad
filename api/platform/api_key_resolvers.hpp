// The API-key root fields of the platform schema (served on /metadata and /graphql).
#pragma once

#include "api/platform/resolver_support.hpp"

namespace cohort::api::platform {

void add_api_key_resolvers(resolver_list& out, const state_ptr& state);

}  // namespace cohort::api::platform
