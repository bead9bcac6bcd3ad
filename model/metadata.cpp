#include <boost/json/object.hpp>

#include "model/field_metadata.hpp"
#include "model/index_metadata.hpp"
#include "model/object_metadata.hpp"

namespace cohort::model {

std::string_view to_string(relation_type type) {
  return type == relation_type::many_to_one ? "MANY_TO_ONE" : "ONE_TO_MANY";
}

std::string_view to_string(on_delete_action action) {
  switch (action) {
    case on_delete_action::cascade:
      return "CASCADE";
    case on_delete_action::set_null:
      return "SET_NULL";
    case on_delete_action::restrict:
      return "RESTRICT";
    case on_delete_action::no_action:
      return "NO_ACTION";
  }
  return "SET_NULL";
}

std::optional<relation_type> relation_type_from_string(std::string_view name) {
  if (name == "MANY_TO_ONE") return relation_type::many_to_one;
  if (name == "ONE_TO_MANY") return relation_type::one_to_many;
  return std::nullopt;
}

std::optional<on_delete_action> on_delete_action_from_string(std::string_view name) {
  for (auto a : {on_delete_action::cascade, on_delete_action::set_null, on_delete_action::restrict,
                 on_delete_action::no_action}) {
    if (to_string(a) == name) return a;
  }
  return std::nullopt;
}

std::string_view to_string(index_type type) {
  return type == index_type::gin ? "GIN" : "BTREE";
}

bool field_metadata::is_many_to_one() const {
  return relation && relation->type == relation_type::many_to_one;
}

bool field_metadata::is_one_to_many() const {
  return relation && relation->type == relation_type::one_to_many;
}

std::string_view field_metadata::number_data_type() const {
  if (const auto* obj = settings.if_object()) {
    if (const auto* v = obj->if_contains("dataType")) {
      if (const auto* s = v->if_string()) return std::string_view(s->data(), s->size());
    }
  }
  return "float";
}

const select_option* field_metadata::find_option(std::string_view value) const {
  for (const auto& o : options) {
    if (o.value == value) return &o;
  }
  return nullptr;
}

bool field_metadata::is_required_on_create() const {
  return !is_nullable && default_value.is_null() && !relation && name != "id";
}

boost::json::value relation_settings(const field_relation& relation) {
  boost::json::object s;
  s["relationType"] = to_string(relation.type);
  if (relation.type == relation_type::many_to_one) {
    s["onDelete"] = to_string(relation.on_delete);
    s["joinColumnName"] = relation.join_column_name;
  }
  return s;
}

const field_metadata* object_metadata::find_field(std::string_view name) const {
  for (const auto& f : fields) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

const field_metadata* object_metadata::find_field_by_id(std::string_view field_id) const {
  for (const auto& f : fields) {
    if (f.id == field_id) return &f;
  }
  return nullptr;
}

const field_metadata* object_metadata::label_identifier_field() const {
  return label_identifier_field_id ? find_field_by_id(*label_identifier_field_id) : nullptr;
}

const field_metadata* object_metadata::image_identifier_field() const {
  return image_identifier_field_id ? find_field_by_id(*image_identifier_field_id) : nullptr;
}

std::string object_metadata::table_name() const {
  return is_custom ? "_" + name_singular : name_singular;
}

}  // namespace cohort::model
