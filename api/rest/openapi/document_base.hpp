// What both OpenAPI documents share: the 3.1 skeleton (info, servers, the bearer security
// scheme required by every operation), the query parameters of the REST API as components, and
// the error responses with Twenty's REST error body.
#pragma once

#include <boost/json/object.hpp>
#include <string>
#include <string_view>

namespace cohort::api::rest::openapi {

// `server_url` is the server's public base ("http://host:port"); `api_path` the prefix the
// document's paths hang from ("/rest" or "/rest/metadata").
boost::json::object base_document(std::string_view title, std::string_view description,
                                  const std::string& server_url, std::string_view api_path);

// limit, depth, orderBy, filter, bulkFilter, startingAfter, endingBefore, idPath, upsert,
// softDelete.
boost::json::object parameter_components();

// Responses "400", "401", "403" (and "404"), each a RestError body with an example. Records
// answer 400 for a missing id, as Twenty does; only the metadata API answers 404.
boost::json::object error_response_components(bool with_not_found);

// {"$ref": "#/components/<section>/<name>"}.
boost::json::object component_ref(std::string_view section, std::string_view name);

// A 2xx response whose JSON body follows `schema`.
boost::json::object json_response(std::string description, boost::json::object schema);

// The error responses an operation lists (references to the components above).
boost::json::object with_error_responses(boost::json::object responses, bool can_miss = false);

}  // namespace cohort::api::rest::openapi
