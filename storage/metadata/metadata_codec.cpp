#include "storage/metadata/metadata_codec.hpp"

#include <boost/json.hpp>

namespace cohort::storage::metadata {

namespace json = boost::json;

namespace {

json::value optional_string(const std::optional<std::string>& s) {
  return s ? json::value(*s) : json::value(nullptr);
}

void read(const json::object& o, std::string_view key, std::string& out) {
  if (auto* v = o.if_contains(key); v && v->is_string()) out = std::string(v->as_string());
}

void read(const json::object& o, std::string_view key, std::optional<std::string>& out) {
  auto* v = o.if_contains(key);
  if (!v) return;
  out = v->is_string() ? std::optional<std::string>(std::string(v->as_string())) : std::nullopt;
}

void read(const json::object& o, std::string_view key, bool& out) {
  if (auto* v = o.if_contains(key); v && v->is_bool()) out = v->as_bool();
}

json::object encode_index(const model::index_metadata& index) {
  json::array fields;
  for (const auto& f : index.fields) {
    fields.push_back(
        json::object{{"id", f.id}, {"fieldMetadataId", f.field_id}, {"order", f.order}});
  }
  return {{"id", index.id},
          {"name", index.name},
          {"isUnique", index.is_unique},
          {"isCustom", index.is_custom},
          {"indexType", model::to_string(index.type)},
          {"indexWhereClause", optional_string(index.where_clause)},
          {"fields", std::move(fields)}};
}

model::index_metadata decode_index(const json::object& o) {
  model::index_metadata index;
  read(o, "id", index.id);
  read(o, "name", index.name);
  read(o, "isUnique", index.is_unique);
  read(o, "isCustom", index.is_custom);
  if (auto* t = o.if_contains("indexType"); t && t->is_string() && t->as_string() == "GIN") {
    index.type = model::index_type::gin;
  }
  read(o, "indexWhereClause", index.where_clause);
  if (auto* fields = o.if_contains("fields"); fields && fields->is_array()) {
    for (const auto& f : fields->as_array()) {
      if (!f.is_object()) continue;
      model::index_field field;
      read(f.as_object(), "id", field.id);
      read(f.as_object(), "fieldMetadataId", field.field_id);
      if (auto* order = f.as_object().if_contains("order"); order && order->is_int64()) {
        field.order = static_cast<int>(order->as_int64());
      }
      index.fields.push_back(std::move(field));
    }
  }
  return index;
}

json::value encode_relation(const std::optional<model::field_relation>& relation) {
  if (!relation) return nullptr;
  return json::object{{"type", model::to_string(relation->type)},
                      {"targetObjectId", relation->target_object_id},
                      {"targetObjectName", relation->target_object_name},
                      {"targetFieldId", relation->target_field_id},
                      {"targetFieldName", relation->target_field_name},
                      {"onDelete", model::to_string(relation->on_delete)},
                      {"joinColumnName", relation->join_column_name}};
}

std::optional<model::field_relation> decode_relation(const json::value& v) {
  if (!v.is_object()) return std::nullopt;
  const auto& o = v.as_object();
  model::field_relation r;
  std::string text;
  read(o, "type", text);
  r.type = model::relation_type_from_string(text).value_or(model::relation_type::many_to_one);
  text.clear();
  read(o, "onDelete", text);
  r.on_delete =
      model::on_delete_action_from_string(text).value_or(model::on_delete_action::set_null);
  read(o, "targetObjectId", r.target_object_id);
  read(o, "targetObjectName", r.target_object_name);
  read(o, "targetFieldId", r.target_field_id);
  read(o, "targetFieldName", r.target_field_name);
  read(o, "joinColumnName", r.join_column_name);
  return r;
}

}  // namespace

json::object encode_object(const model::object_metadata& object) {
  json::array criteria;
  for (const auto& group : object.duplicate_criteria) {
    json::array g;
    for (const auto& c : group) g.push_back(json::value(c));
    criteria.push_back(std::move(g));
  }
  json::array indexes;
  for (const auto& index : object.indexes) indexes.push_back(encode_index(index));
  json::array search_fields;
  for (const auto& f : object.search_fields) search_fields.push_back(json::value(f));
  return {{"nameSingular", object.name_singular},
          {"namePlural", object.name_plural},
          {"labelSingular", object.label_singular},
          {"labelPlural", object.label_plural},
          {"description", optional_string(object.description)},
          {"icon", optional_string(object.icon)},
          {"shortcut", optional_string(object.shortcut)},
          {"isCustom", object.is_custom},
          {"isActive", object.is_active},
          {"isSystem", object.is_system},
          {"isRemote", object.is_remote},
          {"isUIReadOnly", object.is_ui_read_only},
          {"isSearchable", object.is_searchable},
          {"isLabelSyncedWithName", object.is_label_synced_with_name},
          {"labelIdentifierFieldMetadataId", optional_string(object.label_identifier_field_id)},
          {"imageIdentifierFieldMetadataId", optional_string(object.image_identifier_field_id)},
          {"duplicateCriteria", std::move(criteria)},
          {"searchFields", std::move(search_fields)},
          {"indexes", std::move(indexes)}};
}

json::object encode_field(const model::field_metadata& field) {
  json::array options;
  for (const auto& o : field.options) {
    options.push_back(json::object{{"id", o.id},
                                   {"value", o.value},
                                   {"label", o.label},
                                   {"color", o.color},
                                   {"position", o.position}});
  }
  return {{"type", model::to_string(field.type)},
          {"name", field.name},
          {"label", field.label},
          {"description", optional_string(field.description)},
          {"icon", optional_string(field.icon)},
          {"isCustom", field.is_custom},
          {"isActive", field.is_active},
          {"isSystem", field.is_system},
          {"isUIReadOnly", field.is_ui_read_only},
          {"isNullable", field.is_nullable},
          {"isUnique", field.is_unique},
          {"isLabelSyncedWithName", field.is_label_synced_with_name},
          {"defaultValue", field.default_value},
          {"options", std::move(options)},
          {"settings", field.settings},
          {"relation", encode_relation(field.relation)}};
}

void apply_object(const json::object& d, model::object_metadata& o) {
  read(d, "nameSingular", o.name_singular);
  read(d, "namePlural", o.name_plural);
  read(d, "labelSingular", o.label_singular);
  read(d, "labelPlural", o.label_plural);
  read(d, "description", o.description);
  read(d, "icon", o.icon);
  read(d, "shortcut", o.shortcut);
  read(d, "isCustom", o.is_custom);
  read(d, "isActive", o.is_active);
  read(d, "isSystem", o.is_system);
  read(d, "isRemote", o.is_remote);
  read(d, "isUIReadOnly", o.is_ui_read_only);
  read(d, "isSearchable", o.is_searchable);
  read(d, "isLabelSyncedWithName", o.is_label_synced_with_name);
  read(d, "labelIdentifierFieldMetadataId", o.label_identifier_field_id);
  read(d, "imageIdentifierFieldMetadataId", o.image_identifier_field_id);
  if (auto* v = d.if_contains("duplicateCriteria"); v && v->is_array()) {
    o.duplicate_criteria.clear();
    for (const auto& group : v->as_array()) {
      if (!group.is_array()) continue;
      std::vector<std::string> g;
      for (const auto& c : group.as_array()) {
        if (c.is_string()) g.emplace_back(c.as_string());
      }
      o.duplicate_criteria.push_back(std::move(g));
    }
  }
  if (auto* v = d.if_contains("searchFields"); v && v->is_array()) {
    o.search_fields.clear();
    for (const auto& f : v->as_array()) {
      if (f.is_string()) o.search_fields.emplace_back(f.as_string());
    }
  }
  if (auto* v = d.if_contains("indexes"); v && v->is_array()) {
    o.indexes.clear();
    for (const auto& index : v->as_array()) {
      if (index.is_object()) o.indexes.push_back(decode_index(index.as_object()));
    }
  }
}

void apply_field(const json::object& d, model::field_metadata& f) {
  if (auto* t = d.if_contains("type"); t && t->is_string()) {
    if (auto type = model::field_type_from_string(t->as_string())) f.type = *type;
  }
  read(d, "name", f.name);
  read(d, "label", f.label);
  read(d, "description", f.description);
  read(d, "icon", f.icon);
  read(d, "isCustom", f.is_custom);
  read(d, "isActive", f.is_active);
  read(d, "isSystem", f.is_system);
  read(d, "isUIReadOnly", f.is_ui_read_only);
  read(d, "isNullable", f.is_nullable);
  read(d, "isUnique", f.is_unique);
  read(d, "isLabelSyncedWithName", f.is_label_synced_with_name);
  if (auto* v = d.if_contains("defaultValue")) f.default_value = *v;
  if (auto* v = d.if_contains("settings")) f.settings = *v;
  if (auto* v = d.if_contains("options"); v && v->is_array()) {
    f.options.clear();
    for (const auto& o : v->as_array()) {
      if (!o.is_object()) continue;
      model::select_option option;
      read(o.as_object(), "id", option.id);
      read(o.as_object(), "value", option.value);
      read(o.as_object(), "label", option.label);
      read(o.as_object(), "color", option.color);
      if (auto* p = o.as_object().if_contains("position"); p && p->is_number()) {
        option.position = static_cast<int>(p->to_number<double>());
      }
      f.options.push_back(std::move(option));
    }
  }
  if (auto* v = d.if_contains("relation")) f.relation = decode_relation(*v);
}

json::object override_of(const json::object& declared, const json::object& current) {
  json::object out;
  for (const auto& [key, value] : current) {
    const auto* before = declared.if_contains(key);
    if (!before || *before != value) out[key] = value;
  }
  return out;
}

}  // namespace cohort::storage::metadata
