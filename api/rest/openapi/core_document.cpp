#include "api/rest/openapi/core_document.hpp"

#include <boost/json.hpp>

#include "api/rest/openapi/document_base.hpp"
#include "api/rest/openapi/event_webhooks.hpp"
#include "api/rest/openapi/record_components.hpp"
#include "api/rest/openapi/record_paths.hpp"

namespace cohort::api::rest::openapi {

namespace json = boost::json;

namespace {

constexpr std::string_view core_description =
    "The REST API of this workspace's records, generated from its data model: one path per "
    "object and operation, custom objects and fields included.\n\n"
    "Authenticate with `Authorization: Bearer <token>` (an API key or an access token of the "
    "workspace).\n\n"
    "Lists page with `limit`, `starting_after` and `ending_before` (cursors from `pageInfo`), "
    "filter with `filter=field[comparator]:value` (e.g. `name.firstName[eq]:Ada`, combined with "
    "commas or `and(...)`, `or(...)`, `not(...)`) and order with "
    "`order_by=field[AscNullsFirst]`. Errors answer `{statusCode, error, messages}`.";

// The document's own path, public like Twenty's.
json::object self_path() {
  json::object get{
      {"tags", json::array{"open-api"}},
      {"summary", "This document"},
      {"operationId", "getOpenApiCore"},
      {"security", json::array{json::object(), json::object{{"bearerAuth", json::array()}}}},
      {"responses",
       json::object{{"200", json_response("The OpenAPI document of the caller's workspace",
                                          json::object{{"type", "object"}})}}}};
  return json::object{{"get", std::move(get)}};
}

}  // namespace

json::object core_document(const model::workspace_model* model, const std::string& server_url) {
  json::object doc = base_document("Cohort records API", core_description, server_url, "/rest");
  auto& paths = doc["paths"].as_object();
  auto& tags = doc["tags"].as_array();
  paths["/open-api/core"] = self_path();
  tags.push_back(json::object{{"name", "open-api"}, {"description", "The API's own documents"}});
  auto& components = doc["components"].as_object();
  components["responses"] = error_response_components(false);
  components["parameters"] = parameter_components();
  components["schemas"] = json::object{{"RestError", rest_error_schema()}};
  if (model == nullptr) return doc;

  auto objects = served_objects(*model);
  for (const auto* object : objects) {
    add_record_paths(paths, *object);
    std::string description = object->description && !object->description->empty()
                                  ? *object->description
                                  : "Records of " + object->label_plural;
    tags.push_back(json::object{{"name", object->name_plural}, {"description", description}});
  }
  components["schemas"] = record_schemas(*model, objects);
  doc["webhooks"] = event_webhooks(objects);
  add_event_components(components, objects);
  return doc;
}

}  // namespace cohort::api::rest::openapi
