#include "storage/metadata/model_from_rows.hpp"

#include <unordered_map>

#include "model/standard/standard_objects.hpp"
#include "storage/metadata/metadata_codec.hpp"

namespace cohort::storage::metadata {

namespace {

const model::field_metadata* standard_field(const model::field_metadata& field) {
  for (const auto& o : model::standard::standard_objects()) {
    if (o.id != field.object_id) continue;
    return o.find_field_by_id(field.id);
  }
  return nullptr;
}

const model::object_metadata* standard_object(const std::string& id) {
  for (const auto& o : model::standard::standard_objects()) {
    if (o.id == id) return &o;
  }
  return nullptr;
}

model::object_metadata* find_object(std::vector<model::object_metadata>& objects,
                                    const std::string& id) {
  for (auto& o : objects) {
    if (o.id == id) return &o;
  }
  return nullptr;
}

}  // namespace

void resolve_relation_names(std::vector<model::object_metadata>& objects) {
  std::unordered_map<std::string, const model::object_metadata*> by_id;
  for (const auto& o : objects) by_id.emplace(o.id, &o);
  for (auto& o : objects) {
    for (auto& f : o.fields) {
      if (!f.relation) continue;
      auto it = by_id.find(f.relation->target_object_id);
      if (it == by_id.end()) continue;
      f.relation->target_object_name = it->second->name_singular;
      if (const auto* target = it->second->find_field_by_id(f.relation->target_field_id)) {
        f.relation->target_field_name = target->name;
      }
    }
  }
}

std::shared_ptr<model::workspace_model> build_workspace_model(const std::string& workspace_id,
                                                              const workspace_metadata& rows) {
  auto times = std::make_shared<model::metadata_times>();
  times->default_time = rows.created_at;
  if (rows.objects.empty() && rows.fields.empty()) {
    auto out = std::make_shared<model::workspace_model>(workspace_id, rows.schema, rows.version,
                                                        model::standard::shared_standard_objects());
    out->set_times(std::move(times));
    return out;
  }
  std::vector<model::object_metadata> objects(model::standard::standard_objects().begin(),
                                              model::standard::standard_objects().end());
  for (const auto& row : rows.objects) {
    times->by_id[row.id] = {row.created_at, row.updated_at};
    if (auto* existing = find_object(objects, row.id)) {
      apply_object(row.definition, *existing);
      continue;
    }
    model::object_metadata o;
    o.id = row.id;
    o.is_custom = row.is_custom;
    apply_object(row.definition, o);
    objects.push_back(std::move(o));
  }
  for (const auto& row : rows.fields) {
    times->by_id[row.id] = {row.created_at, row.updated_at};
    auto* object = find_object(objects, row.object_id);
    if (!object) continue;  // its object is gone: the row is an orphan nobody serves
    bool found = false;
    for (auto& f : object->fields) {
      if (f.id != row.id) continue;
      apply_field(row.definition, f);
      found = true;
      break;
    }
    if (found) continue;
    model::field_metadata f;
    f.id = row.id;
    f.object_id = row.object_id;
    f.is_custom = row.is_custom;
    apply_field(row.definition, f);
    object->fields.push_back(std::move(f));
  }
  resolve_relation_names(objects);
  auto out = std::make_shared<model::workspace_model>(workspace_id, rows.schema, rows.version,
                                                      std::move(objects));
  out->set_times(std::move(times));
  return out;
}

std::optional<boost::json::object> object_row_definition(const model::object_metadata& object) {
  auto current = encode_object(object);
  const auto* declared = standard_object(object.id);
  if (!declared) return current;
  auto diff = override_of(encode_object(*declared), current);
  if (diff.empty()) return std::nullopt;
  return diff;
}

std::optional<boost::json::object> field_row_definition(const model::field_metadata& field) {
  auto current = encode_field(field);
  const auto* declared = standard_field(field);
  if (!declared) return current;
  auto diff = override_of(encode_field(*declared), current);
  if (diff.empty()) return std::nullopt;
  return diff;
}

}  // namespace cohort::storage::metadata
