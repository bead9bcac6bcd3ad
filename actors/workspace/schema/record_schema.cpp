#include "actors/workspace/schema/record_schema.hpp"

#include <array>

#include "actors/workspace/schema/composite_types.hpp"
#include "actors/workspace/schema/field_types.hpp"
#include "actors/workspace/schema/object_types.hpp"
#include "actors/workspace/schema/query_inputs.hpp"
#include "actors/workspace/schema/root_fields.hpp"
#include "actors/workspace/schema/select_enums.hpp"
#include "actors/workspace/schema/shared_types.hpp"
#include "actors/workspace/schema/type_registry.hpp"
#include "actors/workspace/schema/write_inputs.hpp"
#include "model/names.hpp"

namespace cohort::actors::workspace_schema {

namespace {

using kind = record_root_field;

constexpr std::array<kind, 14> root_field_order{
    kind::find_many,    kind::find_one,    kind::find_duplicates, kind::create_many,
    kind::create_one,   kind::update_one,  kind::delete_one,      kind::update_many,
    kind::delete_many,  kind::destroy_one, kind::destroy_many,    kind::restore_one,
    kind::restore_many, kind::merge_many};

}  // namespace

std::span<const record_root_field> all_record_root_fields() {
  return root_field_order;
}

std::string_view to_string(record_root_field k) {
  switch (k) {
    case kind::find_many:
      return "findMany";
    case kind::find_one:
      return "findOne";
    case kind::find_duplicates:
      return "findDuplicates";
    case kind::create_many:
      return "createMany";
    case kind::create_one:
      return "createOne";
    case kind::update_one:
      return "updateOne";
    case kind::delete_one:
      return "deleteOne";
    case kind::update_many:
      return "updateMany";
    case kind::delete_many:
      return "deleteMany";
    case kind::destroy_one:
      return "destroyOne";
    case kind::destroy_many:
      return "destroyMany";
    case kind::restore_one:
      return "restoreOne";
    case kind::restore_many:
      return "restoreMany";
    case kind::merge_many:
      return "mergeMany";
  }
  return {};
}

bool is_mutation(record_root_field k) {
  return k != kind::find_many && k != kind::find_one && k != kind::find_duplicates;
}

bool has_root_field(const model::object_metadata& object, record_root_field k) {
  if (k == kind::find_duplicates || k == kind::merge_many) {
    return !object.duplicate_criteria.empty();
  }
  return true;
}

std::string root_field_name(const model::object_metadata& object, record_root_field k) {
  const auto names = model::generated_names(object.name_singular, object.name_plural);
  switch (k) {
    case kind::find_many:
      return names.find_many;
    case kind::find_one:
      return names.find_one;
    case kind::find_duplicates:
      return names.find_duplicates;
    case kind::create_many:
      return names.create_many;
    case kind::create_one:
      return names.create_one;
    case kind::update_one:
      return names.update_one;
    case kind::delete_one:
      return names.delete_one;
    case kind::update_many:
      return names.update_many;
    case kind::delete_many:
      return names.delete_many;
    case kind::destroy_one:
      return names.destroy_one;
    case kind::destroy_many:
      return names.destroy_many;
    case kind::restore_one:
      return names.restore_one;
    case kind::restore_many:
      return names.restore_many;
    case kind::merge_many:
      return names.merge_many;
  }
  return {};
}

void add_record_schema(graphql::type::schema_builder& builder, const model::workspace_model& model,
                       const root_resolver_factory& resolvers) {
  type_registry types(builder);
  add_composite_types(types);
  const auto objects = schema_objects(model);
  for (const auto* object : objects) {
    const auto fields = schema_fields(model, *object);
    add_select_enums(types, *object, fields);
    add_object_types(types, *object, fields);
    add_relation_inputs(types, *object, fields);
    add_write_inputs(types, *object, fields);
    add_query_inputs(types, *object, fields);
  }
  add_root_fields(types, objects, resolvers);
}

}  // namespace cohort::actors::workspace_schema
