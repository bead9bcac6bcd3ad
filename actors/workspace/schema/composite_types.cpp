#include "actors/workspace/schema/composite_types.hpp"

#include <cctype>
#include <string>
#include <utility>

#include "actors/workspace/schema/shared_types.hpp"
#include "model/composite_types.hpp"

namespace cohort::actors::workspace_schema {

namespace gt = graphql::type;

namespace {

using model::field_type;

std::string subfield_type(type_registry& types, const model::composite_subfield& subfield) {
  std::string type;
  switch (subfield.type) {
    case field_type::numeric:
      type = "BigFloat";
      break;
    case field_type::raw_json:
      type = "JSON";
      break;
    case field_type::uuid:
      type = "UUID";
      break;
    case field_type::select:
      type = std::string(model::actor_source_enum_name);
      break;
    default:
      type = "String";
  }
  ensure_scalar(types, type);
  return type;
}

std::string subfield_filter(type_registry& types, const model::composite_subfield& subfield) {
  switch (subfield.type) {
    case field_type::numeric:
      return filter_input(types, scalar_filter::big_float);
    case field_type::raw_json:
      return filter_input(types, scalar_filter::raw_json);
    case field_type::uuid:
      return filter_input(types, scalar_filter::uuid);
    case field_type::select:
      return enum_filter(types, model::actor_source_enum_name);
    default:
      return filter_input(types, scalar_filter::string);
  }
}

// The actor's `source` values, described by their lower-case spelling as Twenty does.
void add_actor_source_enum(type_registry& types) {
  gt::enum_config sources;
  sources.name = std::string(model::actor_source_enum_name);
  for (std::string_view source : model::actor_sources()) {
    std::string description(source);
    for (char& c : description) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    sources.value(std::string(source)).describe(std::move(description));
  }
  types.add(std::move(sources));
}

void add_composite(type_registry& types, const model::composite_type& composite) {
  const std::string name(composite.graphql_name);
  gt::object_config output;
  output.name = name;
  gt::input_object_config create, update, filter, order_by, group_by;
  create.name = name + "CreateInput";
  update.name = name + "UpdateInput";
  filter.name = name + "FilterInput";
  order_by.name = name + "OrderByInput";
  group_by.name = name + "GroupByInput";
  for (const auto& subfield : composite.subfields) {
    const std::string field(subfield.name);
    const std::string type = subfield_type(types, subfield);
    output.field(field, subfield.nullable ? type : type + "!");
    // The server fills the hidden subfields (actor name and member): clients neither write nor
    // group by them.
    if (!subfield.hidden_on_write) {
      create.field(field, type);
      update.field(field, type);
    }
    if (subfield.filterable) filter.field(field, subfield_filter(types, subfield));
    if (subfield.orderable) order_by.field(field, order_by_direction(types));
    if (!subfield.hidden_on_write) group_by.field(field, "Boolean");
  }
  types.add(std::move(output));
  types.add(std::move(create));
  types.add(std::move(update));
  types.add(std::move(filter));
  types.add(std::move(order_by));
  types.add(std::move(group_by));
}

}  // namespace

void add_composite_types(type_registry& types) {
  add_actor_source_enum(types);
  for (const auto& composite : model::all_composite_types()) add_composite(types, composite);
}

}  // namespace cohort::actors::workspace_schema
