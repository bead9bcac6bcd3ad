// GET /rest/open-api/core: the OpenAPI 3.1 document of a workspace's record API, generated from
// its model (every active object, custom ones included; paths, schemas and the webhook events of
// each object), or just the skeleton for a caller without a workspace, as Twenty answers.
#pragma once

#include <boost/json/object.hpp>
#include <string>

#include "model/workspace_model.hpp"

namespace cohort::api::rest::openapi {

// `model` null: the document without objects.
boost::json::object core_document(const model::workspace_model* model,
                                  const std::string& server_url);

}  // namespace cohort::api::rest::openapi
