#include "api/rest/openapi/event_webhooks.hpp"

#include <boost/json.hpp>

#include "api/rest/openapi/document_base.hpp"
#include "api/rest/openapi/field_schemas.hpp"
#include "api/rest/openapi/record_components.hpp"
#include "model/names.hpp"

namespace cohort::api::rest::openapi {

namespace json = boost::json;

namespace {

// The record actions the outbox records (storage/query write_compiler); Twenty's document lists
// the first three.
constexpr std::string_view actions[] = {"created", "updated", "deleted", "destroyed", "restored"};

json::object header(std::string_view name, std::string description) {
  return json::object{{"name", name},
                      {"in", "header"},
                      {"required", false},
                      {"description", std::move(description)},
                      {"schema", json::object{{"type", "string"}}}};
}

json::object text() {
  return json::object{{"type", "string"}};
}
json::object uuid() {
  return json::object{{"type", "string"}, {"format", "uuid"}};
}

json::object delivery_body(const model::object_metadata& object, std::string_view action) {
  const std::string event = object.name_singular + "." + std::string(action);
  json::object properties{
      {"targetUrl", text()},
      {"eventName", json::object{{"type", "string"}, {"enum", json::array{json::string(event)}}}},
      {"objectMetadata",
       json::object{{"type", "object"},
                    {"properties", json::object{{"id", uuid()}, {"nameSingular", text()}}},
                    {"required", json::array{"id", "nameSingular"}}}},
      {"workspaceId", uuid()},
      {"webhookId", uuid()},
      {"eventDate", json::object{{"type", "string"}, {"format", "date-time"}}},
      {"userId", uuid()},
      {"workspaceMemberId", uuid()},
      {"record", schema_ref(response_component_name(object))}};
  json::array required{"targetUrl", "eventName", "objectMetadata", "workspaceId",
                       "webhookId", "eventDate", "record"};
  if (action == "updated") {
    properties["updatedFields"] = json::object{{"type", "array"}, {"items", text()}};
  }
  return json::object{
      {"type", "object"}, {"properties", std::move(properties)}, {"required", std::move(required)}};
}

json::object event_item(const model::object_metadata& object, std::string_view action) {
  json::object post{
      {"tags", json::array{json::string(object.name_plural)}},
      {"summary", "A " + object.name_singular + " was " + std::string(action)},
      {"operationId", object.name_singular + model::capitalize(action)},
      {"security", json::array()},
      {"parameters",
       json::array{header("X-Twenty-Webhook-Signature",
                          "HMAC-SHA256 (hex) of `<timestamp>:<body>` keyed by the webhook's "
                          "secret; the three headers come with webhooks that have a secret"),
                   header("X-Twenty-Webhook-Timestamp", "Milliseconds since the epoch"),
                   header("X-Twenty-Webhook-Nonce", "Unique per delivery")}},
      {"requestBody",
       json::object{
           {"required", true},
           {"content", json::object{{"application/json",
                                     json::object{{"schema", delivery_body(object, action)}}}}}}},
      {"responses", json::object{{"200", json::object{{"description",
                                                       "Any 2xx: the delivery is done; other "
                                                       "answers are retried"}}}}}};
  return json::object{{"post", std::move(post)}};
}

}  // namespace

json::object event_webhooks(const std::vector<const model::object_metadata*>& objects) {
  json::object out;
  for (const auto* object : objects) {
    for (auto action : actions) {
      out[model::capitalize(object->name_singular) + " " + model::capitalize(action)] =
          event_item(*object, action);
    }
  }
  return out;
}

}  // namespace cohort::api::rest::openapi
