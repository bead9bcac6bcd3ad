// createOneObject, updateOneObject and deleteOneObject as plans: Twenty's validation, then the
// table DDL (create, rename, drop) and the rows of the object, its fields and the relation fields
// the standard objects hold towards it.
#include <boost/json.hpp>

#include "actors/workspace/metadata/change_plan.hpp"
#include "actors/workspace/metadata/custom_object_template.hpp"
#include "actors/workspace/metadata/plan_support.hpp"
#include "model/names.hpp"
#include "storage/ddl/alter_ddl.hpp"
#include "storage/ddl/identifier.hpp"
#include "storage/ddl/table_ddl.hpp"
#include "storage/metadata/default_views.hpp"
#include "storage/metadata/view_repository.hpp"

namespace cohort::actors::metadata {

namespace {

namespace json = boost::json;
namespace ddl = storage::ddl;

// Twenty 1.6.0 answers its un-interpolated translation for a name that is not camelCase.
metadata_error name_error(const model::name_error& e) {
  if (e.code == model::name_error_code::not_camel_case) {
    return invalid_object_input("{name} should be in camelCase");
  }
  return invalid_object_input(e.message, e.user_friendly_message);
}

std::optional<metadata_error> check_labels(const std::optional<std::string>& singular,
                                           const std::optional<std::string>& plural) {
  for (const auto* label : {&singular, &plural}) {
    if (*label && trim(**label).empty()) {
      return invalid_object_input("Object label is too short", "Object label is too short");
    }
  }
  return std::nullopt;
}

// Both names free among the other objects (singular and plural share one namespace, as the
// generated GraphQL root fields do).
bool names_taken(const std::vector<model::object_metadata>& objects, const std::string& except_id,
                 const std::string& singular, const std::string& plural) {
  for (const auto& o : objects) {
    if (o.id == except_id) continue;
    for (const auto* name : {&singular, &plural}) {
      if (o.name_singular == *name || o.name_plural == *name) return true;
    }
  }
  return false;
}

plan_result create_object(const model::workspace_model& model, const json::object& input) {
  auto singular = input_string(input, "nameSingular").value_or("");
  auto plural = input_string(input, "namePlural").value_or("");
  auto label_singular = input_string(input, "labelSingular");
  auto label_plural = input_string(input, "labelPlural");
  if (auto e = model::validate_object_names(singular, plural)) return name_error(*e);
  if (auto e = check_labels(label_singular, label_plural)) return *e;
  change_plan plan;
  plan.objects = model.objects();
  if (names_taken(plan.objects, "", singular, plural)) return object_already_exists();

  model::object_metadata base;
  base.name_singular = singular;
  base.name_plural = plural;
  base.label_singular = trim(label_singular.value_or(""));
  base.label_plural = trim(label_plural.value_or(""));
  base.description = input_string(input, "description");
  base.icon = input_string(input, "icon");
  base.shortcut = input_string(input, "shortcut");
  base.is_label_synced_with_name = input_bool(input, "isLabelSyncedWithName").value_or(false);
  base.is_remote = input_bool(input, "isRemote").value_or(false);
  auto made = make_custom_object(std::move(base), plan.objects);

  for (const auto& inverse : made.inverse_fields) {
    auto* target = find_object(plan.objects, inverse.object_id);
    if (target->find_field(inverse.name) != nullptr) {
      return invalid_object_input("Name \"" + inverse.name + "\" is not available on object \"" +
                                  target->name_singular + "\"");
    }
  }
  auto table = ddl::generate_table_ddl(model.schema_name(), made.object, plan.objects);
  if (!table.ok()) return internal_metadata_error(table.error);
  for (auto& s : table.value->create_types) plan.ddl.push_back(std::move(s));
  plan.ddl.push_back(std::move(table.value->create_table));
  for (auto& s : table.value->indexes) plan.ddl.push_back(std::move(s));
  try {
    for (const auto& inverse : made.inverse_fields) {
      auto* target = find_object(plan.objects, inverse.object_id);
      for (auto& s : ddl::add_field_columns(model.schema_name(), target->table_name(), inverse,
                                            made.object.table_name())) {
        plan.ddl.push_back(std::move(s));
      }
      target->fields.push_back(inverse);
      plan.fields_to_write.insert(inverse.id);
    }
  } catch (const ddl::ddl_error& e) {
    return internal_metadata_error(e.what());
  }
  plan.statements = storage::metadata::index_view_statements(model.workspace_id(), made.object);
  plan.entity_id = made.object.id;
  plan.objects_to_write.insert(made.object.id);
  for (const auto& f : made.object.fields) plan.fields_to_write.insert(f.id);
  plan.objects.push_back(std::move(made.object));
  return plan;
}

plan_result update_object(const model::workspace_model& model, const json::object& input) {
  auto id = input_string(input, "id").value_or("");
  auto update = input_object(input, "update");
  change_plan plan;
  plan.objects = model.objects();
  auto* object = find_object(plan.objects, id);
  if (!object) return object_not_found("Object does not exist");
  const model::object_metadata before = *object;

  auto singular = input_string(update, "nameSingular");
  auto plural = input_string(update, "namePlural");
  if (singular || plural) {
    if (!object->is_custom) {
      return invalid_object_input("Cannot update nameSingular or namePlural of a standard object",
                                  "Standard object names cannot be changed");
    }
    const std::string s = singular.value_or(object->name_singular);
    const std::string p = plural.value_or(object->name_plural);
    if (auto e = model::validate_object_names(s, p)) return name_error(*e);
    if (names_taken(plan.objects, object->id, s, p)) return object_already_exists();
    object->name_singular = s;
    object->name_plural = p;
  }
  auto label_singular = input_string(update, "labelSingular");
  auto label_plural = input_string(update, "labelPlural");
  if (auto e = check_labels(label_singular, label_plural)) return *e;
  if (label_singular) object->label_singular = trim(*label_singular);
  if (label_plural) object->label_plural = trim(*label_plural);
  if (update.contains("description")) object->description = input_string(update, "description");
  if (update.contains("icon")) object->icon = input_string(update, "icon");
  if (update.contains("shortcut")) object->shortcut = input_string(update, "shortcut");
  if (auto v = input_bool(update, "isActive")) object->is_active = *v;
  if (auto v = input_bool(update, "isLabelSyncedWithName")) object->is_label_synced_with_name = *v;
  for (const char* key : {"labelIdentifierFieldMetadataId", "imageIdentifierFieldMetadataId"}) {
    if (!update.contains(key)) continue;
    auto field_id = input_string(update, key);
    if (field_id && !object->find_field_by_id(*field_id)) {
      return invalid_object_input(std::string(key) + " is not a field of this object");
    }
    (std::string_view(key) == "labelIdentifierFieldMetadataId"
         ? object->label_identifier_field_id
         : object->image_identifier_field_id) = field_id;
  }
  try {
    for (auto& s : ddl::rename_table(model.schema_name(), before, object->table_name())) {
      plan.ddl.push_back(std::move(s));
    }
  } catch (const ddl::ddl_error& e) {
    return internal_metadata_error(e.what());
  }
  plan.entity_id = object->id;
  plan.objects_to_write.insert(object->id);
  return plan;
}

plan_result delete_object(const model::workspace_model& model, const json::object& input) {
  auto id = input_string(input, "id").value_or("");
  change_plan plan;
  plan.objects = model.objects();
  auto* object = find_object(plan.objects, id);
  if (!object) return object_not_found("Object does not exist");
  if (!object->is_custom) {
    return mutation_not_allowed("Standard Objects cannot be deleted", false);
  }
  const model::object_metadata removed = *object;
  try {
    // The relation fields other objects hold towards it go with it (their join columns first).
    for (auto& other : plan.objects) {
      if (other.id == removed.id) continue;
      std::vector<model::field_metadata> kept;
      for (auto& f : other.fields) {
        if (f.relation && f.relation->target_object_id == removed.id) {
          for (auto& s : ddl::drop_field_columns(model.schema_name(), other.table_name(), f)) {
            plan.ddl.push_back(std::move(s));
          }
          plan.fields_removed.push_back(f.id);
          continue;
        }
        kept.push_back(std::move(f));
      }
      other.fields = std::move(kept);
    }
    for (auto& s : ddl::drop_table(model.schema_name(), removed)) plan.ddl.push_back(std::move(s));
  } catch (const ddl::ddl_error& e) {
    return internal_metadata_error(e.what());
  }
  std::erase_if(plan.objects, [&](const auto& o) { return o.id == removed.id; });
  plan.objects_removed.push_back(removed.id);
  plan.statements.push_back(
      storage::metadata::destroy_views_of_object(model.workspace_id(), removed.id));
  for (const auto& f : removed.fields) plan.fields_removed.push_back(f.id);
  plan.entity_id = removed.id;
  return plan;
}

}  // namespace

plan_result plan_object_change(const model::workspace_model& model, const metadata_change& change) {
  switch (change.kind) {
    case change_kind::create_object:
      return create_object(model, change.input);
    case change_kind::update_object:
      return update_object(model, change.input);
    case change_kind::delete_object:
      return delete_object(model, change.input);
    default:
      return internal_metadata_error("not an object change");
  }
}

plan_result plan_change(const model::workspace_model& model, const metadata_change& change) {
  switch (change.kind) {
    case change_kind::create_object:
    case change_kind::update_object:
    case change_kind::delete_object:
      return plan_object_change(model, change);
    default:
      return plan_field_change(model, change);
  }
}

}  // namespace cohort::actors::metadata
