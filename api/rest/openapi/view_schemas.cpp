#include "api/rest/openapi/view_schemas.hpp"

#include <boost/json.hpp>
#include <string>

#include "api/platform/embedded_contract.hpp"
#include "api/rest/openapi/field_schemas.hpp"

namespace cohort::api::rest::openapi {

namespace json = boost::json;

namespace {

const view_family_doc families[] = {
    {"view", "views", "objectMetadataId"},   {"viewField", "viewFields", "viewId"},
    {"viewFilter", "viewFilters", "viewId"}, {"viewFilterGroup", "viewFilterGroups", "viewId"},
    {"viewSort", "viewSorts", "viewId"},     {"viewGroup", "viewGroups", "viewId"},
};

const json::object* contract_type(std::string_view name) {
  const auto& types = platform::metadata_introspection().at("__schema").at("types").as_array();
  for (const auto& t : types) {
    if (t.at("name").as_string() == name) return &t.as_object();
  }
  return nullptr;
}

// The schema of a GraphQL type reference, and whether it is NON_NULL.
std::pair<json::object, bool> schema_of(const json::object& type) {
  const std::string_view kind = type.at("kind").as_string();
  if (kind == "NON_NULL") return {schema_of(type.at("ofType").as_object()).first, true};
  if (kind == "LIST") {
    return {
        json::object{{"type", "array"}, {"items", schema_of(type.at("ofType").as_object()).first}},
        false};
  }
  const std::string_view name = type.at("name").as_string();
  if (kind == "OBJECT") {  // CoreViewField -> ViewField
    return {schema_ref(name.substr(0, 4) == "Core" ? name.substr(4) : name), false};
  }
  if (kind == "ENUM") {
    json::array values;
    if (const auto* e = contract_type(name)) {
      for (const auto& v : e->at("enumValues").as_array()) values.push_back(v.at("name"));
    }
    return {json::object{{"type", "string"}, {"enum", std::move(values)}}, false};
  }
  if (name == "UUID") return {json::object{{"type", "string"}, {"format", "uuid"}}, false};
  if (name == "DateTime") return {json::object{{"type", "string"}, {"format", "date-time"}}, false};
  if (name == "Float" || name == "Int") return {json::object{{"type", "number"}}, false};
  if (name == "Boolean") return {json::object{{"type", "boolean"}}, false};
  if (name == "String" || name == "ID") return {json::object{{"type", "string"}}, false};
  return {json::object{{"description", "Any JSON value"}}, false};
}

// An object schema of a contract type's fields (or input fields); `skip` is left out.
json::object object_schema_of(std::string_view type_name, std::string_view skip = {}) {
  json::object properties;
  json::array required;
  if (const auto* type = contract_type(type_name)) {
    const auto* fields = type->if_contains("fields");
    if (!fields || !fields->is_array()) fields = type->if_contains("inputFields");
    if (fields && fields->is_array()) {
      for (const auto& f : fields->as_array()) {
        const std::string_view name = f.at("name").as_string();
        if (name == skip) continue;
        auto [schema, non_null] = schema_of(f.at("type").as_object());
        properties[name] = non_null ? std::move(schema) : nullable(std::move(schema));
        if (non_null) required.emplace_back(name);
      }
    }
  }
  json::object out{{"type", "object"}, {"properties", std::move(properties)}};
  if (!required.empty()) out["required"] = std::move(required);
  return out;
}

std::string capitalized(std::string_view name) {
  std::string out(name);
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

}  // namespace

const view_family_doc* view_families_begin() {
  return std::begin(families);
}
const view_family_doc* view_families_end() {
  return std::end(families);
}

json::object view_schemas() {
  json::object out;
  for (const auto& f : families) {
    const std::string S = capitalized(f.singular);
    out[S] = object_schema_of("Core" + S);
    out[S + "ForCreate"] = object_schema_of("Create" + S + "Input");
    // viewField's update input wraps the changes ({id, update}); REST's body is the changes.
    out[S + "ForUpdate"] = f.singular == "viewField"
                               ? object_schema_of("UpdateViewFieldInputUpdates")
                               : object_schema_of("Update" + S + "Input", "id");
  }
  return out;
}

}  // namespace cohort::api::rest::openapi
