#include "api/rest/field_path.hpp"

#include "model/composite_types.hpp"

namespace cohort::api::rest {

std::optional<field_ref> resolve_field(const model::object_metadata& object,
                                       std::string_view path) {
  std::size_t dot = path.find('.');
  std::string_view name = path.substr(0, dot);
  std::optional<std::string_view> sub;
  if (dot != std::string_view::npos) sub = path.substr(dot + 1);

  for (const auto& field : object.fields) {
    if (!field.is_active) continue;
    if (field.is_many_to_one() && field.relation->join_column_name == name && !sub) {
      return field_ref{
          .field = std::string(name), .subfield = std::nullopt, .type = model::field_type::uuid};
    }
    if (field.name != name || model::is_relation(field.type)) continue;
    const model::composite_type* composite = model::find_composite_type(field.type);
    if (!sub) return field_ref{.field = field.name, .subfield = std::nullopt, .type = field.type};
    if (composite == nullptr) return std::nullopt;
    const model::composite_subfield* part = composite->find(*sub);
    if (part == nullptr) return std::nullopt;
    return field_ref{.field = field.name, .subfield = std::string(*sub), .type = part->type};
  }
  return std::nullopt;
}

std::string unknown_field_message(const model::object_metadata& object, std::string_view path) {
  return "field '" + std::string(path) + "' does not exist in '" + object.name_singular +
         "' object";
}

}  // namespace cohort::api::rest
