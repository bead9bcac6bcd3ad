#include "actors/workspace/schema/write_inputs.hpp"

#include <algorithm>
#include <string>
#include <utility>

#include "actors/workspace/schema/field_types.hpp"
#include "model/composite_types.hpp"
#include "model/field_type.hpp"
#include "model/names.hpp"

namespace cohort::actors::workspace_schema {

namespace gt = graphql::type;

namespace {

using field_group = std::vector<const model::field_metadata*>;

bool shown(const std::vector<const model::field_metadata*>& fields,
           const model::field_metadata* field) {
  return std::find(fields.begin(), fields.end(), field) != fields.end();
}

// What identifies one record besides its id: each unique field, then each unique index (a
// multi-column one such as viewField's fieldMetadataId + view), without repeating a group.
std::vector<field_group> unique_groups(const model::object_metadata& object,
                                       const std::vector<const model::field_metadata*>& fields) {
  std::vector<field_group> groups;
  auto add_group = [&](field_group group) {
    if (group.empty() || std::find(groups.begin(), groups.end(), group) != groups.end()) return;
    if (group.size() == 1 && group.front()->name == "id") return;
    groups.push_back(std::move(group));
  };
  for (const auto* field : fields) {
    if (field->is_unique) add_group({field});
  }
  for (const auto& index : object.indexes) {
    if (!index.is_unique) continue;
    auto columns = index.fields;
    std::sort(columns.begin(), columns.end(),
              [](const auto& a, const auto& b) { return a.order < b.order; });
    field_group group;
    for (const auto& column : columns) {
      const auto* field = object.find_field_by_id(column.field_id);
      if (field == nullptr || !shown(fields, field)) {
        group.clear();
        break;
      }
      group.push_back(field);
    }
    add_group(std::move(group));
  }
  return groups;
}

std::string connect_by(const model::field_metadata& field) {
  return "Connect by " + field.label;
}

// A composite unique field is matched by its primary subfield: `{Object}{Field}WhereInput`.
std::string where_input_for_composite(type_registry& types, const std::string& object_name,
                                      const model::field_metadata& field,
                                      const model::composite_type& composite) {
  std::string name = object_name + model::capitalize(field.name) + "WhereInput";
  if (types.added(name)) return name;
  gt::input_object_config where;
  where.name = name;
  if (const auto* primary = composite.primary_subfield()) {
    where.field(std::string(primary->name), "String")
        .describe("Connect by " + std::string(primary->name));
  }
  types.add(std::move(where));
  return name;
}

void add_where_unique_input(type_registry& types, const model::object_metadata& object,
                            const std::vector<field_group>& groups) {
  const std::string name = model::capitalize(object.name_singular);
  gt::input_object_config where;
  where.name = name + "WhereUniqueInput";
  const auto* id = object.find_field("id");
  where.field("id", "ID").describe(id ? connect_by(*id) : "Connect by Id");
  std::vector<const model::field_metadata*> listed;
  for (const auto& group : groups) {
    for (const auto* field : group) {
      if (std::find(listed.begin(), listed.end(), field) != listed.end()) continue;
      listed.push_back(field);
      std::string type;
      if (model::is_relation(field->type)) {
        type = "ID";
      } else if (const auto* composite = model::find_composite_type(field->type)) {
        type = where_input_for_composite(types, name, *field, *composite);
      } else {
        type = output_type(types, object, *field);
      }
      where.field(field->name, std::move(type)).describe(connect_by(*field));
    }
  }
  types.add(std::move(where));
}

std::string unique_fields_sentence(const std::vector<field_group>& groups) {
  std::string sentence = "id";
  for (const auto& group : groups) {
    sentence += " or ";
    for (std::size_t i = 0; i < group.size(); ++i) {
      if (i > 0) sentence += " and ";
      sentence += group[i]->name;
    }
  }
  return sentence;
}

gt::input_object_config make_write_input(type_registry& types, const model::object_metadata& object,
                                         const std::vector<const model::field_metadata*>& fields,
                                         write_input kind) {
  gt::input_object_config input;
  input.name = model::capitalize(object.name_singular) +
               (kind == write_input::create ? "CreateInput" : "UpdateInput");
  input.description = object.description;
  for (const auto* field : fields) {
    if (!model::is_relation(field->type)) {
      input.field(field->name, write_input_type(types, object, *field, kind)).description =
          field->description;
    } else if (field->is_many_to_one()) {
      // A many-to-one is written either by its foreign key or through the relation input.
      input.field(field->relation->join_column_name, "ID").description = field->description;
      input
          .field(field->name,
                 model::capitalize(field->relation->target_object_name) + "RelationInput")
          .description = field->description;
    }
  }
  return input;
}

}  // namespace

void add_relation_inputs(type_registry& types, const model::object_metadata& object,
                         const std::vector<const model::field_metadata*>& fields) {
  const std::string name = model::capitalize(object.name_singular);
  const std::string& singular = object.name_singular;

  gt::input_object_config relation;
  relation.name = name + "RelationInput";
  relation.field("connect", name + "ConnectInput").describe("Connect to a " + singular + " record");
  relation.field("disconnect", "Boolean").describe("Disconnect from a " + singular + " record");
  types.add(std::move(relation));

  const auto groups = unique_groups(object, fields);
  gt::input_object_config connect;
  connect.name = name + "ConnectInput";
  connect.field("where", name + "WhereUniqueInput")
      .describe("Find a " + singular +
                " record based on its unique fields: " + unique_fields_sentence(groups));
  types.add(std::move(connect));

  add_where_unique_input(types, object, groups);
}

void add_write_inputs(type_registry& types, const model::object_metadata& object,
                      const std::vector<const model::field_metadata*>& fields) {
  types.add(make_write_input(types, object, fields, write_input::create));
  types.add(make_write_input(types, object, fields, write_input::update));
}

}  // namespace cohort::actors::workspace_schema
