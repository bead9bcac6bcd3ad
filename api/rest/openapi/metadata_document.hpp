// GET /rest/open-api/metadata: the OpenAPI 3.1 document of the metadata REST API, listing what
// /rest/metadata serves (objects and fields through metadata_rest, webhooks through
// webhook_rest, API keys through platform/api_key_rest); the skeleton alone for a caller without a
// workspace, as Twenty answers.
#pragma once

#include <boost/json/object.hpp>
#include <string>

namespace cohort::api::rest::openapi {

boost::json::object metadata_document(bool with_workspace, const std::string& server_url);

}  // namespace cohort::api::rest::openapi
