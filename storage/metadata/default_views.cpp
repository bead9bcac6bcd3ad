#include "storage/metadata/default_views.hpp"

#include <boost/uuid/random_generator.hpp>
#include <boost/uuid/uuid_io.hpp>

#include "model/field_type.hpp"
#include "storage/metadata/view_repository.hpp"

namespace cohort::storage::metadata {

namespace {

std::string new_id() {
  thread_local boost::uuids::random_generator generate;
  return boost::uuids::to_string(generate());
}

}  // namespace

std::vector<pg::statement> index_view_statements(const std::string& workspace_id,
                                                 const model::object_metadata& object) {
  std::vector<pg::statement> out;
  const std::string view_id = new_id();
  auto view = default_view_data(view_kind::view);
  view["name"] = "All " + object.label_plural;
  view["key"] = "INDEX";
  view["icon"] = object.icon.value_or("IconList");
  out.push_back(
      insert_view_entity_statement({workspace_id, view_kind::view, view_id}, object.id, view));
  int position = 0;
  for (const auto& f : object.fields) {
    if (f.is_system || !f.is_active || model::is_relation(f.type) || f.name == "deletedAt") {
      continue;
    }
    auto field = default_view_data(view_kind::view_field);
    field["fieldMetadataId"] = f.id;
    field["position"] = position++;
    field["size"] = f.name == "name" ? 180 : 150;
    out.push_back(insert_view_entity_statement({workspace_id, view_kind::view_field, new_id()},
                                               view_id, field));
  }
  return out;
}

std::vector<pg::statement> kanban_view_statements(const std::string& workspace_id,
                                                  const model::object_metadata& object,
                                                  const std::string& group_by,
                                                  const std::string& name) {
  std::vector<pg::statement> out;
  const auto* field = object.find_field(group_by);
  if (field == nullptr || field->type != model::field_type::select) return out;
  const std::string view_id = new_id();
  auto view = default_view_data(view_kind::view);
  view["name"] = name;
  view["type"] = "KANBAN";
  view["icon"] = "IconLayoutKanban";
  view["position"] = 1;
  out.push_back(
      insert_view_entity_statement({workspace_id, view_kind::view, view_id}, object.id, view));
  int position = 0;
  for (const auto& option : field->options) {
    auto group = default_view_data(view_kind::view_group);
    group["fieldMetadataId"] = field->id;
    group["fieldValue"] = option.value;
    group["position"] = position++;
    out.push_back(insert_view_entity_statement({workspace_id, view_kind::view_group, new_id()},
                                               view_id, group));
  }
  return out;
}

std::vector<pg::statement> workspace_default_views(
    const std::string& workspace_id, const std::vector<model::object_metadata>& objects) {
  std::vector<pg::statement> out;
  for (const auto& object : objects) {
    if (object.is_system || !object.is_active) continue;
    for (auto& s : index_view_statements(workspace_id, object)) out.push_back(std::move(s));
    if (object.name_singular == "opportunity") {
      for (auto& s : kanban_view_statements(workspace_id, object, "stage", "By Stage")) {
        out.push_back(std::move(s));
      }
    }
  }
  return out;
}

}  // namespace cohort::storage::metadata
