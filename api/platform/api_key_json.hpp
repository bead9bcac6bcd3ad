// The GraphQL / REST shape of an API key (Twenty's ApiKey: id, name, expiresAt, revokedAt,
// workspaceId, createdAt, updatedAt, role) and of the errors its service answers.
#pragma once

#include <boost/json/object.hpp>

#include "api/platform/api_key_service.hpp"
#include "graphql/execution/error.hpp"

namespace cohort::api::platform {

// Roles are not stored yet: `role` is the key's roleId with the Admin role's abilities, which is
// what a key can do until roles are enforced.
boost::json::object api_key_json(const api_key_row& row);

// NOT_FOUND, FORBIDDEN (revoked), BAD_USER_INPUT (expired, invalid input) or INTERNAL_SERVER_ERROR,
// as Twenty's apiKeyGraphqlApiExceptionHandler maps them.
graphql::execution::field_error api_key_field_error(const api_key_error& error);

}  // namespace cohort::api::platform
