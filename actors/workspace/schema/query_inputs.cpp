#include "actors/workspace/schema/query_inputs.hpp"

#include <string>
#include <utility>

#include "actors/workspace/schema/field_types.hpp"
#include "actors/workspace/schema/shared_types.hpp"
#include "model/field_type.hpp"
#include "model/names.hpp"

namespace cohort::actors::workspace_schema {

namespace gt = graphql::type;

namespace {

// One key per plain field and per many-to-one join column (relations are read through their
// foreign key), typed by `type_of`.
template <typename TypeOf>
gt::input_object_config per_field_input(std::string name, const model::object_metadata& object,
                                        const std::vector<const model::field_metadata*>& fields,
                                        const std::string& join_column_type, TypeOf type_of) {
  gt::input_object_config input;
  input.name = std::move(name);
  input.description = object.description;
  for (const auto* field : fields) {
    if (!model::is_relation(field->type)) {
      input.field(field->name, type_of(*field)).description = field->description;
    } else if (field->is_many_to_one()) {
      input.field(field->relation->join_column_name, join_column_type).description =
          field->description;
    }
  }
  return input;
}

}  // namespace

void add_query_inputs(type_registry& types, const model::object_metadata& object,
                      const std::vector<const model::field_metadata*>& fields) {
  const std::string name = model::capitalize(object.name_singular);

  auto filter = per_field_input(
      name + "FilterInput", object, fields, filter_input(types, scalar_filter::uuid),
      [&](const model::field_metadata& field) { return filter_type(types, object, field); });
  filter.field("and", "[" + filter.name + "]");
  filter.field("or", "[" + filter.name + "]");
  filter.field("not", filter.name);
  types.add(std::move(filter));

  const std::string direction = order_by_direction(types);
  types.add(per_field_input(
      name + "OrderByInput", object, fields, direction,
      [&](const model::field_metadata& field) { return order_by_type(types, field); }));

  types.add(
      per_field_input(name + "GroupByInput", object, fields, "Boolean",
                      [](const model::field_metadata& field) { return group_by_type(field); }));
}

}  // namespace cohort::actors::workspace_schema
