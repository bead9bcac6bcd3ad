#include "api/rest/openapi/metadata_schemas.hpp"

#include <boost/json.hpp>

#include "api/rest/openapi/field_schemas.hpp"
#include "api/rest/openapi/record_components.hpp"
#include "model/field_type.hpp"

namespace cohort::api::rest::openapi {

namespace json = boost::json;

namespace {

// One property: its schema, whether it is required, whether it may be null.
struct property {
  std::string_view name;
  json::object schema;
  bool required = false;
  bool can_be_null = false;
};

json::object object_of(std::initializer_list<property> properties) {
  json::object props;
  json::array required;
  for (const auto& p : properties) {
    props[p.name] = p.can_be_null ? nullable(p.schema) : p.schema;
    if (p.required) required.emplace_back(p.name);
  }
  json::object out{{"type", "object"}, {"properties", std::move(props)}};
  if (!required.empty()) out["required"] = std::move(required);
  return out;
}

json::object text() {
  return json::object{{"type", "string"}};
}
json::object flag() {
  return json::object{{"type", "boolean"}};
}
json::object uuid() {
  return json::object{{"type", "string"}, {"format", "uuid"}};
}
json::object time() {
  return json::object{{"type", "string"}, {"format", "date-time"}};
}
json::object any() {
  return json::object{{"description", "Any JSON value"}};
}
json::object texts() {
  return json::object{{"type", "array"}, {"items", text()}};
}

json::object field_type_enum() {
  json::array values;
  for (auto type : model::all_field_types()) {
    if (model::is_in_metadata_enum(type)) values.emplace_back(model::to_string(type));
  }
  return json::object{{"type", "string"}, {"enum", std::move(values)}};
}

json::object object_summary() {
  return object_of(
      {{"id", uuid(), true}, {"nameSingular", text(), true}, {"namePlural", text(), true}});
}

json::object relation_schema() {
  return object_of(
      {{"type",
        json::object{{"type", "string"}, {"enum", json::array{"MANY_TO_ONE", "ONE_TO_MANY"}}},
        true},
       {"sourceObjectMetadata", object_summary()},
       {"targetObjectMetadata", object_summary()},
       {"sourceFieldMetadata", object_of({{"id", uuid(), true}, {"name", text(), true}})},
       {"targetFieldMetadata", object_of({{"id", uuid(), true}, {"name", text(), true}})}});
}

json::object field_schema() {
  return object_of({{"id", uuid(), true},
                    {"type", field_type_enum(), true},
                    {"name", text(), true},
                    {"label", text(), true},
                    {"description", text(), false, true},
                    {"icon", text(), false, true},
                    {"isCustom", flag()},
                    {"isActive", flag()},
                    {"isSystem", flag()},
                    {"isNullable", flag()},
                    {"createdAt", time(), true},
                    {"updatedAt", time(), true},
                    {"defaultValue", any()},
                    {"options", any()},
                    {"relation", relation_schema(), false, true}});
}

json::object object_schema() {
  return object_of({{"id", uuid(), true},
                    {"nameSingular", text(), true},
                    {"namePlural", text(), true},
                    {"labelSingular", text(), true},
                    {"labelPlural", text(), true},
                    {"description", text(), false, true},
                    {"icon", text(), false, true},
                    {"isCustom", flag(), true},
                    {"isActive", flag(), true},
                    {"isSystem", flag(), true},
                    {"createdAt", time(), true},
                    {"updatedAt", time(), true},
                    {"labelIdentifierFieldMetadataId", uuid(), false, true},
                    {"imageIdentifierFieldMetadataId", uuid(), false, true},
                    {"fields", json::object{{"type", "array"}, {"items", schema_ref("Field")}}}});
}

json::object object_create() {
  return object_of({{"nameSingular", text(), true},
                    {"namePlural", text(), true},
                    {"labelSingular", text(), true},
                    {"labelPlural", text(), true},
                    {"description", text()},
                    {"icon", text()},
                    {"shortcut", text()},
                    {"isLabelSyncedWithName", flag()}});
}

json::object object_update() {
  return object_of({{"labelSingular", text()},
                    {"labelPlural", text()},
                    {"nameSingular", text()},
                    {"namePlural", text()},
                    {"description", text()},
                    {"icon", text()},
                    {"shortcut", text()},
                    {"isActive", flag()},
                    {"labelIdentifierFieldMetadataId", uuid()},
                    {"imageIdentifierFieldMetadataId", uuid()},
                    {"isLabelSyncedWithName", flag()}});
}

json::object field_create() {
  return object_of({{"objectMetadataId", uuid(), true},
                    {"type", field_type_enum(), true},
                    {"name", text(), true},
                    {"label", text(), true},
                    {"description", text()},
                    {"icon", text()},
                    {"isNullable", flag()},
                    {"isUnique", flag()},
                    {"isLabelSyncedWithName", flag()},
                    {"defaultValue", any()},
                    {"options", any()},
                    {"settings", any()},
                    {"relationCreationPayload", any()}});
}

json::object field_update() {
  return object_of({{"name", text()},
                    {"label", text()},
                    {"description", text()},
                    {"icon", text()},
                    {"isActive", flag()},
                    {"isNullable", flag()},
                    {"isUnique", flag()},
                    {"isLabelSyncedWithName", flag()},
                    {"defaultValue", any()},
                    {"options", any()},
                    {"settings", any()}});
}

json::object webhook_schema() {
  return object_of({{"id", uuid(), true},
                    {"targetUrl", text(), true},
                    {"operations", texts(), true},
                    {"description", text(), true, true},
                    {"secret", text(), true},
                    {"workspaceId", uuid(), true},
                    {"applicationId", uuid(), true, true},
                    {"createdAt", time(), true},
                    {"updatedAt", time(), true},
                    {"deletedAt", time(), true, true}});
}

json::object webhook_write(bool create) {
  json::object operations = texts();
  operations["description"] = "Events that trigger the webhook: \"person.created\", \"*.*\"...";
  return object_of({{"targetUrl", text(), create},
                    {"operations", operations},
                    {"description", text()},
                    {"secret", text()}});
}

json::object delivery_schema() {
  return object_of({{"id", uuid(), true},
                    {"eventId", text(), true},
                    {"eventName", text(), true},
                    {"status", text(), true},
                    {"attempts", json::object{{"type", "integer"}}, true},
                    {"lastStatusCode", json::object{{"type", "integer"}}, true, true},
                    {"lastError", text(), true, true},
                    {"nextAttemptAt", time(), true, true},
                    {"createdAt", time(), true},
                    {"updatedAt", time(), true},
                    {"deliveredAt", time(), true, true}});
}

json::object api_key_schema() {
  json::object role = object_of({{"id", uuid(), false, true}, {"label", text()}});
  role["description"] = "The role the key acts with";
  return object_of({{"id", uuid(), true},
                    {"name", text(), true},
                    {"expiresAt", time(), true},
                    {"revokedAt", time(), true, true},
                    {"workspaceId", uuid(), true},
                    {"createdAt", time(), true},
                    {"updatedAt", time(), true},
                    {"role", std::move(role)}});
}

json::object api_key_write(bool create) {
  if (!create) {
    return object_of({{"name", text()}, {"expiresAt", time()}, {"revokedAt", time(), false, true}});
  }
  return object_of({{"name", text(), true},
                    {"expiresAt", time(), true},
                    {"roleId", uuid(), true},
                    {"revokedAt", time()}});
}

}  // namespace

json::object metadata_schemas() {
  return json::object{{"Object", object_schema()},
                      {"ObjectForCreate", object_create()},
                      {"ObjectForUpdate", object_update()},
                      {"Field", field_schema()},
                      {"FieldForCreate", field_create()},
                      {"FieldForUpdate", field_update()},
                      {"Webhook", webhook_schema()},
                      {"WebhookForCreate", webhook_write(true)},
                      {"WebhookForUpdate", webhook_write(false)},
                      {"WebhookDelivery", delivery_schema()},
                      {"ApiKey", api_key_schema()},
                      {"ApiKeyForCreate", api_key_write(true)},
                      {"ApiKeyForUpdate", api_key_write(false)},
                      {"PageInfo", page_info_schema()},
                      {"RestError", rest_error_schema()}};
}

}  // namespace cohort::api::rest::openapi
