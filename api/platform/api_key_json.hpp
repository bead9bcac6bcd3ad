// The GraphQL / REST shape of an API key (Twenty's ApiKey: id, name, expiresAt, revokedAt,
// workspaceId, createdAt, updatedAt, role) and of the errors its service answers.
#pragma once

#include <boost/json/object.hpp>

#include "api/platform/api_key_service.hpp"
#include "api/platform/resolver_support.hpp"
#include "graphql/execution/error.hpp"

namespace cohort::api::platform {

// `role` is {"id": roleId} until attach_api_key_roles puts the whole Role there.
boost::json::object api_key_json(const api_key_row& row);

// Replaces the role of each key (one ApiKey object or an array of them) by the Role JSON.
void attach_api_key_roles(const state_ptr& state, std::string workspace_id, boost::json::value keys,
                          std::function<void(std::optional<field_error>, boost::json::value)> done);

// NOT_FOUND, FORBIDDEN (revoked), BAD_USER_INPUT (expired, invalid input) or INTERNAL_SERVER_ERROR,
// as Twenty's apiKeyGraphqlApiExceptionHandler maps them.
graphql::execution::field_error api_key_field_error(const api_key_error& error);

}  // namespace cohort::api::platform
