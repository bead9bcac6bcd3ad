// Which timelineActivity rows one record event makes (pure: the consumer looks up what it needs
// first). Twenty's rules: a row named after the event on the record itself when the timeline can
// point at its object; for a note or task, `linked-<note|task>.<action>` rows on each record it
// targets; for a noteTarget / taskTarget, a `linked-...` row on the targeted record. An update
// whose diff is empty makes no row.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "actors/events/record_event.hpp"
#include "storage/timeline/timeline_repository.hpp"

namespace cohort::actors::events {

// What the rows of one event depend on besides the event.
struct timeline_lookups {
  const std::set<std::string>* columns = nullptr;  // of the workspace's timelineActivity table
  // For a note/task event: its noteTarget/taskTarget rows as JSON object texts.
  const std::vector<std::string>* junction_rows = nullptr;
  // For a noteTarget/taskTarget event: the title of its note/task, when it still exists.
  const std::string* activity_title = nullptr;
};

// "note" for note and noteTarget events, "task" for task and taskTarget events, else "".
std::string activity_kind(const std::string& object_name);
bool is_activity_target(const std::string& object_name);  // noteTarget, taskTarget

// The id of the note/task a noteTarget/taskTarget event links, or "".
std::string linked_activity_id(const record_event& event);

std::vector<storage::timeline::activity_row> timeline_rows(const record_event& event,
                                                           const timeline_lookups& lookups);

}  // namespace cohort::actors::events
