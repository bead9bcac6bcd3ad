// components/schemas of the metadata OpenAPI document: objects and fields as /rest/metadata
// answers them (the selection metadata_rest asks /metadata for) and their create / update bodies
// (the /metadata inputs), webhooks and their delivery log as webhook_rest answers them, API keys
// as api_key_rest answers them.
#pragma once

#include <boost/json/object.hpp>

namespace cohort::api::rest::openapi {

// Object, ObjectForCreate, ObjectForUpdate, Field, FieldForCreate, FieldForUpdate, Webhook,
// WebhookForCreate, WebhookForUpdate, WebhookDelivery, ApiKey, ApiKeyForCreate, ApiKeyForUpdate,
// PageInfo, RestError.
boost::json::object metadata_schemas();

}  // namespace cohort::api::rest::openapi
