// The SQL behind timeline activities: what a workspace's timelineActivity table can point at (its
// target join columns), the targets of notes and tasks (noteTarget / taskTarget rows), their
// titles, and the write itself — each record event's rows written once (core.timeline_applied),
// with an update merged into the same member's recent activity of the same record, as Twenty does.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "storage/core/core_rows.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::storage::timeline {

// One timelineActivity row to write, or to merge into a recent one.
struct activity_row {
  std::string target_column;     // the join column: "personId", "petId", ...
  std::string target_record_id;  // its value
  std::string name;              // "person.updated", "linked-note.created"
  std::string properties;        // JSON text
  std::optional<std::string> workspace_member_id;
  std::string happens_at;  // ISO 8601: when the change committed
  std::string linked_record_cached_name;
  std::optional<std::string> linked_record_id;
  std::optional<std::string> linked_object_metadata_id;
  // Merged into the newest activity with the same name, target, member and linked record that
  // happened at most 10 minutes earlier, when there is one (diffs merged).
  bool merge = false;
};

// The rows of one record event: written together, at most once.
struct event_activities {
  std::string workspace_id;
  std::int64_t outbox_id = 0;
  std::vector<activity_row> rows;
};

template <typename T>
using callback = std::function<void(core::db_result<T>)>;

// The columns of each workspace's timelineActivity table, by workspace id (workspaces without one
// are left out).
void timeline_columns(pg::pool& pool, std::vector<std::string> workspace_ids,
                      callback<std::map<std::string, std::set<std::string>>> done);

// The live rows of `junction` ("noteTarget") whose `owner_column` ("noteId") is one of `owner_ids`,
// each as (owner id, the row as a JSON object text).
void junction_rows(pg::pool& pool, const std::string& workspace_id, const std::string& junction,
                   const std::string& owner_column, std::vector<std::string> owner_ids,
                   callback<std::vector<std::pair<std::string, std::string>>> done);

// The titles of records of `object` ("note", "task") by id.
void record_titles(pg::pool& pool, const std::string& workspace_id, const std::string& object,
                   std::vector<std::string> ids, callback<std::map<std::string, std::string>> done);

// Writes the rows of every event not written before, in one transaction; answers how many events
// were written now (a replayed event counts 0).
void write_activities(pg::pool& pool, const std::vector<event_activities>& events,
                      callback<int> done);

// Forgets applied events older than `days` (replays only repeat recent batches).
void prune_applied(pg::pool& pool, int days, callback<long> done);

}  // namespace cohort::storage::timeline
