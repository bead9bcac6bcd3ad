#include "model/graphql_types.hpp"

#include "model/composite_types.hpp"
#include "model/names.hpp"

namespace cohort::model {

std::string graphql_output_type(const object_metadata& object, const field_metadata& field) {
  if (const auto* composite = find_composite_type(field.type)) {
    return std::string(composite->graphql_name);
  }
  switch (field.type) {
    case field_type::uuid:
      return "UUID";
    case field_type::text:
    case field_type::rich_text:
      return "String";
    case field_type::number: {
      const auto data_type = field.number_data_type();
      if (data_type == "int") return "Int";
      if (data_type == "bigint") return "BigInt";
      return "Float";
    }
    case field_type::numeric:
      return "BigFloat";
    case field_type::boolean:
      return "Boolean";
    case field_type::date_time:
      return "DateTime";
    case field_type::date:
      return "Date";
    case field_type::position:
      return "Position";
    case field_type::raw_json:
      return "JSON";
    case field_type::array:
      return "[String]";
    case field_type::ts_vector:
      return "TSVector";
    case field_type::select:
    case field_type::rating:
      return select_enum_name(object.name_singular, field.name);
    case field_type::multi_select: {
      std::string list(1, '[');
      list.append(select_enum_name(object.name_singular, field.name)).append(1, ']');
      return list;
    }
    case field_type::files:
      return "[FileObject]";
    case field_type::relation:
    case field_type::morph_relation:
      if (!field.relation) return "";
      if (field.relation->type == relation_type::many_to_one) {
        return capitalize(field.relation->target_object_name);
      }
      return capitalize(field.relation->target_object_name) + "Connection";
    default:
      return "";
  }
}

}  // namespace cohort::model
