// From an HTTP request to the GraphQL request(s) it carries, or to the response that refuses it,
// as graphql-yoga behind Twenty's Express answers: POST application/json (an object; an array is
// a batch, refused unless enabled), application/graphql and form bodies, GET with URL parameters.
// The caller can authenticate and route between parse_request and running the operations.
#pragma once

#include <cstddef>
#include <string>
#include <variant>
#include <vector>

#include "api/graphql_http/media.hpp"
#include "api/http/message.hpp"
#include "graphql/service/graphql_service.hpp"

namespace cohort::api::graphql_http {

struct http_options {
  // A JSON array body runs each element and answers an array (graphql-yoga `batching`). Off, as
  // in Twenty: "Batching is not supported." (400).
  bool batching = false;
  std::size_t max_batch = 10;  // more: 413
  // Variable coercion errors shaped by Twenty's error hook: graphql-js's inner message, no
  // locations, extensions {"http":{"status":400},"code":"BAD_USER_INPUT",
  // "userFriendlyMessage":"An error occurred."}. Off: graphql-js's errors as they are.
  bool twenty_variable_errors = true;
  // Inner messages that Twenty's scalars raise as a ValidationError: their code is
  // GRAPHQL_VALIDATION_FAILED instead of BAD_USER_INPUT.
  std::vector<std::string> validation_error_messages = {"Invalid UUID", "UUID must be a string"};
};

struct graphql_request {
  response_media media = response_media::json;
  bool from_get = false;  // GET may only run queries (a mutation is answered 405)
  bool batch = false;     // answer a JSON array, one result per operation
  std::vector<graphql::service::graphql_params> operations;
};

// Either what to run, or the response to send at once (405 method, 415 content type, 406 accept,
// 400 malformed body or parameters, 200/400 "Must provide query string.").
using parse_outcome = std::variant<graphql_request, http::response>;

parse_outcome parse_request(const http::request& request, const http_options& options = {});

// A response with a single GraphQL error {"errors":[{"message":...}]}: graphql-yoga's request
// errors. `spec` errors (missing query) follow the media type's mapping: 200 for
// application/json, `status` for application/graphql-response+json.
http::response request_error(response_media media, unsigned status, std::string_view message,
                             bool spec = false, http::header_list headers = {});

}  // namespace cohort::api::graphql_http
