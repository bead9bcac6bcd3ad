// How /rest/metadata answers through the /metadata GraphQL API, as Twenty's metadata REST does:
// one GraphQL operation run on the shared /metadata schema in the REST caller's workspace (the
// same resolvers, rules and errors as a GraphQL client gets), and the first GraphQL error of an
// answer turned into the REST error shape (NOT_FOUND → 404, BAD_USER_INPUT → 400, ...).
#pragma once

#include <caf/fwd.hpp>

#include <boost/json/object.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "actors/request_context.hpp"
#include "actors/supervisor.hpp"
#include "api/http/message.hpp"
#include "api/rest/rest_error.hpp"
#include "graphql/service/graphql_service.hpp"

namespace cohort::api::rest {

// What running an operation needs; `self` is the API actor serving the call.
struct metadata_runner {
  caf::event_based_actor* self = nullptr;
  std::shared_ptr<const graphql::service::graphql_service> metadata;
  std::shared_ptr<actors::handle_table> handles;
  std::chrono::milliseconds timeout{};
};

// The parsed GraphQL answer ({data, errors}); called at most once.
using metadata_answer = std::function<void(const boost::json::object& answer)>;

// Runs `params` for `who` (a caller with a workspace) and hands the answer to `answer`; when the
// workspace cannot be reached, `done` gets the 503/504 (or 403 for a workspace that is gone).
void run_metadata_operation(const metadata_runner& runner, actors::caller who,
                            std::string request_id, graphql::service::graphql_params params,
                            metadata_answer answer, http::responder done);

// The REST error of a GraphQL error object ({message, extensions: {code}}).
rest_error rest_error_of_graphql(const boost::json::object& error);

// The REST error of the answer's first GraphQL error, if it has one.
std::optional<rest_error> first_graphql_error(const boost::json::object& answer);

}  // namespace cohort::api::rest
