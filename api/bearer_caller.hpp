// Who a request comes from: the bearer token of its Authorization header, verified, turned into
// the actors::caller every resolver sees. The workspace comes ONLY from the verified token.
// A request without a token is anonymous; a token that fails verification is an error in
// Twenty's shape (UNAUTHENTICATED with the verifier's message).
#pragma once

#include <string_view>
#include <variant>

#include "actors/request_context.hpp"
#include "api/auth/auth_error.hpp"
#include "api/auth/token_service.hpp"
#include "api/http/message.hpp"

namespace cohort::api {

// The header the request gate (api/request_gate) sets to the API key's name once it has found the
// key live in the database; removed from every incoming request first, so clients cannot set it.
inline constexpr std::string_view internal_api_key_name_header = "x-cohort-internal-api-key-name";

// The token of "Authorization: Bearer <token>" (scheme case-insensitive), or empty.
std::string_view bearer_token(const http::request& req);

std::variant<actors::caller, auth::auth_error> caller_from_request(
    const http::request& req, const auth::token_service& tokens);

// The GraphQL response body Twenty answers for a token it refuses:
// {"errors":[{"message":...,"extensions":{"userFriendlyMessage":...,"subCode":...,"code":...}}]}
std::string unauthenticated_body(const auth::auth_error& error);

}  // namespace cohort::api
