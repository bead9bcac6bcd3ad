// paths of the core OpenAPI document for one object, as api/rest serves them (rest_route):
// /{p} (list, bulk update and delete by filter), /{p}/{id}, /batch/{p}, /{p}/restore and
// /{p}/{id}/restore, each with its parameters, body and Twenty's REST envelopes.
#pragma once

#include <boost/json/object.hpp>

#include "model/object_metadata.hpp"

namespace cohort::api::rest::openapi {

// Adds the object's path items to `paths`.
void add_record_paths(boost::json::object& paths, const model::object_metadata& object);

}  // namespace cohort::api::rest::openapi
