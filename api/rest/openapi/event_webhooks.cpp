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

std::string event_component_name(const model::object_metadata& object) {
  return model::capitalize(object.name_singular) + "Event";
}

// One body schema per object (the actions differ only in eventName and updatedFields), shared
// by its webhook operations: the document stays about half the size it would be otherwise.
json::object delivery_body(const model::object_metadata& object) {
  json::array names;
  for (auto action : actions) names.emplace_back(object.name_singular + "." + std::string(action));
  json::object properties{
      {"targetUrl", text()},
      {"eventName", json::object{{"type", "string"}, {"enum", std::move(names)}}},
      {"objectMetadata",
       json::object{{"type", "object"},
                    {"properties", json::object{{"id", uuid()}, {"nameSingular", text()}}},
                    {"required", json::array{"id", "nameSingular"}}}},
      {"workspaceId", uuid()},
      {"webhookId", uuid()},
      {"eventDate", json::object{{"type", "string"}, {"format", "date-time"}}},
      {"userId", uuid()},
      {"workspaceMemberId", uuid()},
      {"record", schema_ref(response_component_name(object))},
      {"updatedFields", json::object{{"type", "array"},
                                     {"items", text()},
                                     {"description", "With updated events: what changed"}}}};
  json::array required{"targetUrl", "eventName", "objectMetadata", "workspaceId",
                       "webhookId", "eventDate", "record"};
  return json::object{
      {"type", "object"}, {"properties", std::move(properties)}, {"required", std::move(required)}};
}

json::object event_item(const model::object_metadata& object, std::string_view action) {
  json::object post{
      {"tags", json::array{json::string(object.name_plural)}},
      {"summary", "A " + object.name_singular + " was " + std::string(action)},
      {"operationId", object.name_singular + model::capitalize(action)},
      {"security", json::array()},
      {"parameters", json::array{component_ref("parameters", "webhookSignature"),
                                 component_ref("parameters", "webhookTimestamp"),
                                 component_ref("parameters", "webhookNonce")}},
      {"requestBody",
       json::object{
           {"required", true},
           {"content",
            json::object{{"application/json",
                          json::object{{"schema", schema_ref(event_component_name(object))}}}}}}},
      {"responses", json::object{{"200", component_ref("responses", "webhookReceived")}}}};
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

void add_event_components(json::object& components,
                          const std::vector<const model::object_metadata*>& objects) {
  auto& schemas = components["schemas"].as_object();
  for (const auto* object : objects)
    schemas[event_component_name(*object)] = delivery_body(*object);
  auto& parameters = components["parameters"].as_object();
  parameters["webhookSignature"] =
      header("X-Twenty-Webhook-Signature",
             "HMAC-SHA256 (hex) of `<timestamp>:<body>` keyed by the webhook's secret; the three "
             "headers come with webhooks that have a secret");
  parameters["webhookTimestamp"] =
      header("X-Twenty-Webhook-Timestamp", "Milliseconds since the epoch");
  parameters["webhookNonce"] = header("X-Twenty-Webhook-Nonce", "Unique per delivery");
  components["responses"].as_object()["webhookReceived"] =
      json::object{{"description", "Any 2xx: the delivery is done; other answers are retried"}};
}

}  // namespace cohort::api::rest::openapi
