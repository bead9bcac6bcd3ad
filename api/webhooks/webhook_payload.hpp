// The JSON body of a delivery, built as Twenty builds it (spec §6.3), keys in its order:
// targetUrl, eventName, objectMetadata {id, nameSingular}, workspaceId, webhookId, eventDate,
// userId?, workspaceMemberId?, record, updatedFields?. The event part is made once at fan-out and
// stored with the delivery; the webhook part is added at each attempt.
#pragma once

#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cohort::api::webhooks {

// One record event, as the fan-out sees it.
struct webhook_event {
  std::string event_id;  // stable: the same for every retry and replay
  std::string workspace_id;
  std::string object_name;  // nameSingular
  std::string object_metadata_id;
  std::string action;      // created, updated, deleted, destroyed, restored, upserted
  std::string event_date;  // ISO 8601 UTC
  std::optional<std::string> user_id;
  std::optional<std::string> workspace_member_id;
  std::optional<boost::json::value> before;
  std::optional<boost::json::value> after;
  std::optional<std::vector<std::string>> updated_fields;  // update-like events

  std::string name() const { return object_name + "." + action; }
};

// The stored event part: {"eventName", "objectMetadata", "workspaceId", "eventDate", "userId"?,
// "workspaceMemberId"?, "record", "updatedFields"?}. record = after, else before, else {}.
std::string event_payload(const webhook_event& event);

// The body sent: the stored part with targetUrl first and webhookId after workspaceId. An
// unreadable payload gives a body with the webhook part only.
std::string delivery_body(std::string_view payload, std::string_view target_url,
                          std::string_view webhook_id);

}  // namespace cohort::api::webhooks
