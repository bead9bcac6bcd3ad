#include "api/subscriptions/readable_events.hpp"

#include "model/composite_types.hpp"
#include "storage/query/field_access.hpp"
#include "storage/query/permission_check.hpp"

namespace cohort::api::subscriptions {

namespace {

namespace json = boost::json;

void strip(json::value& record, const std::set<std::string, std::less<>>& hidden) {
  if (!record.is_object()) return;
  auto& o = record.as_object();
  for (const auto& key : hidden) o.erase(key);
}

}  // namespace

bool readable_events::shows(const std::string& object_name) const {
  return !nothing && !hidden_objects.contains(object_name);
}

json::object readable_events::visible(const json::object& event) const {
  const json::value* meta = event.if_contains("objectMetadata");
  const json::value* name =
      meta && meta->is_object() ? meta->as_object().if_contains("nameSingular") : nullptr;
  if (!name || !name->is_string()) return event;
  auto fields = hidden_fields.find(std::string_view(name->as_string()));
  if (fields == hidden_fields.end()) return event;
  json::object out = event;
  json::value* properties = out.if_contains("properties");
  if (!properties || !properties->is_object()) return out;
  auto& props = properties->as_object();
  for (const char* key : {"before", "after", "diff"}) {
    if (json::value* record = props.if_contains(key)) strip(*record, fields->second);
  }
  if (json::value* updated = props.if_contains("updatedFields"); updated && updated->is_array()) {
    json::array kept;
    for (const auto& f : updated->as_array()) {
      if (!f.is_string() || !fields->second.contains(std::string_view(f.as_string())))
        kept.push_back(f);
    }
    *updated = std::move(kept);
  }
  return out;
}

std::shared_ptr<const readable_events> readable_events_of(
    const std::shared_ptr<const model::effective_permissions>& permissions,
    const model::workspace_model* model) {
  if (!permissions || permissions->unrestricted) return nullptr;
  auto out = std::make_shared<readable_events>();
  if (!model) {
    out->nothing = true;
    return out;
  }
  for (const auto& object : model->objects()) {
    if (!storage::query::may_read_object(permissions.get(), object)) {
      out->hidden_objects.insert(object.name_singular);
      continue;
    }
    for (const auto& field : object.fields) {
      if (storage::query::may_read_field(permissions.get(), object, field)) continue;
      auto& hidden = out->hidden_fields[object.name_singular];
      hidden.insert(field.name);
      if (field.is_many_to_one()) hidden.insert(storage::query::join_column(field));
      for (auto& column : model::composite_column_names(field.name, field.type))
        hidden.insert(std::move(column));
    }
  }
  return out;
}

}  // namespace cohort::api::subscriptions
