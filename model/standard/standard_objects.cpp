#include "model/standard/standard_objects.hpp"

#include <cassert>

#include <boost/json/parse.hpp>
#include <vector>

#include "model/composite_types.hpp"
#include "model/names.hpp"
#include "model/stable_id.hpp"

namespace cohort::model::standard {
namespace {

std::vector<object_def> make_defs() {
  return {
      company_object(),
      person_object(),
      opportunity_object(),
      task_object(),
      task_target_object(),
      note_object(),
      note_target_object(),
      workspace_member_object(),
      timeline_activity_object(),
      attachment_object(),
      favorite_object(),
      favorite_folder_object(),
      blocklist_object(),
      connected_account_object(),
      message_thread_object(),
      message_object(),
      message_channel_object(),
      message_participant_object(),
      message_channel_message_association_object(),
      message_folder_object(),
      calendar_event_object(),
      calendar_channel_object(),
      calendar_channel_event_association_object(),
      calendar_event_participant_object(),
      workflow_object(),
      workflow_version_object(),
      workflow_run_object(),
      workflow_automated_trigger_object(),
      view_object(),
      view_field_object(),
      view_filter_object(),
      view_filter_group_object(),
      view_group_object(),
      view_sort_object(),
  };
}

std::optional<std::string> non_empty(std::string_view s) {
  if (s.empty()) return std::nullopt;
  return std::string(s);
}

field_metadata build_field(const object_def& object, const field_def& def) {
  field_metadata f;
  f.id = standard_field_id(object.name_singular, def.name);
  f.object_id = standard_object_id(object.name_singular);
  f.type = def.type;
  f.name = std::string(def.name);
  f.label = std::string(def.label);
  f.description = non_empty(def.description);
  f.icon = non_empty(def.icon);
  f.is_system = def.system;
  f.is_nullable = def.nullable;
  f.is_unique = def.unique;
  f.default_value = boost::json::parse(def.default_value);
  f.settings = boost::json::parse(def.settings);
  for (const auto& o : def.options) {
    f.options.push_back(select_option{standard_option_id(object.name_singular, def.name, o.value),
                                      std::string(o.value), std::string(o.label),
                                      std::string(o.color), o.position});
  }
  if (def.relation) {
    field_relation r;
    r.type = def.relation->type;
    r.target_object_name = std::string(def.relation->target_object);
    r.target_object_id = standard_object_id(def.relation->target_object);
    r.target_field_name = std::string(def.relation->target_field);
    r.target_field_id = standard_field_id(def.relation->target_object, def.relation->target_field);
    if (r.type == relation_type::many_to_one) {
      r.on_delete = def.relation->on_delete;
      r.join_column_name = join_column_name(def.name);
    }
    f.settings = relation_settings(r);
    f.relation = std::move(r);
  }
  return f;
}

// 16 hex digits of the SHA-1 of `text`.
std::string short_digest(const std::string& text) {
  static constexpr char hex[] = "0123456789abcdef";
  auto digest = sha1(text);
  std::string out;
  for (int i = 0; i < 8; ++i) {
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 15];
  }
  return out;
}

index_metadata make_index(const object_metadata& object, std::string_view suffix,
                          std::vector<const field_metadata*> fields) {
  index_metadata index;
  index.name = "IDX_" + object.name_singular + "_" + std::string(suffix);
  index.id = uuid_v5(standard_id_namespace, "index:" + index.name);
  int order = 0;
  for (const auto* f : fields) {
    index.fields.push_back(
        index_field{uuid_v5(standard_id_namespace, "index-field:" + index.name + "." + f->name),
                    f->id, order++});
  }
  return index;
}

// Twenty indexes every foreign key, each unique field (among live rows) and the search vector.
std::vector<index_metadata> build_indexes(const object_metadata& object, const object_def& def) {
  std::vector<index_metadata> out;
  for (const auto& names : def.unique_indexes) {
    std::vector<const field_metadata*> fields;
    std::string columns;
    for (auto name : names) {
      const field_metadata* f = object.find_field(name);
      assert(f != nullptr && "a unique index names a field of its object");
      fields.push_back(f);
      columns += "," + (f->relation ? f->relation->join_column_name : f->name);
    }
    // Spelled out, the columns overrun PostgreSQL's 63-byte identifiers; a digest stays short
    // and stable, as Twenty's own index names are.
    auto index = make_index(object, "UNIQUE_" + short_digest(object.name_singular + columns),
                            std::move(fields));
    index.is_unique = true;
    index.where_clause = "\"deletedAt\" IS NULL";
    out.push_back(std::move(index));
  }
  for (const auto& f : object.fields) {
    if (f.is_many_to_one()) {
      out.push_back(make_index(object, f.relation->join_column_name, {&f}));
    } else if (f.is_unique) {
      const auto* composite = find_composite_type(f.type);
      const std::string column =
          composite ? composite_column_name(f.name, composite->primary_subfield()->name) : f.name;
      auto index = make_index(object, "UNIQUE_" + column, {&f});
      index.is_unique = true;
      index.where_clause = "\"deletedAt\" IS NULL";
      out.push_back(std::move(index));
    } else if (f.type == field_type::ts_vector) {
      auto index = make_index(object, f.name, {&f});
      index.type = index_type::gin;
      out.push_back(std::move(index));
    }
  }
  return out;
}

}  // namespace

std::span<const object_def> standard_object_defs() {
  static const std::vector<object_def> defs = make_defs();
  return defs;
}

object_metadata build_object(const object_def& def) {
  object_metadata o;
  o.id = standard_object_id(def.name_singular);
  o.name_singular = std::string(def.name_singular);
  o.name_plural = std::string(def.name_plural);
  o.label_singular = std::string(def.label_singular);
  o.label_plural = std::string(def.label_plural);
  o.description = non_empty(def.description);
  o.icon = non_empty(def.icon);
  o.shortcut = non_empty(def.shortcut);
  o.is_system = def.system;
  o.is_searchable = def.searchable;
  for (const auto& group : def.duplicate_criteria) {
    o.duplicate_criteria.emplace_back(group.begin(), group.end());
  }
  for (const auto& f : def.fields) o.fields.push_back(build_field(def, f));
  if (const auto* f = o.find_field(def.label_identifier)) o.label_identifier_field_id = f->id;
  for (const auto& name : def.search_fields) o.search_fields.emplace_back(name);
  if (o.search_fields.empty() && def.label_identifier != "id") {
    o.search_fields.emplace_back(def.label_identifier);
  }
  if (const auto* f = o.find_field(def.image_identifier)) o.image_identifier_field_id = f->id;
  o.indexes = build_indexes(o, def);
  return o;
}

const std::shared_ptr<const std::vector<object_metadata>>& shared_standard_objects() {
  static const auto objects = [] {
    std::vector<object_metadata> out;
    for (const auto& def : standard_object_defs()) out.push_back(build_object(def));
    return std::make_shared<const std::vector<object_metadata>>(std::move(out));
  }();
  return objects;
}

std::span<const object_metadata> standard_objects() {
  return *shared_standard_objects();
}

const object_metadata* find_standard_object(std::string_view name_singular) {
  for (const auto& o : standard_objects()) {
    if (o.name_singular == name_singular) return &o;
  }
  return nullptr;
}

}  // namespace cohort::model::standard
