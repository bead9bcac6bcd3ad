#include "api/rest/openapi/metadata_document.hpp"

#include <boost/json.hpp>

#include "api/rest/metadata_list.hpp"
#include "api/rest/openapi/document_base.hpp"
#include "api/rest/openapi/field_schemas.hpp"
#include "api/rest/openapi/metadata_schemas.hpp"
#include "api/rest/openapi/record_components.hpp"
#include "api/rest/openapi/view_schemas.hpp"
#include "model/names.hpp"

namespace cohort::api::rest::openapi {

namespace json = boost::json;

namespace {

constexpr std::string_view metadata_description =
    "The REST API of this workspace's metadata: its objects and fields (custom ones are "
    "created here), its views with their fields, filters, filter groups, sorts and groups, its "
    "webhooks and its API keys. Authenticate with "
    "`Authorization: Bearer <token>`. Errors answer `{statusCode, error, messages}`.";

json::object data_envelope(const std::string& key, json::object value, bool paged = false,
                           bool total_count = false) {
  json::object properties{
      {"data", json::object{{"type", "object"},
                            {"properties", json::object{{key, std::move(value)}}},
                            {"required", json::array{json::string(key)}}}}};
  json::array required{"data"};
  if (paged) {
    properties["pageInfo"] = schema_ref("PageInfo");
    required.emplace_back("pageInfo");
  }
  if (total_count) {
    properties["totalCount"] = json::object{{"type", "integer"}};
    required.emplace_back("totalCount");
  }
  return json::object{
      {"type", "object"}, {"properties", std::move(properties)}, {"required", std::move(required)}};
}

json::object array_of(json::object item) {
  return json::object{{"type", "array"}, {"items", std::move(item)}};
}

json::object request_body(std::string_view component) {
  return json::object{{"required", true},
                      {"content", json::object{{"application/json",
                                                json::object{{"schema", schema_ref(component)}}}}}};
}

json::object operation(std::string_view tag, std::string summary, std::string id,
                       json::object responses, bool can_miss) {
  return json::object{{"tags", json::array{json::string(tag)}},
                      {"summary", std::move(summary)},
                      {"operationId", std::move(id)},
                      {"responses", with_error_responses(std::move(responses), can_miss)}};
}

json::array refs(std::initializer_list<std::string_view> names) {
  json::array out;
  for (auto n : names) out.push_back(component_ref("parameters", n));
  return out;
}

// objects and fields: the envelopes of metadata_rest.
struct entity_listing {
  std::string_view limit = "limit";  // the limit parameter component
  bool total_count = false;          // the list answer carries totalCount
};

void add_metadata_entity(json::object& paths, std::string_view singular, std::string_view plural,
                         entity_listing listing = {}) {
  const std::string S = model::capitalize(singular);
  const std::string P = model::capitalize(plural);
  const std::string s(singular), p(plural);
  json::object list = operation(
      p, "Find many " + p, "findMany" + P,
      json::object{
          {"200", json_response("A page of " + p, data_envelope(p, array_of(schema_ref(S)), true,
                                                                listing.total_count))}},
      false);
  list["parameters"] = refs({listing.limit, "startingAfter", "endingBefore"});
  json::object create =
      operation(p, "Create one " + s, "createOne" + S,
                json::object{{"201", json_response("The created " + s,
                                                   data_envelope("createOne" + S, schema_ref(S)))}},
                false);
  create["requestBody"] = request_body(S + "ForCreate");
  paths["/" + p] = json::object{{"get", std::move(list)}, {"post", std::move(create)}};

  json::object get = operation(
      p, "Find one " + s, "findOne" + S,
      json::object{{"200", json_response("The " + s, data_envelope(s, schema_ref(S)))}}, true);
  json::object update =
      operation(p, "Update one " + s, "updateOne" + S,
                json::object{{"200", json_response("The updated " + s,
                                                   data_envelope("updateOne" + S, schema_ref(S)))}},
                true);
  update["requestBody"] = request_body(S + "ForUpdate");
  json::object id_only{{"type", "object"},
                       {"properties", json::object{{"id", {{"type", "string"}}}}},
                       {"required", json::array{"id"}}};
  json::object remove = operation(
      p, "Delete one " + s, "deleteOne" + S,
      json::object{{"200", json_response("The id of the deleted " + s,
                                         data_envelope("deleteOne" + S, std::move(id_only)))}},
      true);
  paths["/" + p + "/{id}"] = json::object{{"parameters", refs({"idPath"})},
                                          {"get", std::move(get)},
                                          {"patch", std::move(update)},
                                          {"delete", std::move(remove)}};
}

// webhooks: webhook_rest answers bare values, and a delivery log.
void add_webhooks(json::object& paths) {
  const std::string tag = "webhooks";
  json::object list = operation(
      tag, "Find many webhooks", "findManyWebhooks",
      json::object{{"200", json_response("Every webhook", array_of(schema_ref("Webhook")))}},
      false);
  json::object create = operation(
      tag, "Create one webhook", "createOneWebhook",
      json::object{{"201", json_response("The created webhook", schema_ref("Webhook"))}}, false);
  create["requestBody"] = request_body("WebhookForCreate");
  paths["/webhooks"] = json::object{{"get", std::move(list)}, {"post", std::move(create)}};

  json::object get =
      operation(tag, "Find one webhook", "findOneWebhook",
                json::object{{"200", json_response("The webhook", schema_ref("Webhook"))}}, true);
  json::object update = operation(
      tag, "Update one webhook", "updateOneWebhook",
      json::object{{"200", json_response("The updated webhook", schema_ref("Webhook"))}}, true);
  update["requestBody"] = request_body("WebhookForUpdate");
  json::object remove = operation(
      tag, "Delete one webhook", "deleteOneWebhook",
      json::object{{"200", json_response("true", json::object{{"type", "boolean"}})}}, true);
  paths["/webhooks/{id}"] = json::object{{"parameters", refs({"idPath"})},
                                         {"get", std::move(get)},
                                         {"patch", std::move(update)},
                                         {"delete", std::move(remove)}};

  json::object deliveries = operation(
      tag, "The webhook's delivery log, newest first", "findWebhookDeliveries",
      json::object{
          {"200", json_response("Its deliveries", array_of(schema_ref("WebhookDelivery")))}},
      true);
  json::object limit{
      {"name", "limit"},
      {"in", "query"},
      {"description", "How many deliveries (at most 500)"},
      {"required", false},
      {"schema",
       json::object{{"type", "integer"}, {"minimum", 1}, {"maximum", 500}, {"default", 50}}}};
  deliveries["parameters"] = json::array{std::move(limit)};
  paths["/webhooks/{id}/deliveries"] =
      json::object{{"parameters", refs({"idPath"})}, {"get", std::move(deliveries)}};
}

// api_key_rest: the entity routes (DELETE revokes) and POST /{id}/revoke.
void add_api_keys(json::object& paths) {
  add_metadata_entity(paths, "apiKey", "apiKeys", {.limit = "pageLimit", .total_count = true});
  json::object revoke = operation(
      "apiKeys", "Revoke one apiKey", "revokeApiKey",
      json::object{{"200", json_response("The revoked apiKey",
                                         data_envelope("revokeApiKey", schema_ref("ApiKey")))}},
      true);
  paths["/apiKeys/{id}/revoke"] =
      json::object{{"parameters", refs({"idPath"})}, {"post", std::move(revoke)}};
}

// view_rest: the entity routes, lists filtered by their parent.
void add_views(json::object& paths) {
  for (auto* f = view_families_begin(); f != view_families_end(); ++f) {
    add_metadata_entity(paths, f->singular, f->plural, {.limit = "limit", .total_count = true});
    std::string path = "/";  // appended: GCC 12 warns a false -Wstringop-overflow on "/" + ...
    path += f->plural;
    auto& list = paths[path].as_object()["get"].as_object();
    list["parameters"].as_array().push_back(
        json::object{{"name", f->parent_arg},
                     {"in", "query"},
                     {"description", f->plural == "views" ? "Only the views of this object"
                                                          : "Only the items of this view"},
                     {"required", false},
                     {"schema", json::object{{"type", "string"}, {"format", "uuid"}}}});
  }
}

json::object metadata_parameters() {
  json::object all = parameter_components();
  json::object out;
  for (auto name : {"startingAfter", "endingBefore", "idPath"}) out[name] = all[name];
  out["limit"] = json::object{{"name", "limit"},
                              {"in", "query"},
                              {"description", "How many items a page holds"},
                              {"required", false},
                              {"schema", json::object{{"type", "integer"},
                                                      {"minimum", 0},
                                                      {"maximum", metadata_limits.max_limit},
                                                      {"default", metadata_limits.default_limit}}}};
  out["pageLimit"] = all["limit"];
  out["pageLimit"].as_object()["description"] = "How many items a page holds";
  out["idPath"].as_object()["description"] = "The item's id";
  return out;
}

}  // namespace

json::object metadata_document(bool with_workspace, const std::string& server_url) {
  json::object doc =
      base_document("Cohort metadata API", metadata_description, server_url, "/rest/metadata");
  auto& components = doc["components"].as_object();
  components["responses"] = error_response_components(true);
  components["schemas"] = json::object{{"RestError", rest_error_schema()}};
  if (!with_workspace) return doc;
  auto& paths = doc["paths"].as_object();
  add_metadata_entity(paths, "object", "objects");
  add_metadata_entity(paths, "field", "fields");
  add_webhooks(paths);
  add_api_keys(paths);
  add_views(paths);
  auto& tags = doc["tags"].as_array();
  tags.push_back(json::object{{"name", "objects"}, {"description", "The workspace's objects"}});
  tags.push_back(json::object{{"name", "fields"}, {"description", "The fields of its objects"}});
  tags.push_back(json::object{{"name", "webhooks"}, {"description", "Its webhooks"}});
  tags.push_back(json::object{{"name", "apiKeys"}, {"description", "Its API keys"}});
  for (auto* f = view_families_begin(); f != view_families_end(); ++f) {
    std::string description = "Its ";
    description += f->plural;
    tags.push_back(json::object{{"name", f->plural}, {"description", std::move(description)}});
  }
  components["schemas"] = metadata_schemas();
  for (auto& [name, schema] : view_schemas()) components["schemas"].as_object()[name] = schema;
  components["parameters"] = metadata_parameters();
  return doc;
}

}  // namespace cohort::api::rest::openapi
