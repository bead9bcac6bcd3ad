#include "api/rest/openapi/document_base.hpp"

#include <boost/json.hpp>

#include "api/rest/metadata_list.hpp"

namespace cohort::api::rest::openapi {

namespace json = boost::json;

namespace {

// Twenty's QUERY_DEFAULT_LIMIT_RECORDS and QUERY_MAX_RECORDS: what the records REST applies.
constexpr auto default_limit = record_limits.default_limit;
constexpr auto max_limit = record_limits.max_limit;

json::object query_parameter(std::string_view name, std::string description, json::object schema,
                             bool required = false) {
  return json::object{{"name", name},
                      {"in", "query"},
                      {"description", std::move(description)},
                      {"required", required},
                      {"schema", std::move(schema)}};
}

json::object error_response(unsigned status, std::string_view error, std::string_view message,
                            std::string description) {
  json::object example{
      {"statusCode", status}, {"error", error}, {"messages", json::array{json::string(message)}}};
  json::object media{{"schema", component_ref("schemas", "RestError")},
                     {"example", std::move(example)}};
  return json::object{{"description", std::move(description)},
                      {"content", json::object{{"application/json", std::move(media)}}}};
}

}  // namespace

json::object component_ref(std::string_view section, std::string_view name) {
  return json::object{{"$ref", "#/components/" + std::string(section) + "/" + std::string(name)}};
}

json::object base_document(std::string_view title, std::string_view description,
                           const std::string& server_url, std::string_view api_path) {
  json::object info{
      {"title", title},
      {"description", description},
      {"version", "v0.1"},
      {"license", json::object{{"name", "AGPL-3.0"}, {"identifier", "AGPL-3.0-only"}}}};
  json::object bearer{{"type", "http"},
                      {"scheme", "bearer"},
                      {"bearerFormat", "JWT"},
                      {"description", "An API key or a user's access token of the workspace"}};
  return json::object{
      {"openapi", "3.1.1"},
      {"info", std::move(info)},
      {"servers", json::array{json::object{{"url", server_url + std::string(api_path)},
                                           {"description", "This server"}}}},
      {"security", json::array{json::object{{"bearerAuth", json::array()}}}},
      {"tags", json::array()},
      {"paths", json::object()},
      {"components",
       json::object{{"securitySchemes", json::object{{"bearerAuth", std::move(bearer)}}}}}};
}

json::object parameter_components() {
  json::object out;
  out["limit"] = query_parameter(
      "limit", "How many records a page holds",
      json::object{
          {"type", "integer"}, {"minimum", 0}, {"maximum", max_limit}, {"default", default_limit}});
  out["depth"] = query_parameter(
      "depth",
      "0: the records' own fields and join columns; 1: also the records they relate to, "
      "many-to-one as objects and one-to-many as arrays",
      json::object{{"type", "integer"}, {"enum", json::array{0, 1}}, {"default", 0}});
  json::object order_by = query_parameter(
      "order_by",
      "Comma-separated `field[Direction]`, composite subfields with a dot; directions "
      "AscNullsFirst (default), AscNullsLast, DescNullsFirst, DescNullsLast",
      json::object{{"type", "string"}});
  order_by["example"] = "createdAt[DescNullsLast],name.lastName";
  out["orderBy"] = std::move(order_by);
  const std::string filter_text =
      "`field[comparator]:value` leaves joined by commas (AND), `and(...)`, `or(...)` and "
      "`not(...)`; comparators eq, neq, in, containsAny, is, gt, gte, lt, lte, startsWith, "
      "like, ilike; quote values holding commas or brackets";
  json::object filter = query_parameter("filter", filter_text, json::object{{"type", "string"}});
  filter["example"] = "or(name.firstName[eq]:\"Ada\",createdAt[gte]:\"2026-01-01\")";
  out["filter"] = std::move(filter);
  json::object bulk = query_parameter("filter", "Which records; required. " + filter_text,
                                      json::object{{"type", "string"}}, true);
  bulk["example"] = "id[in]:[\"20202020-0000-4000-8000-000000000001\"]";
  out["bulkFilter"] = std::move(bulk);
  out["startingAfter"] = query_parameter(
      "starting_after", "The next page: records after this cursor (pageInfo.endCursor)",
      json::object{{"type", "string"}});
  out["endingBefore"] = query_parameter(
      "ending_before", "The previous page: records before this cursor (pageInfo.startCursor)",
      json::object{{"type", "string"}});
  out["idPath"] = json::object{{"name", "id"},
                               {"in", "path"},
                               {"description", "The record's id"},
                               {"required", true},
                               {"schema", json::object{{"type", "string"}, {"format", "uuid"}}}};
  out["upsert"] = query_parameter(
      "upsert", "true: update the record when one with the same id or unique field exists",
      json::object{{"type", "boolean"}, {"default", false}});
  out["softDelete"] = query_parameter(
      "soft_delete", "true: set deletedAt (restorable); otherwise the records are destroyed",
      json::object{{"type", "boolean"}, {"default", false}});
  return out;
}

json::object error_response_components(bool with_not_found) {
  json::object out;
  out["400"] = error_response(400, "BadRequestException", "Invalid cursor",
                              "The request is invalid (filter, order, body, id...)");
  out["401"] = error_response(401, "UNAUTHENTICATED", "Token invalid.",
                              "The token is missing, invalid or expired");
  out["403"] = error_response(403, "FORBIDDEN_EXCEPTION", "Missing authentication token",
                              "No token, or one without access to this");
  if (!with_not_found) return out;
  out["404"] =
      error_response(404, "NotFoundException", "Record not found", "The record does not exist");
  return out;
}

json::object json_response(std::string description, json::object schema) {
  return json::object{
      {"description", std::move(description)},
      {"content", json::object{{"application/json", json::object{{"schema", std::move(schema)}}}}}};
}

json::object with_error_responses(json::object responses, bool can_miss) {
  responses["400"] = component_ref("responses", "400");
  responses["401"] = component_ref("responses", "401");
  responses["403"] = component_ref("responses", "403");
  if (can_miss) responses["404"] = component_ref("responses", "404");
  return responses;
}

}  // namespace cohort::api::rest::openapi
