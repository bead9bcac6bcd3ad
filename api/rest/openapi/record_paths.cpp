#include "api/rest/openapi/record_paths.hpp"

#include <boost/json.hpp>

#include "api/rest/openapi/document_base.hpp"
#include "api/rest/openapi/field_schemas.hpp"
#include "api/rest/openapi/record_components.hpp"
#include "model/names.hpp"

namespace cohort::api::rest::openapi {

namespace json = boost::json;

namespace {

json::object parameter(std::string_view name) {
  return component_ref("parameters", name);
}

json::array parameters(std::initializer_list<std::string_view> names) {
  json::array out;
  for (auto name : names) out.push_back(parameter(name));
  return out;
}

// {"data": {key: value}} plus, for lists, pageInfo and totalCount.
json::object envelope(const std::string& key, json::object value, bool paged = false) {
  json::object data{{"type", "object"},
                    {"properties", json::object{{key, std::move(value)}}},
                    {"required", json::array{json::string(key)}}};
  json::object properties{{"data", std::move(data)}};
  json::array required{"data"};
  if (paged) {
    properties["pageInfo"] = schema_ref("PageInfo");
    properties["totalCount"] = json::object{{"type", "integer"}};
    required.emplace_back("pageInfo");
    required.emplace_back("totalCount");
  }
  return json::object{
      {"type", "object"}, {"properties", std::move(properties)}, {"required", std::move(required)}};
}

json::object list_of(json::object item) {
  return json::object{{"type", "array"}, {"items", std::move(item)}};
}

json::object deleted_id() {
  return json::object{
      {"type", "object"},
      {"properties", json::object{{"id", json::object{{"type", "string"}, {"format", "uuid"}}}}},
      {"required", json::array{"id"}}};
}

json::object body_of(json::object schema, json::value example = nullptr) {
  json::object media{{"schema", std::move(schema)}};
  if (!example.is_null()) media["example"] = std::move(example);
  return json::object{{"required", true},
                      {"content", json::object{{"application/json", std::move(media)}}}};
}

struct names {
  std::string singular;  // Person
  std::string plural;    // People
  std::string tag;       // people
  json::object record;   // $ref PersonForResponse
};

json::object operation(const names& n, std::string summary, std::string operation_id,
                       json::array params, json::object responses) {
  json::object op{{"tags", json::array{json::string(n.tag)}},
                  {"summary", std::move(summary)},
                  {"operationId", std::move(operation_id)}};
  if (!params.empty()) op["parameters"] = std::move(params);
  op["responses"] = with_error_responses(std::move(responses));
  return op;
}

json::object collection_path(const names& n, const model::object_metadata& object) {
  json::object get = operation(
      n, "Find many " + object.name_plural, "findMany" + n.plural,
      parameters({"orderBy", "filter", "limit", "depth", "startingAfter", "endingBefore"}),
      json::object{{"200", json_response("A page of " + object.name_plural,
                                         envelope(object.name_plural, list_of(n.record), true))}});
  json::object post =
      operation(n, "Create one " + object.name_singular, "createOne" + n.singular,
                parameters({"depth", "upsert"}),
                json::object{{"201", json_response("The created " + object.name_singular,
                                                   envelope("create" + n.singular, n.record))}});
  post["requestBody"] = body_of(schema_ref(create_component_name(object)), create_example(object));
  json::object patch = operation(
      n, "Update the " + object.name_plural + " a filter selects", "updateMany" + n.plural,
      parameters({"bulkFilter", "depth"}),
      json::object{{"200", json_response("The updated " + object.name_plural,
                                         envelope("update" + n.plural, list_of(n.record)))}});
  patch["requestBody"] = body_of(schema_ref(update_component_name(object)));
  json::object del = operation(
      n, "Delete the " + object.name_plural + " a filter selects", "deleteMany" + n.plural,
      parameters({"bulkFilter", "softDelete"}),
      json::object{{"200", json_response("The ids of the deleted " + object.name_plural,
                                         envelope("delete" + n.plural, list_of(deleted_id())))}});
  return json::object{{"get", std::move(get)},
                      {"post", std::move(post)},
                      {"patch", std::move(patch)},
                      {"delete", std::move(del)}};
}

json::object record_path(const names& n, const model::object_metadata& object) {
  json::object get = operation(
      n, "Find one " + object.name_singular, "findOne" + n.singular, parameters({"depth"}),
      json::object{{"200", json_response("The " + object.name_singular,
                                         envelope(object.name_singular, n.record))}});
  json::object patch = operation(
      n, "Update one " + object.name_singular, "updateOne" + n.singular, parameters({"depth"}),
      json::object{{"200", json_response("The updated " + object.name_singular,
                                         envelope("update" + n.singular, n.record))}});
  patch["requestBody"] = body_of(schema_ref(update_component_name(object)));
  json::object del = operation(
      n, "Delete one " + object.name_singular, "deleteOne" + n.singular, parameters({"softDelete"}),
      json::object{{"200", json_response("The id of the deleted " + object.name_singular,
                                         envelope("delete" + n.singular, deleted_id()))}});
  return json::object{{"parameters", parameters({"idPath"})},
                      {"get", std::move(get)},
                      {"patch", std::move(patch)},
                      {"delete", std::move(del)}};
}

json::object batch_path(const names& n, const model::object_metadata& object) {
  json::object post = operation(
      n, "Create many " + object.name_plural, "createMany" + n.plural,
      parameters({"depth", "upsert"}),
      json::object{{"201", json_response("The created " + object.name_plural,
                                         envelope("create" + n.plural, list_of(n.record)))}});
  post["requestBody"] = body_of(list_of(schema_ref(create_component_name(object))),
                                json::array{create_example(object)});
  return json::object{{"post", std::move(post)}};
}

json::object restore_many_path(const names& n, const model::object_metadata& object) {
  json::object patch = operation(
      n, "Restore the soft-deleted " + object.name_plural + " a filter selects",
      "restoreMany" + n.plural, parameters({"bulkFilter"}),
      json::object{{"200", json_response("The restored " + object.name_plural,
                                         envelope("restore" + n.plural, list_of(n.record)))}});
  return json::object{{"patch", std::move(patch)}};
}

json::object restore_one_path(const names& n, const model::object_metadata& object) {
  json::object patch =
      operation(n, "Restore one soft-deleted " + object.name_singular, "restoreOne" + n.singular,
                json::array(),
                json::object{{"200", json_response("The restored " + object.name_singular,
                                                   envelope("restore" + n.singular, n.record))}});
  return json::object{{"parameters", parameters({"idPath"})}, {"patch", std::move(patch)}};
}

json::object uuid_list() {
  return list_of(json::object{{"type", "string"}, {"format", "uuid"}});
}

json::object duplicates_path(const names& n, const model::object_metadata& object) {
  const std::string key = object.name_singular + "Duplicates";
  json::object entry{{"type", "object"},
                     {"properties", json::object{{"totalCount", json::object{{"type", "integer"}}},
                                                 {"pageInfo", schema_ref("PageInfo")},
                                                 {key, list_of(n.record)}}},
                     {"required", json::array{"totalCount", "pageInfo", json::string(key)}}};
  json::object response{{"type", "object"},
                        {"properties", json::object{{"data", list_of(std::move(entry))}}},
                        {"required", json::array{"data"}}};
  json::object post = operation(
      n, "Find the duplicates of " + object.name_plural + " (by ids) or of would-be records",
      "findDuplicates" + n.plural, json::array(),
      json::object{
          {"200", json_response("One list of duplicates per input record", std::move(response))}});
  json::object body{
      {"type", "object"},
      {"properties", json::object{{"ids", uuid_list()},
                                  {"data", list_of(schema_ref(create_component_name(object)))}}}};
  post["requestBody"] = body_of(std::move(body));
  return json::object{{"post", std::move(post)}};
}

json::object merge_path(const names& n, const model::object_metadata& object) {
  json::object patch = operation(
      n, "Merge " + object.name_plural + " into one", "mergeMany" + n.plural, json::array(),
      json::object{{"200", json_response("The surviving " + object.name_singular,
                                         envelope("merge" + n.singular, n.record))}});
  json::object ids = uuid_list();
  ids["minItems"] = 2;
  json::object body{
      {"type", "object"},
      {"properties", json::object{{"ids", std::move(ids)},
                                  {"conflictPriorityIndex", json::object{{"type", "integer"}}},
                                  {"dryRun", json::object{{"type", "boolean"}}}}},
      {"required", json::array{"ids"}}};
  patch["requestBody"] = body_of(std::move(body));
  return json::object{{"patch", std::move(patch)}};
}

json::object query_parameter(std::string_view name, std::string description, json::object schema,
                             bool required = false) {
  return json::object{{"name", name},
                      {"in", "query"},
                      {"required", required},
                      {"description", std::move(description)},
                      {"schema", std::move(schema)}};
}

json::object group_by_path(const names& n, const model::object_metadata& object) {
  json::array params = parameters({"filter", "limit"});
  params.push_back(query_parameter(
      "group_by",
      "JSON list of dimensions, e.g. [{\"city\":true}, {\"createdAt\":{\"granularity\":"
      "\"MONTH\",\"timeZone\":\"Europe/Paris\"}}]",
      {{"type", "string"}}, true));
  params.push_back(query_parameter(
      "order_by",
      "JSON list ordering the groups by dimension or aggregate, e.g. [{\"aggregate\":"
      "{\"totalCount\":\"DescNullsLast\"}}, {\"createdAt\":{\"orderBy\":\"AscNullsFirst\","
      "\"granularity\":\"MONTH\"}}]",
      {{"type", "string"}}));
  params.push_back(query_parameter(
      "order_by_for_records", "Order of the records inside each group, e.g. name[AscNullsFirst]",
      {{"type", "string"}}));
  params.push_back(query_parameter(
      "aggregate", "JSON list of aggregate names (default [\"totalCount\"]), e.g. [\"totalCount\"]",
      {{"type", "string"}}));
  params.push_back(query_parameter(
      "include_records_sample", "true: each group lists its first records", {{"type", "boolean"}}));
  json::object group{
      {"type", "object"},
      {"properties", json::object{{"groupByDimensionValues", json::object{{"type", "array"}}},
                                  {"totalCount", json::object{{"type", "integer"}}},
                                  {"aggregates", json::object{{"type", "object"}}},
                                  {"records", list_of(n.record)}}},
      {"required", json::array{"groupByDimensionValues"}}};
  json::object get = operation(
      n, "Group " + object.name_plural + " by fields", "groupBy" + n.plural, std::move(params),
      json::object{{"200", json_response("One element per group", list_of(std::move(group)))}});
  return json::object{{"get", std::move(get)}};
}

}  // namespace

void add_record_paths(json::object& paths, const model::object_metadata& object) {
  names n{model::capitalize(object.name_singular), model::capitalize(object.name_plural),
          object.name_plural, schema_ref(response_component_name(object))};
  const std::string base = "/" + object.name_plural;
  paths[base] = collection_path(n, object);
  paths[base + "/{id}"] = record_path(n, object);
  paths["/batch" + base] = batch_path(n, object);
  paths[base + "/restore"] = restore_many_path(n, object);
  paths[base + "/{id}/restore"] = restore_one_path(n, object);
  paths[base + "/duplicates"] = duplicates_path(n, object);
  paths[base + "/merge"] = merge_path(n, object);
  paths[base + "/groupBy"] = group_by_path(n, object);
}

}  // namespace cohort::api::rest::openapi
