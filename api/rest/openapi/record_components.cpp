#include "api/rest/openapi/record_components.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <set>

#include "api/rest/openapi/field_schemas.hpp"
#include "model/field_type.hpp"
#include "model/names.hpp"

namespace cohort::api::rest::openapi {

namespace json = boost::json;

namespace {

json::object uuid_schema() {
  return json::object{{"type", "string"}, {"format", "uuid"}};
}

const model::object_metadata* relation_target(const model::workspace_model& model,
                                              const model::field_metadata& field) {
  // A MORPH_RELATION is one field per target ({name}{Target}) with its own join column.
  if (!field.is_active || !field.relation || !model::is_relation(field.type)) {
    return nullptr;
  }
  const auto* target = model.find_object(field.relation->target_object_name);
  return target != nullptr && target->is_active ? target : nullptr;
}

// The create body (`required` filled) or the update body (nothing required).
json::object write_schema(const model::workspace_model& model, const model::object_metadata& object,
                          bool create) {
  json::object properties;
  json::array required;
  for (const auto& field : object.fields) {
    if (!field.is_active) continue;
    if (auto schema = field_value_schema(field, field_use::write)) {
      properties[field.name] = std::move(*schema);
      if (create && field.is_required_on_create()) required.emplace_back(field.name);
    } else if (field.is_many_to_one() && relation_target(model, field) != nullptr) {
      json::object join = nullable(uuid_schema());
      join["description"] = "Id of the " + field.relation->target_object_name + " in " + field.name;
      properties[field.relation->join_column_name] = std::move(join);
    }
  }
  json::object out{{"type", "object"}};
  if (object.description && !object.description->empty()) out["description"] = *object.description;
  out["properties"] = std::move(properties);
  if (!required.empty()) out["required"] = std::move(required);
  return out;
}

json::object response_schema(const model::workspace_model& model,
                             const model::object_metadata& object) {
  json::object properties;
  json::array required;
  // What rest_selection reads at depth 0 is always there; relations come with depth=1.
  for (const auto& field : object.fields) {
    if (!field.is_active) continue;
    if (auto schema = field_value_schema(field, field_use::response)) {
      properties[field.name] = std::move(*schema);
      required.emplace_back(field.name);
    }
  }
  for (const auto& field : object.fields) {
    const auto* target = relation_target(model, field);
    if (target == nullptr) continue;
    if (field.is_many_to_one()) {
      properties[field.relation->join_column_name] = nullable(uuid_schema());
      required.emplace_back(field.relation->join_column_name);
      json::object nested = nullable(schema_ref(response_component_name(*target)));
      nested["description"] = "The " + target->name_singular + " (with depth=1)";
      properties[field.name] = std::move(nested);
    } else {
      properties[field.name] =
          json::object{{"type", "array"},
                       {"items", schema_ref(response_component_name(*target))},
                       {"description", "Its " + target->name_plural + " (with depth=1)"}};
    }
  }
  return json::object{
      {"type", "object"}, {"properties", std::move(properties)}, {"required", std::move(required)}};
}

}  // namespace

std::vector<const model::object_metadata*> served_objects(const model::workspace_model& model) {
  std::vector<const model::object_metadata*> out;
  for (const auto& object : model.objects()) {
    if (object.is_active) out.push_back(&object);
  }
  std::sort(out.begin(), out.end(),
            [](const auto* a, const auto* b) { return a->name_plural < b->name_plural; });
  return out;
}

std::string create_component_name(const model::object_metadata& object) {
  return model::capitalize(object.name_singular);
}

std::string update_component_name(const model::object_metadata& object) {
  return create_component_name(object) + "ForUpdate";
}

std::string response_component_name(const model::object_metadata& object) {
  return create_component_name(object) + "ForResponse";
}

json::object record_schemas(const model::workspace_model& model,
                            const std::vector<const model::object_metadata*>& objects) {
  json::object schemas;
  std::set<model::field_type> composites_used;
  for (const auto* object : objects) {
    schemas[create_component_name(*object)] = write_schema(model, *object, true);
    schemas[update_component_name(*object)] = write_schema(model, *object, false);
    schemas[response_component_name(*object)] = response_schema(model, *object);
    for (const auto& field : object->fields) {
      if (field.is_active && model::is_composite(field.type)) composites_used.insert(field.type);
    }
  }
  for (auto type : composites_used) {
    const auto* composite = model::find_composite_type(type);
    for (auto use : {field_use::response, field_use::write}) {
      schemas[composite_component_name(*composite, use)] = composite_schema(*composite, use);
    }
  }
  schemas["PageInfo"] = page_info_schema();
  schemas["RestError"] = rest_error_schema();
  return schemas;
}

json::object create_example(const model::object_metadata& object) {
  json::object example;
  const auto* label = object.label_identifier_field();
  for (const auto& field : object.fields) {
    if (!field.is_active || !field_value_schema(field, field_use::write)) continue;
    if (field.is_required_on_create() || &field == label) {
      example[field.name] = example_value(field);
    }
  }
  return example;
}

json::object rest_error_schema() {
  return json::object{
      {"type", "object"},
      {"properties",
       json::object{
           {"statusCode", json::object{{"type", "integer"}}},
           {"error", json::object{{"type", "string"}, {"description", "The exception name"}}},
           {"messages", json::object{{"type", "array"}, {"items", {{"type", "string"}}}}}}},
      {"required", json::array{"statusCode", "error", "messages"}}};
}

json::object page_info_schema() {
  auto cursor = json::object{{"type", json::array{"string", "null"}}};
  return json::object{{"type", "object"},
                      {"properties", json::object{{"hasNextPage", {{"type", "boolean"}}},
                                                  {"hasPreviousPage", {{"type", "boolean"}}},
                                                  {"startCursor", cursor},
                                                  {"endCursor", cursor}}},
                      {"required", json::array{"hasNextPage", "startCursor", "endCursor"}}};
}

}  // namespace cohort::api::rest::openapi
