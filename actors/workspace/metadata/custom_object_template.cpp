#include "actors/workspace/metadata/custom_object_template.hpp"

#include <boost/json/parse.hpp>

#include "actors/workspace/metadata/plan_support.hpp"
#include "model/names.hpp"

namespace cohort::actors::metadata {

namespace {

using model::field_type;

struct field_spec {
  const char* name;
  field_type type;
  const char* label;
  const char* description;
  const char* icon;  // "" for none
  bool nullable;
  bool system;
  const char* default_json;
};

// In Twenty 1.6.0's order for a new custom object (golden exchanges, object "pet").
const field_spec default_fields[] = {
    {"id", field_type::uuid, "Id", "Id", "Icon123", false, true, R"("uuid")"},
    {"name", field_type::text, "Name", "Name", "IconAbc", false, false, R"("''")"},
    {"createdAt", field_type::date_time, "Creation date", "Creation date", "IconCalendar", false,
     false, R"("now")"},
    {"updatedAt", field_type::date_time, "Last update", "Last time the record was changed",
     "IconCalendarClock", false, false, R"("now")"},
    {"deletedAt", field_type::date_time, "Deleted at", "Deletion date", "IconCalendarClock", true,
     false, "null"},
    {"createdBy", field_type::actor, "Created by", "The creator of the record",
     "IconCreativeCommonsSa", false, false, R"({"name":"''","source":"'MANUAL'"})"},
    {"position", field_type::position, "Position", "Position", "IconHierarchy2", false, true, "0"},
    {"searchVector", field_type::ts_vector, "Search vector", "Field used for full-text search", "",
     true, true, "null"},
};

struct link_spec {
  const char* object;  // the standard object's nameSingular
  const char* field;   // the one-to-many field on the custom object
  const char* label;   // its label
  const char* icon;
  model::on_delete_action on_delete;
};

const link_spec links[] = {
    {"timelineActivity", "timelineActivities", "TimelineActivities", "IconTimelineEvent",
     model::on_delete_action::cascade},
    {"favorite", "favorites", "Favorites", "IconHeart", model::on_delete_action::cascade},
    {"attachment", "attachments", "Attachments", "IconFileImport",
     model::on_delete_action::cascade},
    {"noteTarget", "noteTargets", "NoteTargets", "IconCheckbox", model::on_delete_action::cascade},
    {"taskTarget", "taskTargets", "TaskTargets", "IconCheckbox", model::on_delete_action::cascade},
};

model::field_metadata make_field(const std::string& object_id, const field_spec& spec) {
  model::field_metadata f;
  f.id = random_uuid();
  f.object_id = object_id;
  f.type = spec.type;
  f.name = spec.name;
  f.label = spec.label;
  f.description = std::string(spec.description);
  if (*spec.icon) f.icon = std::string(spec.icon);
  f.is_nullable = spec.nullable;
  f.is_system = spec.system;
  f.default_value = boost::json::parse(spec.default_json);
  return f;
}

}  // namespace

const std::vector<std::string>& linked_standard_objects() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& l : links) out.emplace_back(l.object);
    return out;
  }();
  return names;
}

custom_object make_custom_object(model::object_metadata base,
                                 const std::vector<model::object_metadata>& objects) {
  custom_object out;
  auto& o = base;
  o.id = random_uuid();
  o.is_custom = true;
  o.is_searchable = true;
  o.fields.clear();
  o.indexes.clear();
  for (const auto& spec : default_fields) o.fields.push_back(make_field(o.id, spec));
  // Twenty keeps a custom object's search vector out of the API (the database fills it).
  for (auto& f : o.fields) {
    if (f.type == field_type::ts_vector) f.is_active = false;
  }
  o.label_identifier_field_id = o.find_field("name")->id;
  // Its search vector reads the label identifier, as Twenty's does ("'rex':1").
  o.search_fields = {"name"};
  const std::string label = model::capitalize(o.label_singular);
  for (const auto& link : links) {
    const model::object_metadata* target = nullptr;
    for (const auto& candidate : objects) {
      if (candidate.name_singular == link.object) target = &candidate;
    }
    if (!target) continue;
    model::field_metadata mine;
    mine.id = random_uuid();
    mine.object_id = o.id;
    mine.type = field_type::relation;
    mine.name = link.field;
    mine.label = link.label;
    mine.description = std::string(link.label) + " tied to the " + label;
    mine.icon = std::string(link.icon);
    mine.is_system = true;
    model::field_metadata theirs;
    theirs.id = random_uuid();
    theirs.object_id = target->id;
    theirs.type = field_type::relation;
    theirs.name = o.name_singular;
    theirs.label = label;
    theirs.description = std::string(link.label) + " " + label;
    theirs.icon = o.icon;
    theirs.is_system = true;

    model::field_relation one_to_many;
    one_to_many.type = model::relation_type::one_to_many;
    one_to_many.target_object_id = target->id;
    one_to_many.target_object_name = target->name_singular;
    one_to_many.target_field_id = theirs.id;
    one_to_many.target_field_name = theirs.name;
    mine.settings = model::relation_settings(one_to_many);
    mine.relation = one_to_many;

    model::field_relation many_to_one;
    many_to_one.type = model::relation_type::many_to_one;
    many_to_one.target_object_id = o.id;
    many_to_one.target_object_name = o.name_singular;
    many_to_one.target_field_id = mine.id;
    many_to_one.target_field_name = mine.name;
    many_to_one.on_delete = link.on_delete;
    many_to_one.join_column_name = model::join_column_name(theirs.name);
    theirs.settings = model::relation_settings(many_to_one);
    theirs.relation = many_to_one;

    o.fields.push_back(std::move(mine));
    out.inverse_fields.push_back(std::move(theirs));
  }
  // The search vector is indexed as on standard objects.
  model::index_metadata search;
  search.id = random_uuid();
  // Named after the id, not the name: a renamed object keeps its index, and a new object may
  // take the old name.
  std::string digits;
  for (char c : o.id) {
    if (c != '-') digits += c;
  }
  search.name = "IDX_" + digits + "_searchVector";
  search.type = model::index_type::gin;
  search.fields.push_back({random_uuid(), o.find_field("searchVector")->id, 0});
  o.indexes.push_back(std::move(search));
  out.object = std::move(o);
  return out;
}

}  // namespace cohort::actors::metadata
