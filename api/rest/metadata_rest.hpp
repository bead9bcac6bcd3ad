// /rest/metadata/objects and /rest/metadata/fields (list, get, create, update, delete): as Twenty
// does, each call becomes the matching /metadata GraphQL operation, run on the shared /metadata
// schema with the caller's workspace, and its answer is put in the REST envelope
// ({data: {objects: [...]}, pageInfo} for lists, {data: {object | createOneObject | ...}} for one;
// 201 on create; GraphQL error codes become HTTP statuses). The view families under
// /rest/metadata are served the same way by view_rest.
#pragma once

#include <caf/fwd.hpp>

#include <chrono>
#include <memory>
#include <string_view>

#include "actors/supervisor.hpp"
#include "api/http/message.hpp"
#include "api/rest/rest_endpoint.hpp"
#include "graphql/service/graphql_service.hpp"

namespace cohort::api::rest {

// True for /rest/metadata/objects[/{id}], /rest/metadata/fields[/{id}] and the view families.
bool is_metadata_rest_path(std::string_view path);

void serve_metadata_rest(caf::event_based_actor* self, const rest_services& services,
                         std::shared_ptr<const graphql::service::graphql_service> metadata,
                         const std::shared_ptr<actors::handle_table>& handles,
                         std::chrono::milliseconds timeout, http::request req,
                         http::responder done);

}  // namespace cohort::api::rest
