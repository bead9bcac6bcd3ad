// createOneField, updateOneField and deleteOneField as plans: Twenty's validation (field_input),
// then the columns added, renamed, re-typed or dropped and the rows of every field touched (both
// sides of a relation).
#include <boost/json.hpp>
#include <utility>

#include "actors/workspace/metadata/change_plan.hpp"
#include "actors/workspace/metadata/field_input.hpp"
#include "actors/workspace/metadata/plan_support.hpp"
#include "actors/workspace/metadata/relation_fields.hpp"
#include "model/names.hpp"
#include "model/select_options.hpp"
#include "storage/ddl/alter_ddl.hpp"
#include "storage/ddl/identifier.hpp"
#include "storage/ddl/table_ddl.hpp"
#include "storage/metadata/view_repository.hpp"

namespace cohort::actors::metadata {

namespace {

namespace json = boost::json;
namespace ddl = storage::ddl;
using model::field_type;

// The CREATE [UNIQUE] INDEX of `index`, as the table generator writes it for `object`.
std::optional<std::string> index_statement(const std::string& schema,
                                           const model::object_metadata& object,
                                           const std::string& index_name,
                                           std::span<const model::object_metadata> objects) {
  auto table = ddl::generate_table_ddl(schema, object, objects);
  if (!table.ok()) return std::nullopt;
  for (std::size_t i = 0; i < object.indexes.size() && i < table.value->indexes.size(); ++i) {
    if (object.indexes[i].name == index_name) return table.value->indexes[i];
  }
  return std::nullopt;
}

// A unique index on a field, named after the field's id so renames keep it valid.
model::index_metadata unique_index_for(const model::field_metadata& field) {
  model::index_metadata index;
  index.id = random_uuid();
  std::string digits;
  for (char c : field.id) {
    if (c != '-') digits += c;
  }
  index.name = "IDX_UNIQUE_" + digits;
  index.is_unique = true;
  index.is_custom = true;
  index.where_clause = "\"deletedAt\" IS NULL";
  index.fields.push_back({random_uuid(), field.id, 0});
  return index;
}

// Adds or drops the unique index of `field` (its is_unique already set) on `object`.
std::optional<metadata_error> change_unique_index(change_plan& plan, const std::string& schema,
                                                  model::object_metadata& object,
                                                  const model::field_metadata& field) {
  plan.objects_to_write.insert(object.id);
  if (field.is_unique) {
    auto index = unique_index_for(field);
    object.indexes.push_back(index);
    auto sql = index_statement(schema, object, index.name, plan.objects);
    if (!sql) return internal_metadata_error("unique index could not be generated");
    plan.ddl.push_back(*sql);
    return std::nullopt;
  }
  std::erase_if(object.indexes, [&](const model::index_metadata& index) {
    if (!index.is_unique || index.fields.size() != 1 || index.fields[0].field_id != field.id) {
      return false;
    }
    plan.ddl.push_back("DROP INDEX IF EXISTS " + ddl::qualified_name(schema, index.name));
    return true;
  });
  return std::nullopt;
}

plan_result create_field(const model::workspace_model& model, const json::object& input) {
  change_plan plan;
  plan.objects = model.objects();
  auto* object = find_object(plan.objects, input_string(input, "objectMetadataId").value_or(""));
  if (!object) return internal_metadata_error("Object metadata does not exist");
  const auto type_name = input_string(input, "type").value_or("");
  const bool relation = type_name == "RELATION";
  json::object base = input;
  // Read as a plain field (name, label, flags), then made a relation.
  if (relation || type_name == "MORPH_RELATION") base["type"] = "UUID";
  auto read = read_new_field(*object, base);
  if (auto* e = std::get_if<metadata_error>(&read)) return *e;
  auto field = std::get<model::field_metadata>(std::move(read));
  try {
    if (type_name == "MORPH_RELATION") {
      static const json::value none;
      const auto* payloads = input.if_contains("morphRelationsCreationPayload");
      if (auto e = add_morph_relation(plan, model.schema_name(), *object, field,
                                      payloads ? *payloads : none)) {
        return *e;
      }
      return plan;
    }
    if (relation) {
      field.type = field_type::relation;
      auto payload = input_object(input, "relationCreationPayload");
      if (payload.empty()) return invalid_field_input("Relation creation payload is not defined");
      if (auto e = add_relation(plan, model.schema_name(), *object, field, payload)) return *e;
      object = find_object(plan.objects, field.object_id);  // the vector may have moved
    } else {
      append(plan.ddl, ddl::add_field_columns(model.schema_name(), object->table_name(), field));
    }
    plan.entity_id = field.id;
    plan.fields_to_write.insert(field.id);
    const bool unique = field.is_unique && !relation;
    object->fields.push_back(std::move(field));
    if (unique) {
      if (auto e = change_unique_index(plan, model.schema_name(), *object, object->fields.back())) {
        return *e;
      }
    }
  } catch (const ddl::ddl_error& e) {
    return invalid_field_input(e.what());
  }
  return plan;
}

// Kanban groups by a select field and filters on it follow its options (matched by id, as the
// stored values are).
void follow_options_in_views(change_plan& plan, const std::string& workspace_id,
                             const model::field_metadata& before,
                             const model::field_metadata& after) {
  json::object renamed;
  for (const auto& old_option : before.options) {
    json::value next = nullptr;
    if (const auto* successor = ddl::successor_option(after, old_option)) next = successor->value;
    if (next.is_string() && next.as_string() == old_option.value) continue;
    renamed[old_option.value] = std::move(next);
  }
  if (renamed.empty()) return;
  for (auto& statement :
       storage::metadata::follow_options_in_views(workspace_id, after.id, renamed)) {
    plan.statements.push_back(std::move(statement));
  }
}

// A default naming options follows them to their new values (renamed, swapped) and loses those
// removed: "'A'" or ["'A'", "'B'"].
json::value followed_default(const model::field_metadata& before,
                             const model::field_metadata& after) {
  auto follow = [&](const json::value& literal) -> json::value {
    if (!literal.is_string()) return nullptr;
    auto value = model::unquote_literal(std::string(literal.as_string()));
    const auto* previous = value ? before.find_option(*value) : nullptr;
    const auto* next = previous ? ddl::successor_option(after, *previous) : nullptr;
    return next ? json::value("'" + next->value + "'") : json::value(nullptr);
  };
  if (before.default_value.is_array()) {
    json::array out;
    for (const auto& v : before.default_value.as_array()) {
      if (auto next = follow(v); !next.is_null()) out.push_back(std::move(next));
    }
    return out.empty() ? json::value(nullptr) : json::value(std::move(out));
  }
  return follow(before.default_value);
}

// Standard fields keep their name, type and constraints; their labels, description, icon,
// activity and options may change.
std::optional<metadata_error> check_standard_update(const model::field_metadata& field,
                                                    const json::object& update) {
  if (field.is_custom) return std::nullopt;
  for (const char* key : {"name", "isNullable", "isUnique", "isSystem", "isUIReadOnly"}) {
    const auto* v = update.if_contains(key);
    if (!v || v->is_null()) continue;
    if (std::string_view(key) == "name" && v->is_string() && v->as_string() == field.name) continue;
    return invalid_field_input("Cannot update " + std::string(key) + " of a standard field",
                               "This property of a standard field cannot be changed.");
  }
  return std::nullopt;
}

plan_result update_field(const model::workspace_model& model, const json::object& input) {
  change_plan plan;
  plan.objects = model.objects();
  const auto id = input_string(input, "id").value_or("");
  auto update = input_object(input, "update");
  auto* object = object_of_field(plan.objects, id);
  if (!object) return field_not_found("Field does not exist");
  auto& field = *find_field(*object, id);
  const model::field_metadata before = field;
  if (auto e = check_standard_update(field, update)) return *e;

  if (auto name = input_string(update, "name"); name && *name != field.name) {
    if (model::is_relation(field.type)) {
      return invalid_field_input("Name cannot be changed for relation fields");
    }
    if (auto e = check_field_name(*object, *name, field.id)) return *e;
    field.name = *name;
  }
  if (auto label = input_string(update, "label")) {
    if (trim(*label).empty()) return invalid_field_input("Label is required", "Label is required.");
    field.label = trim(*label);
  }
  if (update.contains("description")) field.description = input_string(update, "description");
  if (update.contains("icon")) field.icon = input_string(update, "icon");
  if (auto v = input_bool(update, "isActive"); v && *v != field.is_active) {
    if (!*v && object->label_identifier_field_id == field.id) {
      return invalid_field_input("Cannot deactivate the label identifier field",
                                 "The label identifier field cannot be deactivated.");
    }
    field.is_active = *v;
    // Morph siblings live and die together.
    for (auto* sibling : morph_siblings(*object, field)) {
      if (sibling->id == field.id) continue;
      sibling->is_active = *v;
      plan.fields_to_write.insert(sibling->id);
    }
  }
  if (auto v = input_bool(update, "isNullable")) field.is_nullable = *v;
  if (auto v = input_bool(update, "isUIReadOnly")) field.is_ui_read_only = *v;
  if (auto v = input_bool(update, "isSystem")) field.is_system = *v;
  if (auto v = input_bool(update, "isLabelSyncedWithName")) field.is_label_synced_with_name = *v;
  if (auto* settings = update.if_contains("settings");
      settings && !model::is_relation(field.type)) {
    field.settings = *settings;
  }
  if (auto* options = update.if_contains("options"); options && !options->is_null()) {
    if (!model::has_options(field.type)) {
      return invalid_field_input("Options are only allowed on SELECT, MULTI_SELECT and RATING");
    }
    auto read = read_options(*options, before.options);
    if (auto* e = std::get_if<metadata_error>(&read)) return *e;
    field.options = std::get<std::vector<model::select_option>>(std::move(read));
  }
  if (auto* d = update.if_contains("defaultValue")) {
    if (d->is_null() && !field.is_nullable) {
      return invalid_field_input("Default value cannot be null for non-nullable fields");
    }
    field.default_value = *d;
  } else if (model::has_options(field.type) && update.contains("options")) {
    field.default_value = followed_default(before, field);
  }
  if (!field.is_nullable && field.default_value.is_null() && before.is_nullable) {
    return invalid_field_input("Default value is required for non nullable fields");
  }
  if (model::has_options(field.type)) {
    if (auto e = model::validate_option_default(field.type, field.default_value, field.options)) {
      return invalid_field_input(*e);
    }
  }
  try {
    const std::string table = object->table_name();
    auto renamed = before;
    renamed.name = field.name;
    append(plan.ddl, ddl::rename_field_columns(model.schema_name(), table, before, renamed));
    bool options_changed = false;
    if (model::has_options(field.type)) {
      options_changed = before.options.size() != field.options.size();
      for (std::size_t i = 0; !options_changed && i < field.options.size(); ++i) {
        options_changed = before.options[i].value != field.options[i].value;
      }
    }
    if (options_changed) {
      append(plan.ddl, ddl::rewrite_option_column(model.schema_name(), table, renamed, field));
      follow_options_in_views(plan, model.workspace_id(), before, field);
    } else {
      append(plan.ddl, ddl::alter_field_constraints(model.schema_name(), table, renamed, field));
    }
    if (auto unique = input_bool(update, "isUnique");
        unique && *unique != before.is_unique && !model::is_relation(field.type)) {
      field.is_unique = *unique;
      if (auto e = change_unique_index(plan, model.schema_name(), *object, field)) return *e;
    }
  } catch (const ddl::ddl_error& e) {
    return invalid_field_input(e.what());
  }
  plan.entity_id = field.id;
  plan.fields_to_write.insert(field.id);
  return plan;
}

// Drops one field of `object` (columns, indexes) and, for a relation, its other side.
void drop_field(change_plan& plan, const std::string& schema, model::object_metadata& object,
                const model::field_metadata& field) {
  append(plan.ddl, ddl::drop_field_columns(schema, object.table_name(), field));
  std::erase_if(object.fields, [&](const auto& f) { return f.id == field.id; });
  std::erase_if(object.indexes, [&](const auto& index) {
    for (const auto& f : index.fields) {
      if (f.field_id == field.id) return true;
    }
    return false;
  });
  plan.objects_to_write.insert(object.id);
  plan.fields_removed.push_back(field.id);
  if (!field.relation) return;
  auto* target = find_object(plan.objects, field.relation->target_object_id);
  auto* inverse = target ? find_field(*target, field.relation->target_field_id) : nullptr;
  if (!inverse) return;
  append(plan.ddl, ddl::drop_field_columns(schema, target->table_name(), *inverse));
  plan.fields_removed.push_back(inverse->id);
  const std::string inverse_id = inverse->id;
  std::erase_if(target->fields, [&](const auto& f) { return f.id == inverse_id; });
}

plan_result delete_field(const model::workspace_model& model, const json::object& input) {
  change_plan plan;
  plan.objects = model.objects();
  const auto id = input_string(input, "id").value_or("");
  auto* object = object_of_field(plan.objects, id);
  if (!object) return field_not_found("Field does not exist");
  const model::field_metadata field = *find_field(*object, id);
  if (!field.is_custom) {
    return mutation_not_allowed("Standard fields cannot be deleted", true);
  }
  if (field.is_active) {
    return mutation_not_allowed("Active fields cannot be deleted", true);
  }
  if (object->label_identifier_field_id == field.id) {
    return mutation_not_allowed("Cannot delete, please update the label identifier field first",
                                true);
  }
  // A morph relation goes with all its siblings (one field per target object).
  std::vector<model::field_metadata> doomed;
  for (const auto* f : morph_siblings(std::as_const(*object), field)) doomed.push_back(*f);
  try {
    for (const auto& gone : doomed) drop_field(plan, model.schema_name(), *object, gone);
  } catch (const ddl::ddl_error& e) {
    return internal_metadata_error(e.what());
  }
  // Views stop showing, filtering, sorting and grouping by what is gone.
  for (const auto& removed : plan.fields_removed) {
    plan.statements.push_back(
        storage::metadata::destroy_view_children_of_field(model.workspace_id(), removed));
  }
  plan.entity_id = field.id;
  return plan;
}

}  // namespace

plan_result plan_field_change(const model::workspace_model& model, const metadata_change& change) {
  switch (change.kind) {
    case change_kind::create_field:
      return create_field(model, change.input);
    case change_kind::update_field:
      return update_field(model, change.input);
    case change_kind::delete_field:
      return delete_field(model, change.input);
    default:
      return internal_metadata_error("not a field change");
  }
}

}  // namespace cohort::actors::metadata
