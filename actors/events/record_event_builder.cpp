#include "actors/events/record_event_builder.hpp"

#include <boost/json.hpp>

namespace cohort::actors::events {

namespace {

namespace json = boost::json;

bool ignored_in_diff(std::string_view field) {
  return field == "updatedAt" || field == "searchVector";
}

std::optional<json::value> parse(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  json::error_code ec;
  auto value = json::parse(*text, ec);
  if (ec) return std::nullopt;
  return value;
}

}  // namespace

json::object record_diff(const json::object& before, const json::object& after) {
  json::object diff;
  static const json::value null_value;
  for (const auto& [key, value] : after) {
    if (ignored_in_diff(key)) continue;
    auto* old = before.if_contains(key);
    const json::value& old_value = old ? *old : null_value;
    if (old_value == value) continue;
    diff[key] = json::object{{"before", old_value}, {"after", value}};
  }
  for (const auto& [key, value] : before) {
    if (ignored_in_diff(key) || after.contains(key) || value.is_null()) continue;
    diff[key] = json::object{{"before", value}, {"after", nullptr}};
  }
  return diff;
}

record_event build_record_event(const storage::events::outbox_row& row) {
  record_event e;
  e.outbox_id = row.id;
  e.txid = row.txid;
  e.name = row.object_name + "." + row.action;
  e.workspace_id = row.workspace_id;
  e.object_name = row.object_name;
  e.action = row.action;
  e.record_id = row.record_id;
  e.event_date = row.created_at;
  auto before = parse(row.before);
  auto after = parse(row.after);
  if (before && before->is_null()) before.reset();
  if (after && after->is_null()) after.reset();
  if (before) e.properties["before"] = *before;
  if (after) e.properties["after"] = *after;
  bool change_of_existing = row.action == "updated" || row.action == "upserted";
  if (change_of_existing && before && after && before->is_object() && after->is_object()) {
    auto fields = parse(row.updated_fields);
    if (fields && fields->is_array()) {
      e.properties["updatedFields"] = *fields;
    } else {
      json::array changed;
      for (const auto& [key, v] : record_diff(before->as_object(), after->as_object()))
        changed.emplace_back(key);
      e.properties["updatedFields"] = std::move(changed);
    }
    e.properties["diff"] = record_diff(before->as_object(), after->as_object());
  }
  if (auto actor = parse(row.actor)) {
    e.actor = *actor;
    if (actor->is_object()) {
      if (auto* member = actor->as_object().if_contains("workspaceMemberId");
          member && member->is_string())
        e.workspace_member_id = std::string(member->as_string());
    }
  }
  return e;
}

json::object record_event::object_record_event() const {
  json::object out;
  out["recordId"] = record_id;
  if (workspace_member_id) out["workspaceMemberId"] = *workspace_member_id;
  out["properties"] = properties;
  return out;
}

json::object record_event::to_json() const {
  json::object out;
  out["name"] = name;
  out["eventId"] = std::to_string(outbox_id);
  out["workspaceId"] = workspace_id;
  out["objectMetadata"] = json::object{{"nameSingular", object_name}};
  out["action"] = action;
  out["eventDate"] = event_date;
  out["recordId"] = record_id;
  if (workspace_member_id) out["workspaceMemberId"] = *workspace_member_id;
  out["properties"] = properties;
  return out;
}

}  // namespace cohort::actors::events
