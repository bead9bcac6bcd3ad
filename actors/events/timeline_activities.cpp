#include "actors/events/timeline_activities.hpp"

#include <boost/json.hpp>

#include "model/stable_id.hpp"

namespace cohort::actors::events {

namespace {

namespace json = boost::json;
using storage::timeline::activity_row;

const json::object* object_property(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  return v && v->is_object() ? &v->as_object() : nullptr;
}

std::string string_property(const json::object* o, std::string_view key) {
  if (!o) return {};
  const json::value* v = o->if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

bool ends_with_id(std::string_view key) {
  return key.size() > 2 && key.substr(key.size() - 2) == "Id";
}

// The (join column, record id) pairs a junction row (noteTarget) points at on the timeline: its
// non-null `<object>Id` columns other than the owner's (noteId), that the timeline has.
std::vector<std::pair<std::string, std::string>> targets_of(const json::object& row,
                                                            const std::string& owner_column,
                                                            const std::set<std::string>& columns) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [key, value] : row) {
    if (!ends_with_id(key) || key == owner_column || key == "workspaceMemberId") continue;
    if (!value.is_string() || !columns.count(std::string(key))) continue;
    out.emplace_back(std::string(key), std::string(value.as_string()));
  }
  return out;
}

bool has_empty_diff(const json::object& properties) {
  const json::object* diff = object_property(properties, "diff");
  return diff && diff->empty();
}

activity_row base_row(const record_event& event, std::string name, std::string properties) {
  activity_row row;
  row.name = std::move(name);
  row.properties = std::move(properties);
  row.workspace_member_id = event.workspace_member_id;
  row.happens_at = event.event_date;
  row.merge = event.action == "updated";
  return row;
}

}  // namespace

std::string activity_kind(const std::string& object_name) {
  if (object_name == "note" || object_name == "noteTarget") return "note";
  if (object_name == "task" || object_name == "taskTarget") return "task";
  return {};
}

bool is_activity_target(const std::string& object_name) {
  return object_name == "noteTarget" || object_name == "taskTarget";
}

std::string linked_activity_id(const record_event& event) {
  const std::string kind = activity_kind(event.object_name);
  if (kind.empty() || !is_activity_target(event.object_name)) return {};
  const json::object* record = object_property(event.properties, "after");
  if (!record) record = object_property(event.properties, "before");
  return string_property(record, kind + "Id");
}

std::vector<activity_row> timeline_rows(const record_event& event,
                                        const timeline_lookups& lookups) {
  std::vector<activity_row> rows;
  if (!lookups.columns || lookups.columns->empty()) return rows;
  const auto& columns = *lookups.columns;
  // The timeline's own rows and the acting member are not subjects of a timeline.
  if (event.object_name == "timelineActivity" || event.object_name == "workspaceMember")
    return rows;
  if (has_empty_diff(event.properties)) return rows;
  const std::string properties = json::serialize(event.properties);
  const std::string kind = activity_kind(event.object_name);
  const std::string own_column = event.object_name + "Id";

  if (is_activity_target(event.object_name)) {
    // Linking a note to a person shows the note on the person's timeline.
    if (!lookups.activity_title) return rows;  // the note is gone
    const json::object* record = object_property(event.properties, "after");
    if (!record) record = object_property(event.properties, "before");
    if (!record) return rows;
    const std::string activity_id = string_property(record, kind + "Id");
    for (auto& [column, id] : targets_of(*record, kind + "Id", columns)) {
      auto row = base_row(event, "linked-" + kind + "." + event.action, "{}");
      row.target_column = column;
      row.target_record_id = id;
      row.linked_record_cached_name = *lookups.activity_title;
      row.linked_record_id = activity_id;
      row.linked_object_metadata_id = model::standard_object_id(kind);
      row.merge = false;
      rows.push_back(std::move(row));
    }
    return rows;
  }

  if (columns.count(own_column)) {
    auto row = base_row(event, event.name, properties);
    row.target_column = own_column;
    row.target_record_id = event.record_id;
    rows.push_back(std::move(row));
  }
  // A note is created before anything targets it: the rows found now were linked later, and
  // their own noteTarget events put the note on those timelines.
  if (!kind.empty() && lookups.junction_rows && event.action != "created") {
    std::string title = string_property(object_property(event.properties, "after"), "title");
    if (title.empty())
      title = string_property(object_property(event.properties, "before"), "title");
    for (const auto& text : *lookups.junction_rows) {
      json::error_code ec;
      auto parsed = json::parse(text, ec);
      if (ec || !parsed.is_object()) continue;
      for (auto& [column, id] : targets_of(parsed.as_object(), kind + "Id", columns)) {
        auto row = base_row(event, "linked-" + kind + "." + event.action, properties);
        row.target_column = column;
        row.target_record_id = id;
        row.linked_record_cached_name = title;
        row.linked_record_id = event.record_id;
        row.linked_object_metadata_id = model::standard_object_id(kind);
        rows.push_back(std::move(row));
      }
    }
  }
  return rows;
}

}  // namespace cohort::actors::events
