#include "actors/workspace/metadata/relation_fields.hpp"

#include <boost/json.hpp>
#include <utility>

#include "actors/workspace/metadata/field_input.hpp"
#include "actors/workspace/metadata/plan_support.hpp"
#include "model/names.hpp"
#include "storage/ddl/alter_ddl.hpp"

namespace cohort::actors::metadata {

namespace {

namespace json = boost::json;
namespace ddl = storage::ddl;
using model::field_type;

std::string morph_id_of(const model::field_metadata& field) {
  if (field.type != field_type::morph_relation || !field.settings.is_object()) return {};
  auto id = input_string(field.settings.as_object(), "morphId");
  return id.value_or("");
}

}  // namespace

std::optional<metadata_error> add_relation(change_plan& plan, const std::string& schema,
                                           model::object_metadata& source,
                                           model::field_metadata& field,
                                           const json::object& payload) {
  auto type = model::relation_type_from_string(input_string(payload, "type").value_or(""));
  if (!type) return invalid_field_input("Relation type is invalid");
  auto* target =
      find_object(plan.objects, input_string(payload, "targetObjectMetadataId").value_or(""));
  if (!target) {
    return internal_metadata_error("Target object metadata does not exist");
  }
  auto target_label = trim(input_string(payload, "targetFieldLabel").value_or(""));
  if (target_label.empty()) return invalid_field_input("Target field label is required");
  auto target_name =
      input_string(payload, "targetFieldName").value_or(model::lodash_camel_case(target_label));
  model::field_metadata inverse;
  inverse.id = random_uuid();
  inverse.object_id = target->id;
  inverse.type = field_type::relation;
  inverse.name = target_name;
  inverse.label = target_label;
  inverse.icon = input_string(payload, "targetFieldIcon");
  inverse.is_custom = true;
  if (target->id == source.id && inverse.name == field.name) {
    return invalid_field_input("Name \"" + inverse.name + "\" is not available");
  }
  if (auto e = check_field_name(*target, inverse.name)) return e;

  auto on_delete = model::on_delete_action::set_null;
  if (field.settings.is_object()) {
    if (auto d = input_string(field.settings.as_object(), "onDelete")) {
      if (auto action = model::on_delete_action_from_string(*d)) on_delete = *action;
    }
  }
  auto link = [](model::field_metadata& from, const model::object_metadata& to_object,
                 const model::field_metadata& to_field, model::relation_type t,
                 model::on_delete_action action) {
    model::field_relation r;
    r.type = t;
    r.target_object_id = to_object.id;
    r.target_object_name = to_object.name_singular;
    r.target_field_id = to_field.id;
    r.target_field_name = to_field.name;
    if (t == model::relation_type::many_to_one) {
      r.on_delete = action;
      r.join_column_name = model::join_column_name(from.name);
    }
    from.settings = model::relation_settings(r);
    from.relation = r;
  };
  const auto other = *type == model::relation_type::many_to_one ? model::relation_type::one_to_many
                                                                : model::relation_type::many_to_one;
  link(field, *target, inverse, *type, on_delete);
  link(inverse, source, field, other, on_delete);
  field.default_value = nullptr;
  field.is_nullable = true;
  inverse.is_nullable = true;
  // The join column needs its name free too ("company" takes "companyId").
  auto& owner = *type == model::relation_type::many_to_one ? source : *target;
  auto& owning = *type == model::relation_type::many_to_one ? field : inverse;
  if (auto e = check_field_name(owner, owning.relation->join_column_name)) return e;
  const auto& referenced = *type == model::relation_type::many_to_one ? *target : source;
  append(plan.ddl,
         ddl::add_field_columns(schema, owner.table_name(), owning, referenced.table_name()));
  plan.fields_to_write.insert(inverse.id);
  target->fields.push_back(std::move(inverse));
  return std::nullopt;
}

std::optional<metadata_error> add_morph_relation(change_plan& plan, const std::string& schema,
                                                 model::object_metadata& source,
                                                 const model::field_metadata& base,
                                                 const json::value& payloads) {
  if (!payloads.is_array() || payloads.as_array().empty()) {
    return invalid_field_input("Morph relation creation payloads are not defined");
  }
  const std::string morph_id = random_uuid();
  const std::string source_id = source.id;
  for (const auto& p : payloads.as_array()) {
    if (!p.is_object()) return invalid_field_input("Morph relation creation payload is invalid");
    const auto& payload = p.as_object();
    auto type = model::relation_type_from_string(input_string(payload, "type").value_or(""));
    const auto* target =
        find_object(plan.objects, input_string(payload, "targetObjectMetadataId").value_or(""));
    if (!type || !target) {
      return invalid_field_input("Morph relation creation payload is invalid");
    }
    model::field_metadata field = base;
    field.id = random_uuid();
    field.type = field_type::morph_relation;
    field.name = base.name + model::capitalize(*type == model::relation_type::many_to_one
                                                   ? target->name_singular
                                                   : target->name_plural);
    auto* owner = find_object(plan.objects, source_id);
    if (auto e = check_field_name(*owner, field.name)) return e;
    if (auto e = add_relation(plan, schema, *owner, field, payload)) return e;
    field.settings.as_object()["morphId"] = morph_id;
    if (plan.entity_id.empty()) plan.entity_id = field.id;
    plan.fields_to_write.insert(field.id);
    owner->fields.push_back(std::move(field));
  }
  return std::nullopt;
}

std::vector<const model::field_metadata*> morph_siblings(const model::object_metadata& object,
                                                         const model::field_metadata& field) {
  const std::string morph_id = morph_id_of(field);
  if (morph_id.empty()) return {&field};
  std::vector<const model::field_metadata*> out;
  for (const auto& f : object.fields) {
    if (morph_id_of(f) == morph_id) out.push_back(&f);
  }
  return out;
}

std::vector<model::field_metadata*> morph_siblings(model::object_metadata& object,
                                                   const model::field_metadata& field) {
  std::vector<model::field_metadata*> out;
  for (const auto* f : morph_siblings(std::as_const(object), field)) {
    out.push_back(&object.fields[static_cast<std::size_t>(f - object.fields.data())]);
  }
  return out;
}

}  // namespace cohort::actors::metadata
