#include "api/rest/rest_caller.hpp"

#include "api/bearer_caller.hpp"

namespace cohort::api::rest {

std::variant<actors::caller, rest_error> rest_caller(const http::request& req,
                                                     const auth::token_service& tokens) {
  if (bearer_token(req).empty()) {
    return rest_error{.status = 403,
                      .error = "FORBIDDEN_EXCEPTION",
                      .messages = {"Missing authentication token"}};
  }
  auto caller = caller_from_request(req, tokens);
  if (auto* error = std::get_if<auth::auth_error>(&caller)) {
    return rest_error{.status = 401,
                      .error = std::string(auth::auth_error_code_name(error->code)),
                      .messages = {error->message}};
  }
  auto& who = std::get<actors::caller>(caller);
  if (!who.workspace_id) {
    return rest_error{.status = 403,
                      .error = "FORBIDDEN_EXCEPTION",
                      .messages = {"This token does not belong to a workspace"}};
  }
  return std::move(who);
}

}  // namespace cohort::api::rest
