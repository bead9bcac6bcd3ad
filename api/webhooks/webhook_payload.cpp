#include "api/webhooks/webhook_payload.hpp"

#include <boost/json.hpp>

#include "api/webhooks/js_json.hpp"

namespace cohort::api::webhooks {

namespace json = boost::json;

std::string event_payload(const webhook_event& event) {
  json::object out;
  out["eventName"] = event.name();
  json::object metadata;
  metadata["id"] = event.object_metadata_id;
  metadata["nameSingular"] = event.object_name;
  out["objectMetadata"] = std::move(metadata);
  out["workspaceId"] = event.workspace_id;
  out["eventDate"] = event.event_date;
  if (event.user_id) out["userId"] = *event.user_id;
  if (event.workspace_member_id) out["workspaceMemberId"] = *event.workspace_member_id;
  if (event.after && !event.after->is_null()) {
    out["record"] = *event.after;
  } else if (event.before && !event.before->is_null()) {
    out["record"] = *event.before;
  } else {
    out["record"] = json::object();
  }
  if (event.updated_fields) {
    json::array fields;
    for (const auto& f : *event.updated_fields) fields.emplace_back(f);
    out["updatedFields"] = std::move(fields);
  }
  return js_json_stringify(out);
}

std::string delivery_body(std::string_view payload, std::string_view target_url,
                          std::string_view webhook_id) {
  boost::system::error_code ec;
  json::value stored = json::parse(payload, ec);
  json::object out;
  out["targetUrl"] = target_url;
  if (ec || !stored.is_object()) {
    out["webhookId"] = webhook_id;
    return js_json_stringify(out);
  }
  for (auto& [key, value] : stored.as_object()) {
    out[key] = std::move(value);
    if (key == "workspaceId") out["webhookId"] = webhook_id;
  }
  if (!out.contains("webhookId")) out["webhookId"] = webhook_id;
  return js_json_stringify(out);
}

}  // namespace cohort::api::webhooks
