#include "actors/workspace/schema/object_types.hpp"

#include <string>
#include <utility>

#include "actors/workspace/schema/aggregate_fields.hpp"
#include "actors/workspace/schema/field_types.hpp"
#include "actors/workspace/schema/shared_types.hpp"
#include "model/field_type.hpp"
#include "model/names.hpp"

namespace cohort::actors::workspace_schema {

namespace gt = graphql::type;

namespace {

void describe(gt::field_config& field, const model::field_metadata& metadata) {
  if (metadata.description) field.describe(*metadata.description);
}

gt::object_config record_type(type_registry& types, const model::object_metadata& object,
                              const std::vector<const model::field_metadata*>& fields) {
  gt::object_config record;
  record.name = model::capitalize(object.name_singular);
  record.description = object.description;
  for (const auto* field : fields) {
    if (!model::is_relation(field->type)) {
      describe(record.field(field->name, output_type(types, object, *field)), *field);
    } else if (field->is_many_to_one()) {
      describe(record.field(field->relation->join_column_name, "ID"), *field);
    }
  }
  for (const auto* field : fields) {
    if (!model::is_relation(field->type)) continue;
    const std::string target = model::capitalize(field->relation->target_object_name);
    if (field->is_many_to_one()) {
      describe(record.field(field->name, target), *field);
    } else {
      auto& connection = record.field(field->name, target + "Connection");
      add_connection_arguments(connection, target);
      describe(connection, *field);
    }
  }
  return record;
}

gt::object_config connection_type(type_registry& types, const model::object_metadata& object,
                                  const std::vector<const model::field_metadata*>& fields,
                                  bool group_by) {
  const std::string name = model::capitalize(object.name_singular);
  gt::object_config connection;
  connection.name = name + (group_by ? "GroupByConnection" : "Connection");
  connection.description = object.description;
  add_aggregate_fields(connection, fields);
  connection.field("edges", "[" + name + "Edge!]");
  connection.field("pageInfo", page_info(types));
  if (group_by) connection.field("groupByDimensionValues", "JSON");
  return connection;
}

}  // namespace

void add_connection_arguments(gt::field_config& field, std::string_view object) {
  const std::string name(object);
  field.arg("first", "Int");
  field.arg("last", "Int");
  field.arg("before", "String");
  field.arg("after", "String");
  field.arg("filter", name + "FilterInput");
  field.arg("orderBy", "[" + name + "OrderByInput]");
}

void add_object_types(type_registry& types, const model::object_metadata& object,
                      const std::vector<const model::field_metadata*>& fields) {
  ensure_scalar(types, "Cursor");
  ensure_scalar(types, "DateTime");
  ensure_scalar(types, "JSON");
  const std::string name = model::capitalize(object.name_singular);
  types.add(record_type(types, object, fields));

  gt::object_config edge;
  edge.name = name + "Edge";
  edge.description = object.description;
  edge.field("node", name);
  edge.field("cursor", "Cursor");
  types.add(std::move(edge));

  types.add(connection_type(types, object, fields, false));
  types.add(connection_type(types, object, fields, true));
}

}  // namespace cohort::actors::workspace_schema
