// GraphQL over HTTP for one endpoint (/graphql, /metadata): an HTTP request in, the response out
// through a responder, as Twenty's graphql-yoga answers it. Two steps so that the caller can
// authenticate and pick the workspace's service in between:
//
//   auto parsed = graphql_http::parse_request(req, options);
//   if (auto* refused = std::get_if<http::response>(&parsed)) return done(std::move(*refused));
//   ... authenticate, find the service ...
//   graphql_http::execute(std::get<graphql_http::graphql_request>(std::move(parsed)), service,
//                         &context, run_options, options, std::move(done));
//
// or serve() for both at once. `done` may be called from a resolver's thread.
#pragma once

#include "api/graphql_http/media.hpp"
#include "api/graphql_http/request_parser.hpp"
#include "api/graphql_http/response_mapper.hpp"
#include "api/http/message.hpp"
#include "graphql/service/graphql_service.hpp"

namespace cohort::api::graphql_http {

// Runs the request's operation(s) on `service` and answers through `done`. A request from GET may
// not run a mutation (405, Allow: POST), whatever `run` allows. `context` goes to resolvers and
// must stay valid until `done` has been called.
void execute(graphql_request request, const graphql::service::graphql_service& service,
             void* context, const graphql::service::run_options& run, const http_options& options,
             http::responder done);

// parse_request, then execute.
void serve(const http::request& request, const graphql::service::graphql_service& service,
           void* context, const graphql::service::run_options& run, const http_options& options,
           http::responder done);

}  // namespace cohort::api::graphql_http
