// Timeline activities as a user sees them: changes made through /graphql show up in
// `timelineActivities` of the record (created, updated with its diff, deleted), updates by the same
// member within 10 minutes are merged, a note linked to a person shows on the person's timeline,
// and a batch of events handed to the consumer twice (at-least-once delivery) writes nothing twice.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <future>
#include <thread>

#include "actors/events/timeline_consumer.hpp"
#include "integration/tokens/two_workspaces.hpp"

namespace {

namespace json = boost::json;
using cohort::testing::two_workspaces;

two_workspaces& env() {
  static auto* instance = new two_workspaces("timeline");
  return *instance;
}

using cohort::testing::text_at;

// The record's timeline through /graphql, oldest first, as the UI reads it.
json::array timeline_of(const std::string& column, const std::string& id,
                        const std::string& token) {
  auto v = env().graphql("query { timelineActivities(filter: { " + column + ": { eq: \"" + id +
                             "\" } }, orderBy: [{ happensAt: AscNullsFirst }]) { edges { node { "
                             "id name properties workspaceMemberId happensAt "
                             "linkedRecordCachedName linkedRecordId linkedObjectMetadataId } } } }",
                         {}, token);
  json::array out;
  boost::system::error_code ec;
  const auto* edges = v.find_pointer("/data/timelineActivities/edges", ec);
  if (!edges || !edges->is_array()) {
    ADD_FAILURE() << json::serialize(v);
    return out;
  }
  for (const auto& e : edges->as_array()) out.push_back(e.at("node"));
  return out;
}

// Waits (the consumer runs behind the writes) until the timeline has `names`, in order.
json::array wait_for_names(const std::string& column, const std::string& id,
                           const std::vector<std::string>& names, const std::string& token) {
  json::array last;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
  while (std::chrono::steady_clock::now() < deadline) {
    last = timeline_of(column, id, token);
    std::vector<std::string> got;
    for (const auto& a : last) got.emplace_back(a.at("name").as_string());
    if (got == names) return last;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  std::string got;
  for (const auto& a : last) got += std::string(a.at("name").as_string()) + " ";
  ADD_FAILURE() << "timeline of " << id << " never became the expected names; last: " << got;
  return last;
}

// Waits until the timeline consumer has passed every committed event.
void wait_for_consumer() {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
  while (std::chrono::steady_clock::now() < deadline) {
    auto behind = env().sql(
        "SELECT count(*) FROM core.outbox o, core.event_consumer c WHERE c.name = 'timeline' "
        "AND (o.txid, o.id) > (c.position_txid, c.position)");
    if (behind == "0") return;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ADD_FAILURE() << "the timeline consumer did not catch up";
}

std::string member_of(const cohort::testing::test_workspace& ws) {
  return env().sql("SELECT id FROM " + std::string("\"") + ws.schema +
                   "\".\"workspaceMember\" ORDER BY \"createdAt\" LIMIT 1");
}

std::string create_person(const std::string& first, const std::string& token) {
  auto created = env().graphql(
      R"(mutation($f: String) { createPerson(data: { name: { firstName: $f, lastName: "T" },
          city: "Paris" }) { id } })",
      {{"f", first}}, token);
  return text_at(created, "/data/createPerson/id");
}

void update_city(const std::string& id, const std::string& city, const std::string& token) {
  auto v = env().graphql(R"(mutation($id: UUID!, $c: String) {
      updatePerson(id: $id, data: { city: $c }) { id } })",
                         {{"id", id}, {"c", city}}, token);
  EXPECT_EQ(text_at(v, "/data/updatePerson/id"), id);
}

TEST(timeline, create_update_delete_of_a_person_show_on_its_timeline) {
  auto& e = env();
  auto id = create_person("Tim", e.a.access);
  update_city(id, "Lyon", e.a.access);
  auto deleted =
      e.graphql("mutation($id: UUID!) { deletePerson(id: $id) { id } }", {{"id", id}}, e.a.access);
  EXPECT_EQ(text_at(deleted, "/data/deletePerson/id"), id);

  auto timeline = wait_for_names(
      "personId", id, {"person.created", "person.updated", "person.deleted"}, e.a.access);
  ASSERT_EQ(timeline.size(), 3u);
  const std::string member = member_of(e.a);
  for (const auto& a : timeline) {
    EXPECT_EQ(a.at("workspaceMemberId"), json::value(member)) << json::serialize(a);
    EXPECT_EQ(a.at("linkedRecordId"), json::value(nullptr));
  }
  // created: the record after; updated: before, after, updatedFields and the diff.
  const auto& created = timeline[0].at("properties").as_object();
  EXPECT_EQ(created.at("after").at("city"), json::value("Paris")) << json::serialize(created);
  const auto& updated = timeline[1].at("properties").as_object();
  EXPECT_EQ(updated.at("diff").at("city"), (json::value{{"before", "Paris"}, {"after", "Lyon"}}))
      << json::serialize(updated);
  EXPECT_EQ(updated.at("before").at("city"), json::value("Paris"));
  EXPECT_EQ(updated.at("after").at("city"), json::value("Lyon"));
  const auto& gone = timeline[2].at("properties").as_object();
  EXPECT_TRUE(gone.contains("before")) << json::serialize(gone);
}

TEST(timeline, updates_by_the_same_member_within_ten_minutes_are_merged) {
  auto& e = env();
  auto id = create_person("Merge", e.a.access);
  update_city(id, "Lyon", e.a.access);
  update_city(id, "Nice", e.a.access);
  auto v = e.graphql(R"(mutation($id: UUID!) {
      updatePerson(id: $id, data: { jobTitle: "CTO" }) { id } })",
                     {{"id", id}}, e.a.access);
  EXPECT_EQ(text_at(v, "/data/updatePerson/id"), id);
  wait_for_consumer();
  auto timeline = wait_for_names("personId", id, {"person.created", "person.updated"}, e.a.access);
  ASSERT_EQ(timeline.size(), 2u);
  // One activity: the oldest before and newest after of each field, every field changed.
  const auto& diff = timeline[1].at("properties").at("diff");
  EXPECT_EQ(diff.at("city"), (json::value{{"before", "Paris"}, {"after", "Nice"}}))
      << json::serialize(diff);
  EXPECT_EQ(diff.at("jobTitle"), (json::value{{"before", ""}, {"after", "CTO"}}))
      << json::serialize(diff);

  // An activity older than 10 minutes is left alone: the next update starts a new one.
  e.sql(
      "UPDATE {a}.\"timelineActivity\" SET \"happensAt\" = \"happensAt\" - interval '11 "
      "minutes' WHERE \"personId\" = '" +
      id + "'");
  update_city(id, "Nantes", e.a.access);
  timeline = wait_for_names("personId", id, {"person.created", "person.updated", "person.updated"},
                            e.a.access);
  ASSERT_EQ(timeline.size(), 3u);
  EXPECT_EQ(timeline[2].at("properties").at("diff").at("city"),
            (json::value{{"before", "Nice"}, {"after", "Nantes"}}));
}

TEST(timeline, a_note_linked_to_a_person_shows_on_the_persons_timeline) {
  auto& e = env();
  auto person = create_person("Noted", e.a.access);
  auto note =
      e.graphql(R"(mutation { createNote(data: { title: "Call back" }) { id } })", {}, e.a.access);
  auto note_id = text_at(note, "/data/createNote/id");
  auto target = e.graphql(R"(mutation($n: ID, $p: ID) {
      createNoteTarget(data: { noteId: $n, personId: $p }) { id } })",
                          {{"n", note_id}, {"p", person}}, e.a.access);
  text_at(target, "/data/createNoteTarget/id");
  auto timeline =
      wait_for_names("personId", person, {"person.created", "linked-note.created"}, e.a.access);
  ASSERT_EQ(timeline.size(), 2u);
  const auto& linked = timeline[1];
  EXPECT_EQ(linked.at("linkedRecordCachedName"), json::value("Call back"));
  EXPECT_EQ(linked.at("linkedRecordId"), json::value(note_id));
  EXPECT_FALSE(linked.at("linkedObjectMetadataId").is_null());

  // Renaming the note: `linked-note.updated` on the person, with the note's diff.
  auto renamed = e.graphql(R"(mutation($n: UUID!) {
      updateNote(id: $n, data: { title: "Call back Monday" }) { id } })",
                           {{"n", note_id}}, e.a.access);
  text_at(renamed, "/data/updateNote/id");
  timeline =
      wait_for_names("personId", person,
                     {"person.created", "linked-note.created", "linked-note.updated"}, e.a.access);
  ASSERT_EQ(timeline.size(), 3u);
  EXPECT_EQ(timeline[2].at("linkedRecordCachedName"), json::value("Call back Monday"));
  EXPECT_EQ(timeline[2].at("properties").at("diff").at("title"),
            (json::value{{"before", "Call back"}, {"after", "Call back Monday"}}));
  // The note has its own timeline too.
  wait_for_names("noteId", note_id, {"note.created", "note.updated"}, e.a.access);
}

TEST(timeline, a_replayed_batch_writes_nothing_twice) {
  auto& e = env();
  auto id = create_person("Replay", e.a.access);
  wait_for_names("personId", id, {"person.created"}, e.a.access);
  auto count = [&] {
    return e.sql("SELECT count(*) FROM {a}.\"timelineActivity\" WHERE \"personId\" = '" + id + "'");
  };
  // The same committed events handed over again, as the relay does after a crash: a brand-new
  // update event (an outbox id never used) twice, then the relay's own created event again.
  namespace ev = cohort::actors::events;
  std::vector<ev::record_event> batch(2);
  auto& created = batch[0];
  created.outbox_id = std::stoll(
      e.sql("SELECT id FROM core.outbox WHERE record_id = '" + id + "' AND action = 'created'"));
  created.workspace_id = e.a.id;
  created.object_name = "person";
  created.action = "created";
  created.name = "person.created";
  created.record_id = id;
  created.workspace_member_id = member_of(e.a);
  created.event_date = "2026-01-01T00:00:00.000Z";
  created.properties["after"] = json::object{{"city", "Paris"}};
  auto& updated = batch[1];
  updated = created;
  updated.outbox_id = 9'000'000'000'000 +
                      std::chrono::steady_clock::now().time_since_epoch().count() % 1'000'000'000;
  updated.action = "updated";
  updated.name = "person.updated";
  updated.properties["diff"] =
      json::object{{"city", json::object{{"before", "Paris"}, {"after", "Rome"}}}};

  cohort::storage::pg::pool_options options;
  options.conninfo = e.server_env().at("PG_DATABASE_URL");
  auto pool = cohort::storage::pg::pool::create(options);
  auto consumer = ev::make_timeline_consumer(pool);
  auto hand_over = [&] {
    std::promise<bool> ok;
    consumer->on_events(batch, [&](bool r) { ok.set_value(r); });
    return ok.get_future().get();
  };
  EXPECT_EQ(count(), "1");
  EXPECT_TRUE(hand_over());
  EXPECT_EQ(count(), "2");  // the new update; the created event was written already
  EXPECT_TRUE(hand_over());
  EXPECT_EQ(count(), "2");  // nothing twice
}

}  // namespace

namespace {

// A custom object gets its own join column on timelineActivity: its records have a timeline too.
TEST(timeline, records_of_a_custom_object_have_a_timeline) {
  auto& e = env();
  auto object = e.graphql(R"(mutation { createOneObject(input: { object: { nameSingular: "pet",
      namePlural: "pets", labelSingular: "Pet", labelPlural: "Pets" } }) { id } })",
                          {}, e.a.access, "/metadata");
  text_at(object, "/data/createOneObject/id");
  auto pet = e.graphql(R"(mutation { createPet(data: { name: "Rex" }) { id } })", {}, e.a.access);
  auto id = text_at(pet, "/data/createPet/id");
  auto renamed = e.graphql(R"(mutation($id: UUID!) { updatePet(id: $id, data: { name: "Max" }) {
      id } })",
                           {{"id", id}}, e.a.access);
  text_at(renamed, "/data/updatePet/id");
  auto timeline = wait_for_names("petId", id, {"pet.created", "pet.updated"}, e.a.access);
  ASSERT_EQ(timeline.size(), 2u);
  EXPECT_EQ(timeline[1].at("properties").at("diff").at("name"),
            (json::value{{"before", "Rex"}, {"after", "Max"}}));
}

}  // namespace

namespace {

// An event whose activity can never be written (its record destroyed before the consumer got to
// it) is skipped; the rest of its batch is written and the consumer goes on.
TEST(timeline, an_event_of_a_record_already_destroyed_does_not_stop_the_timeline) {
  auto& e = env();
  auto id = create_person("Kept", e.a.access);
  wait_for_names("personId", id, {"person.created"}, e.a.access);
  namespace ev = cohort::actors::events;
  auto base = 8'000'000'000'000 +
              std::chrono::steady_clock::now().time_since_epoch().count() % 1'000'000'000;
  std::vector<ev::record_event> batch(2);
  for (std::size_t i = 0; i < batch.size(); ++i) {
    auto& event = batch[i];
    event.outbox_id = base + static_cast<std::int64_t>(i);
    event.workspace_id = e.a.id;
    event.object_name = "person";
    event.action = "updated";
    event.name = "person.updated";
    event.workspace_member_id = member_of(e.a);
    event.event_date = "2026-01-01T00:00:00.000Z";
    event.properties["diff"] =
        json::object{{"city", json::object{{"before", "A"}, {"after", "B"}}}};
  }
  batch[0].record_id = "00000000-0000-4000-8000-000000000001";  // no such person (destroyed)
  batch[1].record_id = id;

  cohort::storage::pg::pool_options options;
  options.conninfo = e.server_env().at("PG_DATABASE_URL");
  auto pool = cohort::storage::pg::pool::create(options);
  auto consumer = ev::make_timeline_consumer(pool);
  std::promise<bool> ok;
  consumer->on_events(batch, [&](bool r) { ok.set_value(r); });
  EXPECT_TRUE(ok.get_future().get());
  EXPECT_EQ(e.sql("SELECT count(*) FROM {a}.\"timelineActivity\" WHERE \"personId\" = '" + id +
                  "' AND name = 'person.updated'"),
            "1");
}

}  // namespace

namespace {

// Tasks work as notes do: linking one to a company shows it on the company's timeline.
TEST(timeline, a_task_linked_to_a_company_shows_on_the_companys_timeline) {
  auto& e = env();
  auto company = e.graphql(R"(mutation { createCompany(data: { name: "Tasked Inc" }) { id } })", {},
                           e.a.access);
  auto company_id = text_at(company, "/data/createCompany/id");
  auto task = e.graphql(R"(mutation { createTask(data: { title: "Send the quote" }) { id } })", {},
                        e.a.access);
  auto task_id = text_at(task, "/data/createTask/id");
  auto target = e.graphql(R"(mutation($t: ID, $c: ID) {
      createTaskTarget(data: { taskId: $t, companyId: $c }) { id } })",
                          {{"t", task_id}, {"c", company_id}}, e.a.access);
  text_at(target, "/data/createTaskTarget/id");
  auto timeline = wait_for_names("companyId", company_id,
                                 {"company.created", "linked-task.created"}, e.a.access);
  ASSERT_EQ(timeline.size(), 2u);
  EXPECT_EQ(timeline[1].at("linkedRecordCachedName"), json::value("Send the quote"));
  EXPECT_EQ(timeline[1].at("linkedRecordId"), json::value(task_id));
}

}  // namespace

TEST(timeline, the_records_a_workspace_is_prefilled_with_have_no_timeline) {
  // Twenty inserts its sample companies and people without its event emitter: its golden REST
  // answers list them with no timeline activities. A record created afterwards does get one.
  auto& e = env();
  wait_for_consumer();
  EXPECT_EQ(e.sql("SELECT count(*) FROM {a}.company WHERE \"createdBySource\" = 'SYSTEM'"), "5");
  EXPECT_EQ(e.sql("SELECT count(*) FROM {a}.\"timelineActivity\" t JOIN {a}.company c ON "
                  "c.id = t.\"companyId\" WHERE t.name = 'company.created' AND "
                  "c.\"createdBySource\" = 'SYSTEM'"),
            "0");
  auto person = create_person("Prefilled", e.a.access);
  wait_for_names("personId", person, {"person.created"}, e.a.access);
}
