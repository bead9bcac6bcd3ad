// A record event as consumers receive it: one committed core.outbox row in Twenty's shape
// (`<object>.<action>`, workspace, record id, properties {before, after, diff, updatedFields},
// the acting workspace member). Built by the outbox relay; plain data, cheap to share.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace cohort::actors::events {

struct record_event {
  std::int64_t outbox_id = 0;  // unique and never reused: a stable event id for receivers
  std::string txid;            // with outbox_id, the event's place in the relay's order
  std::string name;            // "person.updated"
  std::string workspace_id;
  std::string object_name;  // nameSingular
  std::string action;       // created, updated, deleted, destroyed, restored, upserted
  std::string record_id;
  // {before?, after?, updatedFields?, diff?} as Twenty's ObjectRecordEvent.properties.
  boost::json::object properties;
  boost::json::value actor;  // {source, workspaceMemberId, name, apiKeyId?} as written, or null
  std::optional<std::string> workspace_member_id;
  std::string event_date;  // commit-side creation time, ISO 8601 with milliseconds (UTC)

  // Twenty's ObjectRecordEvent: {recordId, workspaceMemberId?, properties}.
  boost::json::object object_record_event() const;
  // The whole event as one JSON object (name, workspaceId, objectMetadata {nameSingular},
  // eventId, eventDate and the ObjectRecordEvent fields), e.g. for the event bus.
  boost::json::object to_json() const;
};

}  // namespace cohort::actors::events
