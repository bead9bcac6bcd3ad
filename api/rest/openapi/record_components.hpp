// components/schemas of the core OpenAPI document, from one workspace's model: per object
// `{S}` (create body), `{S}ForUpdate` (every property optional) and `{S}ForResponse` (a record as
// REST answers it, with relations present only at depth=1), the composite types the objects use,
// and the shared PageInfo and RestError shapes.
#pragma once

#include <boost/json/object.hpp>
#include <string>
#include <vector>

#include "model/workspace_model.hpp"

namespace cohort::api::rest::openapi {

// The objects the REST API serves (active ones), sorted by plural name as Twenty lists them.
std::vector<const model::object_metadata*> served_objects(const model::workspace_model& model);

std::string create_component_name(const model::object_metadata& object);    // Person
std::string update_component_name(const model::object_metadata& object);    // PersonForUpdate
std::string response_component_name(const model::object_metadata& object);  // PersonForResponse

boost::json::object record_schemas(const model::workspace_model& model,
                                   const std::vector<const model::object_metadata*>& objects);

// A create body for `object` that its `{S}` schema accepts: every required field and the label
// identifier.
boost::json::object create_example(const model::object_metadata& object);

// {"statusCode", "error", "messages"}: what every REST error answers (rest_error).
boost::json::object rest_error_schema();
boost::json::object page_info_schema();

}  // namespace cohort::api::rest::openapi
