// The authentication guard every /rest route runs first, as Twenty's REST guard answers it: no
// bearer token is 403 FORBIDDEN_EXCEPTION, a token that does not verify is 401 with its auth code,
// and a token outside any workspace is 403 FORBIDDEN_EXCEPTION.
#pragma once

#include <variant>

#include "actors/request_context.hpp"
#include "api/auth/token_service.hpp"
#include "api/http/message.hpp"
#include "api/rest/rest_error.hpp"

namespace cohort::api::rest {

// The verified caller, always with a workspace; or the refusal to answer.
std::variant<actors::caller, rest_error> rest_caller(const http::request& req,
                                                     const auth::token_service& tokens);

}  // namespace cohort::api::rest
