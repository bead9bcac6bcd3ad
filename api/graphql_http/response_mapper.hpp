// From what graphql_service::run reports to the HTTP response graphql-yoga (as Twenty runs it)
// sends: the status by outcome and media type (GraphQL over HTTP: parse and validation errors are
// 200 with application/json and 400 with application/graphql-response+json; an unresolvable
// operation or invalid variables are 400 with both; a mutation over GET is 405, Allow: POST).
#pragma once

#include <boost/json/object.hpp>
#include <string>
#include <string_view>

#include "api/graphql_http/media.hpp"
#include "api/graphql_http/request_parser.hpp"
#include "api/http/message.hpp"
#include "graphql/service/graphql_service.hpp"

namespace cohort::api::graphql_http {

struct mapped_result {
  unsigned status = 200;
  std::string body;
  http::header_list headers;
};

mapped_result map_result(graphql::service::run_result result, response_media media,
                         const http_options& options);

http::response to_response(graphql::service::run_result result, response_media media,
                           const http_options& options);

// One GraphQL error with extensions, for answers the caller gives before running anything, e.g.
// Twenty's authentication failures: (media, 200, "Token invalid.", {"code": "UNAUTHENTICATED"}).
http::response error_response(response_media media, unsigned status, std::string_view message,
                              const boost::json::object& extensions = {});

// Twenty's error hook applied to a variable coercion response body (see
// http_options::twenty_variable_errors).
std::string twenty_variable_errors(std::string_view body, const http_options& options);

}  // namespace cohort::api::graphql_http
