#include "api/webhooks/webhook_json.hpp"

#include <boost/json/array.hpp>

namespace cohort::api::webhooks {

namespace json = boost::json;

namespace {

json::value nullable(const std::optional<std::string>& v) {
  return v ? json::value(json::string(*v)) : json::value(nullptr);
}

}  // namespace

json::object webhook_json(const storage::webhooks::webhook_row& row) {
  json::object out;
  out["id"] = row.id;
  out["targetUrl"] = row.target_url;
  json::array operations;
  for (const auto& op : row.operations) operations.emplace_back(op);
  out["operations"] = std::move(operations);
  out["description"] = nullable(row.description);
  out["secret"] = row.secret;
  out["workspaceId"] = row.workspace_id;
  out["applicationId"] = nullable(row.application_id);
  out["createdAt"] = row.created_at;
  out["updatedAt"] = row.updated_at;
  out["deletedAt"] = nullable(row.deleted_at);
  return out;
}

json::object delivery_json(const storage::webhooks::delivery_log_row& row) {
  json::object out;
  out["id"] = row.id;
  out["eventId"] = row.event_id;
  out["eventName"] = row.event_name;
  out["status"] = row.status;
  out["attempts"] = row.attempts;
  out["lastStatusCode"] =
      row.last_status_code ? json::value(*row.last_status_code) : json::value(nullptr);
  out["lastError"] = nullable(row.last_error);
  out["nextAttemptAt"] = nullable(row.next_attempt_at);
  out["createdAt"] = row.created_at;
  out["updatedAt"] = row.updated_at;
  out["deliveredAt"] = nullable(row.delivered_at);
  return out;
}

}  // namespace cohort::api::webhooks
