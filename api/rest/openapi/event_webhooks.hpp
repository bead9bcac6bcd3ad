// The `webhooks` section of the core OpenAPI document: for each object, the requests Cohort sends
// to a webhook's target URL when its records change ("Person Created", ...), with the delivery
// body of api/webhooks/webhook_payload and the signature headers.
#pragma once

#include <boost/json/object.hpp>
#include <vector>

#include "model/object_metadata.hpp"

namespace cohort::api::rest::openapi {

boost::json::object event_webhooks(const std::vector<const model::object_metadata*>& objects);

// What those reference: one `{S}Event` body schema per object, the signature header parameters
// and the receiver's answer, added to the document's components (schemas, parameters and
// responses must exist).
void add_event_components(boost::json::object& components,
                          const std::vector<const model::object_metadata*>& objects);

}  // namespace cohort::api::rest::openapi
