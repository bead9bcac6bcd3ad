#include "api/platform/metadata_nodes.hpp"

#include <boost/json.hpp>

namespace cohort::api::platform {

namespace json = boost::json;

namespace {

json::value text_or_null(const std::optional<std::string>& s) {
  return s ? json::value(*s) : json::value(nullptr);
}

void add_times(json::object& node, const model::workspace_model& model, const std::string& id) {
  if (const auto* t = model.times_of(id)) {
    node["createdAt"] = t->created_at;
    node["updatedAt"] = t->updated_at;
  } else {
    node["createdAt"] = model.default_time();
    node["updatedAt"] = model.default_time();
  }
}

json::value options_json(const model::field_metadata& field) {
  if (!model::has_options(field.type)) return nullptr;
  json::array out;
  for (const auto& o : field.options) {
    json::object option{{"id", o.id}, {"label", o.label}, {"value", o.value}};
    if (!o.color.empty()) option["color"] = o.color;
    option["position"] = o.position;
    out.push_back(std::move(option));
  }
  return out;
}

}  // namespace

json::object object_node(const model::workspace_model& model, const model::object_metadata& o) {
  json::array criteria;
  for (const auto& group : o.duplicate_criteria) {
    json::array g;
    for (const auto& c : group) g.push_back(json::value(c));
    criteria.push_back(std::move(g));
  }
  json::object node{{"__objectId", o.id},
                    {"id", o.id},
                    {"nameSingular", o.name_singular},
                    {"namePlural", o.name_plural},
                    {"labelSingular", o.label_singular},
                    {"labelPlural", o.label_plural},
                    {"description", text_or_null(o.description)},
                    {"icon", text_or_null(o.icon)},
                    {"standardOverrides", nullptr},
                    {"shortcut", text_or_null(o.shortcut)},
                    {"isCustom", o.is_custom},
                    {"isRemote", o.is_remote},
                    {"isActive", o.is_active},
                    {"isSystem", o.is_system},
                    {"isUIReadOnly", o.is_ui_read_only},
                    {"isSearchable", o.is_searchable},
                    {"labelIdentifierFieldMetadataId", text_or_null(o.label_identifier_field_id)},
                    {"imageIdentifierFieldMetadataId", text_or_null(o.image_identifier_field_id)},
                    {"isLabelSyncedWithName", o.is_label_synced_with_name},
                    {"duplicateCriteria", std::move(criteria)}};
  add_times(node, model, o.id);
  return node;
}

json::object field_node(const model::workspace_model& model, const model::object_metadata& object,
                        const model::field_metadata& f) {
  json::object node{{"__objectId", object.id},
                    {"id", f.id},
                    {"type", model::to_string(f.type)},
                    {"name", f.name},
                    {"label", f.label},
                    {"description", text_or_null(f.description)},
                    {"icon", text_or_null(f.icon)},
                    {"standardOverrides", nullptr},
                    {"isCustom", f.is_custom},
                    {"isActive", f.is_active},
                    {"isSystem", f.is_system},
                    {"isUIReadOnly", f.is_ui_read_only},
                    {"isNullable", f.is_nullable},
                    {"isUnique", f.is_unique},
                    {"defaultValue", f.default_value},
                    {"options", options_json(f)},
                    {"settings", f.settings},
                    {"isLabelSyncedWithName", f.is_label_synced_with_name},
                    {"morphRelations", nullptr}};
  add_times(node, model, f.id);
  return node;
}

json::object index_node(const model::workspace_model& model, const model::index_metadata& index) {
  json::array fields;
  for (const auto& f : index.fields) {
    json::object field{{"id", f.id}, {"fieldMetadataId", f.field_id}, {"order", f.order}};
    add_times(field, model, index.id);
    fields.push_back(std::move(field));
  }
  json::object node{{"id", index.id},
                    {"name", index.name},
                    {"isCustom", index.is_custom},
                    {"isUnique", index.is_unique},
                    {"indexWhereClause", text_or_null(index.where_clause)},
                    {"indexType", model::to_string(index.type)},
                    {"indexFieldMetadataList", std::move(fields)}};
  add_times(node, model, index.id);
  return node;
}

json::value relation_node(const model::workspace_model& model, const model::object_metadata& object,
                          const model::field_metadata& field) {
  if (!field.relation || !model::is_relation(field.type)) return nullptr;
  const auto* target = model.find_object_by_id(field.relation->target_object_id);
  if (!target) return nullptr;
  const auto* target_field = target->find_field_by_id(field.relation->target_field_id);
  if (!target_field) return nullptr;
  return json::object{{"type", model::to_string(field.relation->type)},
                      {"sourceObjectMetadata", object_node(model, object)},
                      {"targetObjectMetadata", object_node(model, *target)},
                      {"sourceFieldMetadata", field_node(model, object, field)},
                      {"targetFieldMetadata", field_node(model, *target, *target_field)}};
}

}  // namespace cohort::api::platform
