// merge{P} over HTTP: Twenty's merge rules (priority value wins, else the first record with one;
// e-mails gathered into additionalEmails once; the whole name from one record), relations of the
// others re-pointed to the survivor, the others soft-deleted, outbox events in the same
// transaction; a dry run answers the would-be record and writes nothing; Twenty's errors.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "demo_server.hpp"
#include "remove_at_end.hpp"

using namespace cohort::testing;
namespace json = boost::json;

namespace {

std::string create(demo_server& demo, const std::string& mutation, const std::string& field,
                   const json::object& data, const std::string& type) {
  auto res = demo.post("mutation($data: " + type + ") { " + mutation + "(data: $data) { id } }",
                       {{"data", data}});
  auto body = json::parse(res.body);
  EXPECT_FALSE(body.as_object().contains("errors")) << res.body;
  return std::string(body.at("data").at(field).at("id").as_string());
}

struct pair_of_people {
  std::string priority, other, company, opportunity;
};

pair_of_people seed(demo_server& demo, const std::string& tag) {
  pair_of_people out;
  out.company = create(demo, "createCompany", "createCompany",
                       json::parse(R"({"name": "Merge Co )" + tag + R"("})").as_object(),
                       "CompanyCreateInput!");
  out.priority = create(demo, "createPerson", "createPerson",
                        json::parse(R"({"name": {"firstName": "Prio", "lastName": ")" + tag +
                                    R"("}, "jobTitle": "CEO", "emails": {"primaryEmail": "prio-)" +
                                    tag + R"(@merge.test"}})")
                            .as_object(),
                        "PersonCreateInput!");
  out.other = create(demo, "createPerson", "createPerson",
                     json::parse(R"({"name": {"firstName": "Other", "lastName": ")" + tag +
                                 R"("}, "jobTitle": "CTO", "city": "Lyon", "companyId": ")" +
                                 out.company + R"(", "emails": {"primaryEmail": "other-)" + tag +
                                 R"(@merge.test", "additionalEmails": ["extra-)" + tag +
                                 R"(@merge.test", "prio-)" + tag + R"(@merge.test"]}})")
                         .as_object(),
                     "PersonCreateInput!");
  out.opportunity = create(demo, "createOpportunity", "createOpportunity",
                           json::parse(R"({"name": "Merge deal )" + tag +
                                       R"(", "pointOfContactId": ")" + out.other + R"("})")
                               .as_object(),
                           "OpportunityCreateInput!");
  return out;
}

const std::string merge_selection =
    "{ id deletedAt name { firstName lastName } jobTitle city companyId "
    "emails { primaryEmail additionalEmails } }";

std::string count(demo_server& demo, const std::string& sql) {
  auto rows = demo.sql(sql);
  EXPECT_TRUE(rows.ok()) << sql;
  return rows.ok() ? std::string(rows.get(0, 0)) : "";
}

}  // namespace

TEST(GraphqlMerge, DryRunAnswersTheMergedRecordAndWritesNothing) {
  remove_at_end cleanup{{"DELETE FROM {s}.opportunity WHERE name LIKE 'Merge deal %'",
                         "DELETE FROM {s}.person WHERE \"nameFirstName\" IN ('Prio', 'Other') AND "
                         "\"nameLastName\" IN ('dry', 'real', 'errors')",
                         "DELETE FROM {s}.company WHERE name LIKE 'Merge Co %'"}};
  auto& demo = demo_server::shared();
  const auto p = seed(demo, "dry");
  const std::string outbox_before = count(demo, "SELECT count(*) FROM core.outbox");
  auto res = demo.post(
      "mutation($ids: [UUID!]) { mergePeople(ids: $ids, conflictPriorityIndex: "
      "0, dryRun: true) " +
          merge_selection + " }",
      {{"ids", json::array{p.priority, p.other}}});
  auto body = json::parse(res.body);
  ASSERT_FALSE(body.as_object().contains("errors")) << res.body;
  const auto& merged = body.at("data").at("mergePeople");
  // A fresh id and deletedAt set, as Twenty's dry run answers.
  EXPECT_NE(merged.at("id"), json::value(p.priority));
  EXPECT_NE(merged.at("id"), json::value(p.other));
  EXPECT_TRUE(merged.at("deletedAt").is_string());
  EXPECT_EQ(merged.at("name").at("firstName"), json::value("Prio"));
  EXPECT_EQ(merged.at("jobTitle"), json::value("CEO"));
  EXPECT_EQ(merged.at("city"), json::value("Lyon"));
  EXPECT_EQ(merged.at("companyId"), json::value(p.company));
  EXPECT_EQ(merged.at("emails").at("primaryEmail"), json::value("prio-dry@merge.test"));
  EXPECT_EQ(merged.at("emails").at("additionalEmails"),
            (json::array{"other-dry@merge.test", "extra-dry@merge.test"}));

  EXPECT_EQ(count(demo, "SELECT count(*) FROM core.outbox"), outbox_before);
  EXPECT_EQ(count(demo, "SELECT count(*) FROM {s}.person WHERE id = '" + p.other +
                            "' AND \"deletedAt\" IS NULL"),
            "1");
  EXPECT_EQ(count(demo, "SELECT \"pointOfContactId\" FROM {s}.opportunity WHERE id = '" +
                            p.opportunity + "'"),
            p.other);
}

TEST(GraphqlMerge, MergesIntoThePriorityRecordRepointsRelationsAndTrashesTheOthers) {
  remove_at_end cleanup{{"DELETE FROM {s}.opportunity WHERE name LIKE 'Merge deal %'",
                         "DELETE FROM {s}.person WHERE \"nameFirstName\" IN ('Prio', 'Other') AND "
                         "\"nameLastName\" IN ('dry', 'real', 'errors')",
                         "DELETE FROM {s}.company WHERE name LIKE 'Merge Co %'"}};
  auto& demo = demo_server::shared();
  const auto p = seed(demo, "real");
  // The second id wins this time: its values first, the first record's where it has none.
  auto res = demo.post(
      "mutation($ids: [UUID!]) { mergePeople(ids: $ids, conflictPriorityIndex: "
      "1) " +
          merge_selection + " }",
      {{"ids", json::array{p.other, p.priority}}});
  auto body = json::parse(res.body);
  ASSERT_FALSE(body.as_object().contains("errors")) << res.body;
  const auto& merged = body.at("data").at("mergePeople");
  EXPECT_EQ(merged.at("id"), json::value(p.priority));
  EXPECT_EQ(merged.at("deletedAt"), json::value(nullptr));
  EXPECT_EQ(merged.at("jobTitle"), json::value("CEO"));
  EXPECT_EQ(merged.at("city"), json::value("Lyon"));
  EXPECT_EQ(merged.at("companyId"), json::value(p.company));
  EXPECT_EQ(merged.at("emails").at("primaryEmail"), json::value("prio-real@merge.test"));
  EXPECT_EQ(merged.at("emails").at("additionalEmails"),
            (json::array{"other-real@merge.test", "extra-real@merge.test"}));

  // Rows: the survivor holds the merged values, the other is in the trash, the opportunity
  // points at the survivor.
  EXPECT_EQ(count(demo, "SELECT city || '/' || \"companyId\" FROM {s}.person WHERE id = '" +
                            p.priority + "'"),
            "Lyon/" + p.company);
  EXPECT_EQ(count(demo, "SELECT count(*) FROM {s}.person WHERE id = '" + p.other +
                            "' AND \"deletedAt\" IS NOT NULL"),
            "1");
  EXPECT_EQ(count(demo, "SELECT \"pointOfContactId\" FROM {s}.opportunity WHERE id = '" +
                            p.opportunity + "'"),
            p.priority);
  // Outbox, same transaction: the survivor updated (with its merged fields), the other deleted,
  // the opportunity updated.
  EXPECT_EQ(count(demo,
                  "SELECT action || ':' || (updated_fields @> ARRAY['emails', 'city']) || "
                  "':' || (before->>'city' IS NULL OR before->>'city' = '') || ':' || "
                  "(after->>'city') FROM core.outbox WHERE record_id = '" +
                      p.priority + "' ORDER BY id DESC LIMIT 1"),
            "updated:true:true:Lyon");
  EXPECT_EQ(count(demo,
                  "SELECT action || ':' || (after->>'deletedAt' IS NOT NULL) FROM "
                  "core.outbox WHERE record_id = '" +
                      p.other + "' ORDER BY id DESC LIMIT 1"),
            "deleted:true");
  EXPECT_EQ(count(demo,
                  "SELECT object_name || ':' || action || ':' || (before->>'pointOfContactId') "
                  "|| ':' || (after->>'pointOfContactId') FROM core.outbox WHERE record_id = '" +
                      p.opportunity + "' ORDER BY id DESC LIMIT 1"),
            "opportunity:updated:" + p.other + ":" + p.priority);
}

TEST(GraphqlMerge, ErrorsAreTwentys) {
  remove_at_end cleanup{{"DELETE FROM {s}.opportunity WHERE name LIKE 'Merge deal %'",
                         "DELETE FROM {s}.person WHERE \"nameFirstName\" IN ('Prio', 'Other') AND "
                         "\"nameLastName\" IN ('dry', 'real', 'errors')",
                         "DELETE FROM {s}.company WHERE name LIKE 'Merge Co %'"}};
  auto& demo = demo_server::shared();
  const auto p = seed(demo, "errors");
  struct expectation {
    json::array ids;
    int index;
    std::string message, code;
  };
  json::array ten;
  for (int i = 0; i < 10; ++i) ten.push_back(json::value(p.priority));
  const std::vector<expectation> cases = {
      {json::array{p.priority}, 0, "At least 2 record IDs are required for merge",
       "BAD_USER_INPUT"},
      {ten, 0, "Maximum 9 records can be merged at once", "BAD_USER_INPUT"},
      {json::array{p.priority, p.other}, 2,
       "Invalid conflict priority '2'. Valid options for 2 records: 0-1", "BAD_USER_INPUT"},
      {json::array{p.priority, "4f7c1a52-0000-4000-8000-000000000000"}, 0,
       "One or more records not found", "NOT_FOUND"},
  };
  for (const auto& c : cases) {
    auto res = demo.post(
        "mutation($ids: [UUID!], $i: Int) { mergePeople(ids: $ids, conflictPriorityIndex: $i) { "
        "id } }",
        {{"ids", c.ids}, {"i", c.index}});
    auto body = json::parse(res.body);
    EXPECT_EQ(body.at("data").at("mergePeople"), json::value(nullptr)) << res.body;
    EXPECT_EQ(body.at("errors").at(0).at("message"), json::value(c.message)) << res.body;
    EXPECT_EQ(body.at("errors").at(0).at("extensions").at("code"), json::value(c.code));
  }
  // Nothing was merged by the refused calls.
  EXPECT_EQ(count(demo, "SELECT count(*) FROM {s}.person WHERE id IN ('" + p.priority + "', '" +
                            p.other + "') AND \"deletedAt\" IS NULL"),
            "2");
}

TEST(GraphqlMerge, ASurvivorWithoutAnEmailTakesTheOthersPrimary) {
  auto& demo = demo_server::shared();
  remove_at_end cleanup{{"DELETE FROM {s}.person WHERE \"nameLastName\" = 'noemail'"}};
  const auto survivor =
      create(demo, "createPerson", "createPerson",
             json::parse(R"({"name": {"firstName": "Prio", "lastName": "noemail"}})").as_object(),
             "PersonCreateInput!");
  const auto other = create(demo, "createPerson", "createPerson",
                            json::parse(R"({"name": {"firstName": "Other", "lastName": "noemail"},
                                            "emails": {"primaryEmail": "taken@merge.test"}})")
                                .as_object(),
                            "PersonCreateInput!");
  auto res = demo.post(
      "mutation($ids: [UUID!]) { mergePeople(ids: $ids, conflictPriorityIndex: 0) { id emails { "
      "primaryEmail additionalEmails } } }",
      {{"ids", json::array{survivor, other}}});
  auto body = json::parse(res.body);
  ASSERT_FALSE(body.as_object().contains("errors")) << res.body;
  EXPECT_EQ(body.at("data").at("mergePeople").at("emails").at("primaryEmail"),
            json::value("taken@merge.test"));
  EXPECT_EQ(body.at("data").at("mergePeople").at("emails").at("additionalEmails"),
            json::value(nullptr));
  EXPECT_EQ(
      count(demo, "SELECT \"emailsPrimaryEmail\" FROM {s}.person WHERE id = '" + survivor + "'"),
      "taken@merge.test");
}
