// Record events built from outbox rows: Twenty's event name and properties per action, the diff of
// an update, the acting member.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "actors/events/record_event_builder.hpp"

using namespace cohort::actors::events;
namespace json = boost::json;
using cohort::storage::events::outbox_row;

namespace {

outbox_row row(std::string action, std::optional<std::string> before,
               std::optional<std::string> after) {
  outbox_row r;
  r.id = 42;
  r.txid = "900";
  r.workspace_id = "20202020-1c25-4d02-bf25-6aeccf7ea419";
  r.object_name = "person";
  r.action = std::move(action);
  r.record_id = "20202020-0000-4000-8000-000000000001";
  r.before = std::move(before);
  r.after = std::move(after);
  r.created_at = "2026-03-01T10:00:00.000Z";
  return r;
}

}  // namespace

TEST(RecordEvent, ACreationCarriesTheRecordAsAfter) {
  auto e = build_record_event(row("created", std::nullopt, R"({"id":"x","city":"Paris"})"));
  EXPECT_EQ(e.name, "person.created");
  EXPECT_EQ(json::serialize(e.properties), R"({"after":{"id":"x","city":"Paris"}})");
  EXPECT_EQ(e.outbox_id, 42);
}

TEST(RecordEvent, AnUpdateCarriesBeforeAfterUpdatedFieldsAndDiff) {
  auto r = row("updated", R"({"id":"x","city":"Paris","jobTitle":"CEO","updatedAt":"1"})",
               R"({"id":"x","city":"Lyon","jobTitle":"CEO","updatedAt":"2"})");
  r.updated_fields = R"(["city"])";
  auto e = build_record_event(r);
  EXPECT_EQ(e.name, "person.updated");
  EXPECT_EQ(json::serialize(e.properties.at("updatedFields")), R"(["city"])");
  EXPECT_EQ(json::serialize(e.properties.at("diff")),
            R"({"city":{"before":"Paris","after":"Lyon"}})");
  EXPECT_TRUE(e.properties.contains("before"));
  EXPECT_TRUE(e.properties.contains("after"));
}

TEST(RecordEvent, UpdatedFieldsDefaultToTheChangedFields) {
  auto e = build_record_event(row("updated", R"({"name":{"firstName":"Ada"},"city":"Paris"})",
                                  R"({"name":{"firstName":"Grace"},"city":"Paris"})"));
  EXPECT_EQ(json::serialize(e.properties.at("updatedFields")), R"(["name"])");
  EXPECT_EQ(json::serialize(e.properties.at("diff")),
            R"({"name":{"before":{"firstName":"Ada"},"after":{"firstName":"Grace"}}})");
}

TEST(RecordEvent, DiffSeesRemovedAndNestedChanges) {
  auto diff = record_diff(json::parse(R"({"a":1,"b":[1,2],"c":"gone","d":null})").as_object(),
                          json::parse(R"({"a":1,"b":[1,3]})").as_object());
  EXPECT_EQ(json::serialize(diff),
            R"({"b":{"before":[1,2],"after":[1,3]},"c":{"before":"gone","after":null}})");
}

TEST(RecordEvent, DeletionsCarryBeforeAndNoDiff) {
  auto e = build_record_event(row("destroyed", R"({"id":"x"})", std::nullopt));
  EXPECT_EQ(json::serialize(e.properties), R"({"before":{"id":"x"}})");
  auto soft = build_record_event(row("deleted", R"({"id":"x"})", R"({"id":"x","deletedAt":"t"})"));
  EXPECT_FALSE(soft.properties.contains("diff"));
  EXPECT_TRUE(soft.properties.contains("before"));
}

TEST(RecordEvent, TheActorNamesTheWorkspaceMember) {
  auto r = row("created", std::nullopt, R"({"id":"x"})");
  r.actor = R"({"source":"MANUAL","workspaceMemberId":"m-1","name":"Tim Apple"})";
  auto e = build_record_event(r);
  ASSERT_TRUE(e.workspace_member_id.has_value());
  EXPECT_EQ(*e.workspace_member_id, "m-1");
  auto out = e.object_record_event();
  EXPECT_EQ(json::serialize(out),
            R"({"recordId":"20202020-0000-4000-8000-000000000001","workspaceMemberId":"m-1",)"
            R"("properties":{"after":{"id":"x"}}})");
  auto whole = e.to_json();
  EXPECT_EQ(whole.at("name").as_string(), "person.created");
  EXPECT_EQ(whole.at("eventId").as_string(), "42");
  EXPECT_EQ(json::serialize(whole.at("objectMetadata")), R"({"nameSingular":"person"})");
}

TEST(RecordEvent, AnActorWithoutMemberLeavesItOut) {
  auto r = row("created", std::nullopt, R"({"id":"x"})");
  r.actor = R"({"source":"API","workspaceMemberId":null,"name":"key"})";
  auto e = build_record_event(r);
  EXPECT_FALSE(e.workspace_member_id.has_value());
  EXPECT_FALSE(e.object_record_event().contains("workspaceMemberId"));
}
