#include "api/rest/openapi/field_schemas.hpp"

#include <boost/json.hpp>

namespace cohort::api::rest::openapi {

namespace json = boost::json;
using model::field_type;

namespace {

json::object typed(std::string_view type) {
  return json::object{{"type", type}};
}

json::object formatted(std::string_view type, std::string_view format) {
  return json::object{{"type", type}, {"format", format}};
}

json::object option_enum(const model::field_metadata& field) {
  json::object out = typed("string");
  if (field.options.empty()) return out;
  json::array values;
  for (const auto& option : field.options) values.emplace_back(option.value);
  out["enum"] = std::move(values);
  return out;
}

// Subfields of composite types are plain scalars; the actor's source is an enum.
json::object subfield_schema(const model::composite_subfield& sub) {
  switch (sub.type) {
    case field_type::numeric:
      return typed("number");
    case field_type::uuid:
      return formatted("string", "uuid");
    case field_type::raw_json:
      // Arrays of extra emails, phones or links, or the actor's context object.
      return json::object{{"description", "Any JSON value"}};
    case field_type::select: {
      json::array sources;
      for (auto source : model::actor_sources()) sources.emplace_back(source);
      return json::object{{"type", "string"}, {"enum", std::move(sources)}};
    }
    default:
      return typed("string");
  }
}

json::object scalar_schema(const model::field_metadata& field) {
  switch (field.type) {
    case field_type::uuid:
      return formatted("string", "uuid");
    case field_type::date_time:
      return formatted("string", "date-time");
    case field_type::date:
      return formatted("string", "date");
    case field_type::boolean:
      return typed("boolean");
    case field_type::number:
      return typed(field.number_data_type() == "float" ? "number" : "integer");
    case field_type::numeric:
    case field_type::position:
    case field_type::probability:
      return typed("number");
    case field_type::select:
    case field_type::rating:
      return option_enum(field);
    case field_type::multi_select:
      return json::object{{"type", "array"}, {"items", option_enum(field)}};
    case field_type::array:
      return json::object{{"type", "array"}, {"items", typed("string")}};
    case field_type::raw_json:
    case field_type::files:
      return json::object{{"description", "Any JSON value"}};
    default:
      return typed("string");
  }
}

}  // namespace

json::object schema_ref(std::string_view component) {
  return json::object{{"$ref", "#/components/schemas/" + std::string(component)}};
}

json::object nullable(json::object schema) {
  if (schema.contains("$ref")) {
    return json::object{{"anyOf", json::array{std::move(schema), typed("null")}}};
  }
  auto type = schema.find("type");
  if (type == schema.end()) return schema;  // any value already includes null
  if (type->value().is_string()) {
    type->value() = json::array{type->value(), "null"};
  }
  if (auto values = schema.find("enum"); values != schema.end()) {
    values->value().as_array().emplace_back(nullptr);
  }
  return schema;
}

std::string composite_component_name(const model::composite_type& composite, field_use use) {
  return std::string(composite.graphql_name) +
         (use == field_use::write ? "CompositeInput" : "Composite");
}

json::object composite_schema(const model::composite_type& composite, field_use use) {
  json::object properties;
  for (const auto& sub : composite.subfields) {
    if (use == field_use::write && sub.hidden_on_write) continue;
    auto schema = subfield_schema(sub);
    properties[sub.name] = sub.nullable ? nullable(std::move(schema)) : std::move(schema);
  }
  return json::object{{"type", "object"}, {"properties", std::move(properties)}};
}

std::optional<json::object> field_value_schema(const model::field_metadata& field, field_use use) {
  if (model::is_relation(field.type)) return std::nullopt;
  if (use == field_use::write &&
      (!model::is_writable(field.type) || field.type == field_type::files ||
       model::is_legacy(field.type))) {
    return std::nullopt;
  }
  json::object schema;
  if (const auto* composite = model::find_composite_type(field.type)) {
    schema = schema_ref(composite_component_name(*composite, use));
  } else {
    schema = scalar_schema(field);
  }
  // A composite answers an object even when all its subfields are null.
  bool answers_null =
      field.is_nullable && !(use == field_use::response && model::is_composite(field.type));
  if (answers_null) schema = nullable(std::move(schema));
  // OpenAPI 3.1 schemas may put a description beside a $ref.
  if (field.description && !field.description->empty()) schema["description"] = *field.description;
  return schema;
}

json::value example_value(const model::field_metadata& field) {
  switch (field.type) {
    case field_type::full_name:
      return json::object{{"firstName", "Ada"}, {"lastName", "Lovelace"}};
    case field_type::emails:
      return json::object{{"primaryEmail", "ada@example.com"}, {"additionalEmails", json::array()}};
    case field_type::phones:
      return json::object{{"primaryPhoneNumber", "612345678"},
                          {"primaryPhoneCountryCode", "FR"},
                          {"primaryPhoneCallingCode", "+33"}};
    case field_type::links:
      return json::object{{"primaryLinkUrl", "https://example.com"}, {"primaryLinkLabel", ""}};
    case field_type::address:
      return json::object{{"addressCity", "Paris"}, {"addressCountry", "France"}};
    case field_type::currency:
      return json::object{{"amountMicros", 1000000000}, {"currencyCode", "EUR"}};
    case field_type::actor:
      return json::object{{"source", "API"}};
    case field_type::rich_text_v2:
      return json::object{{"markdown", "Some **rich** text"}};
    case field_type::uuid:
      return "20202020-0000-4000-8000-000000000001";
    case field_type::date_time:
      return "2026-01-01T09:00:00.000Z";
    case field_type::date:
      return "2026-01-01";
    case field_type::boolean:
      return true;
    case field_type::number:
    case field_type::numeric:
    case field_type::position:
      return 1;
    case field_type::select:
    case field_type::rating:
      if (!field.options.empty()) return json::string(field.options.front().value);
      return "";
    case field_type::multi_select:
      if (!field.options.empty()) return json::array{json::string(field.options.front().value)};
      return json::array();
    case field_type::array:
      return json::array{"example"};
    case field_type::raw_json:
      return json::object();
    default:
      return json::string("Example " + field.label);
  }
}

}  // namespace cohort::api::rest::openapi
