// Which timelineActivity rows a record event makes (actors/events/timeline_activities): the
// record's own `<object>.<action>`, the `linked-note.*` / `linked-task.*` rows on the records a
// note or task targets, and the events that make none.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "actors/events/timeline_activities.hpp"
#include "model/stable_id.hpp"

namespace {

namespace json = boost::json;
using cohort::actors::events::record_event;
using cohort::actors::events::timeline_lookups;
using cohort::actors::events::timeline_rows;

const std::set<std::string> columns = {"personId", "companyId",         "noteId",
                                       "taskId",   "workspaceMemberId", "petId"};

record_event event(std::string object, std::string action) {
  record_event e;
  e.outbox_id = 7;
  e.workspace_id = "ws";
  e.object_name = std::move(object);
  e.action = std::move(action);
  e.name = e.object_name + "." + e.action;
  e.record_id = "rec";
  e.workspace_member_id = "member";
  e.event_date = "2026-12-07T10:00:00.000Z";
  return e;
}

timeline_lookups with_columns() {
  timeline_lookups l;
  l.columns = &columns;
  return l;
}

TEST(timeline_rows, a_change_of_a_record_is_one_row_on_it) {
  auto e = event("person", "updated");
  e.properties["diff"] = json::object{{"city", json::object{{"before", "A"}, {"after", "B"}}}};
  auto rows = timeline_rows(e, with_columns());
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].name, "person.updated");
  EXPECT_EQ(rows[0].target_column, "personId");
  EXPECT_EQ(rows[0].target_record_id, "rec");
  EXPECT_EQ(rows[0].workspace_member_id, std::optional<std::string>("member"));
  EXPECT_EQ(rows[0].happens_at, e.event_date);
  EXPECT_TRUE(rows[0].merge);
  EXPECT_EQ(json::parse(rows[0].properties), json::value(e.properties));
  EXPECT_FALSE(rows[0].linked_record_id);
}

TEST(timeline_rows, only_updates_merge) {
  auto created = event("pet", "created");
  created.properties["after"] = json::object{{"name", "Rex"}};
  auto rows = timeline_rows(created, with_columns());
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].target_column, "petId");
  EXPECT_FALSE(rows[0].merge);
}

TEST(timeline_rows, events_that_make_no_row) {
  auto empty_diff = event("person", "updated");
  empty_diff.properties["diff"] = json::object{};
  EXPECT_TRUE(timeline_rows(empty_diff, with_columns()).empty());
  // No join column on the timeline for that object (a view, a favorite, ...).
  EXPECT_TRUE(timeline_rows(event("view", "created"), with_columns()).empty());
  // The acting member's own object is not a timeline subject.
  EXPECT_TRUE(timeline_rows(event("workspaceMember", "updated"), with_columns()).empty());
  // A workspace without a timeline table.
  EXPECT_TRUE(timeline_rows(event("person", "created"), {}).empty());
}

TEST(timeline_rows, a_note_change_shows_on_every_record_it_targets) {
  auto e = event("note", "updated");
  e.record_id = "note-1";
  e.properties["after"] = json::object{{"title", "Call back"}};
  e.properties["diff"] = json::object{{"title", json::object{{"before", "x"}, {"after", "y"}}}};
  std::vector<std::string> targets = {
      R"({"id":"t1","noteId":"note-1","personId":"p1","companyId":null})",
      R"({"id":"t2","noteId":"note-1","personId":null,"companyId":"c1","unknownId":"u"})"};
  auto lookups = with_columns();
  lookups.junction_rows = &targets;
  auto rows = timeline_rows(e, lookups);
  ASSERT_EQ(rows.size(), 3u);  // the note's own, then one per target
  EXPECT_EQ(rows[0].name, "note.updated");
  EXPECT_EQ(rows[0].target_column, "noteId");
  EXPECT_EQ(rows[1].name, "linked-note.updated");
  EXPECT_EQ(rows[1].target_column, "personId");
  EXPECT_EQ(rows[1].target_record_id, "p1");
  EXPECT_EQ(rows[1].linked_record_cached_name, "Call back");
  EXPECT_EQ(rows[1].linked_record_id, std::optional<std::string>("note-1"));
  EXPECT_EQ(rows[1].linked_object_metadata_id,
            std::optional<std::string>(cohort::model::standard_object_id("note")));
  EXPECT_EQ(rows[2].target_column, "companyId");
  EXPECT_EQ(rows[2].target_record_id, "c1");

  // A new note has no targets yet: rows found later belong to the targets' own events.
  auto created = e;
  created.action = "created";
  created.name = "note.created";
  created.properties.erase("diff");
  EXPECT_EQ(timeline_rows(created, lookups).size(), 1u);
}

TEST(timeline_rows, linking_a_task_shows_it_on_the_target) {
  auto e = event("taskTarget", "created");
  e.properties["after"] = json::object{{"id", "t1"}, {"taskId", "task-1"}, {"companyId", "c1"}};
  EXPECT_EQ(cohort::actors::events::linked_activity_id(e), "task-1");
  const std::string title = "Send the quote";
  auto lookups = with_columns();
  lookups.activity_title = &title;
  auto rows = timeline_rows(e, lookups);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].name, "linked-task.created");
  EXPECT_EQ(rows[0].target_column, "companyId");
  EXPECT_EQ(rows[0].target_record_id, "c1");
  EXPECT_EQ(rows[0].linked_record_cached_name, title);
  EXPECT_EQ(rows[0].linked_record_id, std::optional<std::string>("task-1"));
  EXPECT_EQ(rows[0].properties, "{}");
  // The task is gone: nothing to show.
  EXPECT_TRUE(timeline_rows(e, with_columns()).empty());
}

}  // namespace
