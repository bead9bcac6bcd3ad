#include "actors/workspace/schema/field_types.hpp"

#include "actors/workspace/schema/shared_types.hpp"
#include "model/composite_types.hpp"
#include "model/field_type.hpp"
#include "model/graphql_types.hpp"
#include "model/names.hpp"

namespace cohort::actors::workspace_schema {

namespace {

using model::field_type;

std::string_view base_name(std::string_view type) {
  while (!type.empty() && (type.front() == '[')) type.remove_prefix(1);
  while (!type.empty() && (type.back() == ']' || type.back() == '!')) type.remove_suffix(1);
  return type;
}

std::string composite_input(const model::composite_type& composite, std::string_view suffix) {
  return std::string(composite.graphql_name) + std::string(suffix);
}

}  // namespace

std::vector<const model::object_metadata*> schema_objects(const model::workspace_model& model) {
  std::vector<const model::object_metadata*> out;
  out.reserve(model.objects().size());
  for (const auto& object : model.objects()) {
    if (object.is_active) out.push_back(&object);
  }
  return out;
}

std::vector<const model::field_metadata*> schema_fields(const model::workspace_model& model,
                                                        const model::object_metadata& object) {
  std::vector<const model::field_metadata*> out;
  out.reserve(object.fields.size());
  for (const auto& field : object.fields) {
    if (!field.is_active || field.type == field_type::files || model::is_legacy(field.type)) {
      continue;
    }
    if (model::is_relation(field.type)) {
      if (!field.relation) continue;
      const auto* target = model.find_object(field.relation->target_object_name);
      if (target == nullptr || !target->is_active) continue;
    }
    out.push_back(&field);
  }
  return out;
}

std::string output_type(type_registry& types, const model::object_metadata& object,
                        const model::field_metadata& field) {
  std::string type = model::graphql_output_type(object, field);
  ensure_scalar(types, base_name(type));
  return type;
}

std::string write_input_type(type_registry& types, const model::object_metadata& object,
                             const model::field_metadata& field, write_input kind) {
  std::string type;
  if (const auto* composite = model::find_composite_type(field.type)) {
    type = composite_input(*composite, kind == write_input::create ? "CreateInput" : "UpdateInput");
  } else if (field.name == "id" && field.type == field_type::uuid) {
    type = "ID";
  } else {
    type = output_type(types, object, field);
  }
  if (kind == write_input::create && field.is_required_on_create()) type += '!';
  return type;
}

std::string filter_type(type_registry& types, const model::object_metadata& object,
                        const model::field_metadata& field) {
  if (const auto* composite = model::find_composite_type(field.type)) {
    return composite_input(*composite, "FilterInput");
  }
  switch (field.type) {
    case field_type::uuid:
      return filter_input(types, scalar_filter::uuid);
    case field_type::number: {
      const auto data_type = field.number_data_type();
      if (data_type == "int") return filter_input(types, scalar_filter::int_);
      if (data_type == "bigint") return filter_input(types, scalar_filter::big_int);
      return filter_input(types, scalar_filter::float_);
    }
    case field_type::position:
      return filter_input(types, scalar_filter::float_);
    case field_type::numeric:
      return filter_input(types, scalar_filter::big_float);
    case field_type::boolean:
      return filter_input(types, scalar_filter::boolean);
    case field_type::date_time:
    case field_type::date:
      return filter_input(types, scalar_filter::date);
    case field_type::raw_json:
      return filter_input(types, scalar_filter::raw_json);
    case field_type::array:
      return filter_input(types, scalar_filter::array);
    case field_type::ts_vector:
      return filter_input(types, scalar_filter::ts_vector);
    case field_type::select:
    case field_type::multi_select:
    case field_type::rating:
      return enum_filter(types, model::select_enum_name(object.name_singular, field.name));
    default:
      return filter_input(types, scalar_filter::string);
  }
}

std::string order_by_type(type_registry& types, const model::field_metadata& field) {
  if (const auto* composite = model::find_composite_type(field.type)) {
    return composite_input(*composite, "OrderByInput");
  }
  return order_by_direction(types);
}

std::string group_by_type(const model::field_metadata& field) {
  if (const auto* composite = model::find_composite_type(field.type)) {
    return composite_input(*composite, "GroupByInput");
  }
  return "Boolean";
}

}  // namespace cohort::actors::workspace_schema
