// REST writes over real HTTP: POST (one, upsert), POST /rest/batch, PATCH, DELETE (hard by default,
// soft with soft_delete=true) and the bulk PATCH / DELETE by filter; each answer's envelope and
// status, and the rows left in PostgreSQL.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "rest_server.hpp"

using namespace cohort::testing;
namespace json = boost::json;

namespace {

std::string created_id(const rest_answer& res, const char* key) {
  return std::string(res.body.at("data").at(key).at("id").as_string());
}

}  // namespace

// Every record below has its own e-mail / domain: those columns are unique.

TEST(RestWrites, CreateOneAnswers201WithEveryFieldAndWritesTheRow) {
  auto& rest = rest_server::shared();
  auto res = rest.call("POST", "/rest/companies",
                       R"({"name":"Rest Industries","employees":77,)"
                       R"("domainName":{"primaryLinkUrl":"https://rest-industries.example"},)"
                       R"("address":{"addressCity":"Nantes","addressCountry":"France"}})");
  ASSERT_EQ(res.status, 201u) << res.text;
  const auto& company = res.body.at("data").at("createCompany");
  EXPECT_EQ(company.at("name"), json::value("Rest Industries"));
  EXPECT_EQ(company.at("employees"), json::value(77));
  EXPECT_EQ(company.at("address").at("addressCity"), json::value("Nantes"));
  // Every composite with all its subfields, the system fields and the join column.
  EXPECT_TRUE(company.at("linkedinLink").as_object().contains("secondaryLinks"));
  EXPECT_TRUE(company.at("annualRecurringRevenue").as_object().contains("amountMicros"));
  EXPECT_EQ(company.at("createdBy").at("source"), json::value("MANUAL"));
  EXPECT_EQ(company.at("createdBy").at("workspaceMemberId"), json::value(rest.workspace_member_id));
  EXPECT_TRUE(company.as_object().contains("accountOwnerId"));
  EXPECT_TRUE(company.as_object().contains("deletedAt"));
  EXPECT_FALSE(company.as_object().contains("people")) << "depth 0 embeds no relation";
  auto rows = rest.sql("SELECT employees, \"addressAddressCity\" FROM {s}.company WHERE id = '" +
                       created_id(res, "createCompany") + "'");
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows.rows(), 1);
  EXPECT_EQ(rows.get(0, 0), "77");
  EXPECT_EQ(rows.get(0, 1), "Nantes");
}

TEST(RestWrites, CreateWithDepthOneEmbedsTheCompany) {
  auto& rest = rest_server::shared();
  auto company =
      rest.call("POST", "/rest/companies",
                R"({"name":"Depth Corp","domainName":{"primaryLinkUrl":"https://depth.example"}})");
  ASSERT_EQ(company.status, 201u) << company.text;
  std::string company_id = created_id(company, "createCompany");
  auto res = rest.call(
      "POST", "/rest/people?depth=1",
      R"({"name":{"firstName":"Dee","lastName":"Pth"},"emails":{"primaryEmail":"dee@w.example"},"companyId":")" +
          company_id + R"("})");
  ASSERT_EQ(res.status, 201u) << res.text;
  const auto& person = res.body.at("data").at("createPerson");
  EXPECT_EQ(person.at("companyId"), json::value(company_id));
  EXPECT_EQ(person.at("company").at("name"), json::value("Depth Corp"));
  EXPECT_TRUE(person.at("taskTargets").is_array());
}

TEST(RestWrites, BatchCreatesEveryRecordAndAnswersTheList) {
  auto& rest = rest_server::shared();
  auto res = rest.call(
      "POST", "/rest/batch/people",
      R"([{"name":{"firstName":"Sam","lastName":"Batch"},"city":"Batchville","emails":{"primaryEmail":"sam@w.example"}},)"
      R"({"name":{"firstName":"Tina","lastName":"Batch"},"city":"Batchville","emails":{"primaryEmail":"tina@w.example"}}])");
  ASSERT_EQ(res.status, 201u) << res.text;
  const auto& people = res.body.at("data").at("createPeople").as_array();
  ASSERT_EQ(people.size(), 2u);
  EXPECT_EQ(people[1].at("name").at("firstName"), json::value("Tina"));
  auto rows = rest.sql("SELECT count(*) FROM {s}.person WHERE city = 'Batchville'");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows.get(0, 0), "2");
}

TEST(RestWrites, UpsertUpdatesTheRecordWithTheSameId) {
  auto& rest = rest_server::shared();
  auto first = rest.call(
      "POST", "/rest/companies",
      R"({"name":"Upsert Before","domainName":{"primaryLinkUrl":"https://upsert.example"}})");
  ASSERT_EQ(first.status, 201u) << first.text;
  std::string id = created_id(first, "createCompany");
  auto res = rest.call("POST", "/rest/companies?upsert=true",
                       R"({"id":")" + id + R"(","name":"Upsert After"})");
  ASSERT_EQ(res.status, 201u) << res.text;
  EXPECT_EQ(res.body.at("data").at("createCompany").at("name"), json::value("Upsert After"));
  auto rows = rest.sql("SELECT name FROM {s}.company WHERE id = '" + id + "'");
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows.rows(), 1);
  EXPECT_EQ(rows.get(0, 0), "Upsert After");
}

TEST(RestWrites, PatchUpdatesTheFieldsSentAndAnswersTheRecord) {
  auto& rest = rest_server::shared();
  auto created = rest.call(
      "POST", "/rest/people",
      R"({"name":{"firstName":"Pat","lastName":"Ch"},"city":"Before","emails":{"primaryEmail":"pat@w.example"}})");
  ASSERT_EQ(created.status, 201u) << created.text;
  std::string id = created_id(created, "createPerson");
  auto res = rest.call("PATCH", "/rest/people/" + id, R"({"city":"After","jobTitle":"Lead"})");
  ASSERT_EQ(res.status, 200u) << res.text;
  const auto& person = res.body.at("data").at("updatePerson");
  EXPECT_EQ(person.at("city"), json::value("After"));
  EXPECT_EQ(person.at("name").at("firstName"), json::value("Pat"));
  auto rows = rest.sql("SELECT city, \"jobTitle\" FROM {s}.person WHERE id = '" + id + "'");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows.get(0, 0), "After");
  EXPECT_EQ(rows.get(0, 1), "Lead");
  // An empty body changes nothing.
  auto empty = rest.call("PATCH", "/rest/people/" + id);
  ASSERT_EQ(empty.status, 200u) << empty.text;
  EXPECT_EQ(empty.body.at("data").at("updatePerson").at("city"), json::value("After"));
  // PUT is Twenty's legacy alias of PATCH.
  auto put = rest.call("PUT", "/rest/people/" + id, R"({"city":"Put"})");
  ASSERT_EQ(put.status, 200u) << put.text;
  EXPECT_EQ(put.body.at("data").at("updatePerson").at("city"), json::value("Put"));
}

TEST(RestWrites, DeleteDestroysTheRowByDefault) {
  auto& rest = rest_server::shared();
  auto created =
      rest.call("POST", "/rest/people",
                R"({"name":{"firstName":"Gone"},"emails":{"primaryEmail":"gone@w.example"}})");
  ASSERT_EQ(created.status, 201u) << created.text;
  std::string id = created_id(created, "createPerson");
  auto res = rest.call("DELETE", "/rest/people/" + id);
  ASSERT_EQ(res.status, 200u) << res.text;
  EXPECT_EQ(res.body, json::parse(R"({"data":{"deletePerson":{"id":")" + id + R"("}}})"));
  auto rows = rest.sql("SELECT count(*) FROM {s}.person WHERE id = '" + id + "'");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows.get(0, 0), "0");
}

TEST(RestWrites, SoftDeleteKeepsTheRowWithDeletedAt) {
  auto& rest = rest_server::shared();
  auto created =
      rest.call("POST", "/rest/people",
                R"({"name":{"firstName":"Soft"},"emails":{"primaryEmail":"soft@w.example"}})");
  ASSERT_EQ(created.status, 201u) << created.text;
  std::string id = created_id(created, "createPerson");
  auto res = rest.call("DELETE", "/rest/people/" + id + "?soft_delete=true");
  ASSERT_EQ(res.status, 200u) << res.text;
  EXPECT_EQ(res.body.at("data").at("deletePerson").at("id"), json::value(id));
  auto rows = rest.sql("SELECT \"deletedAt\" IS NOT NULL FROM {s}.person WHERE id = '" + id + "'");
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows.rows(), 1);
  EXPECT_EQ(rows.get(0, 0), "t");
  // Gone from reads, back with a deletedAt filter.
  EXPECT_EQ(rest.get("/rest/people/" + id).status, 400u);
  auto deleted =
      rest.get("/rest/people?filter=" + url_encode("deletedAt[is]:NOT_NULL,id[eq]:" + id));
  ASSERT_EQ(deleted.status, 200u) << deleted.text;
  EXPECT_EQ(deleted.body.at("totalCount"), json::value(1));
}

TEST(RestWrites, BulkPatchAndDeleteTakeTheFilter) {
  auto& rest = rest_server::shared();
  auto batch = rest.call(
      "POST", "/rest/batch/people",
      R"([{"name":{"firstName":"B1"},"city":"Bulkton","emails":{"primaryEmail":"b1@w.example"}},)"
      R"({"name":{"firstName":"B2"},"city":"Bulkton","emails":{"primaryEmail":"b2@w.example"}}])");
  ASSERT_EQ(batch.status, 201u) << batch.text;
  std::string filter = "?filter=" + url_encode("city[eq]:Bulkton");
  auto patched = rest.call("PATCH", "/rest/people" + filter, R"({"jobTitle":"Bulked"})");
  ASSERT_EQ(patched.status, 200u) << patched.text;
  EXPECT_EQ(patched.body.at("data").at("updatePeople").as_array().size(), 2u);
  auto rows = rest.sql("SELECT count(*) FROM {s}.person WHERE \"jobTitle\" = 'Bulked'");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows.get(0, 0), "2");
  auto deleted = rest.call("DELETE", "/rest/people" + filter);
  ASSERT_EQ(deleted.status, 200u) << deleted.text;
  EXPECT_EQ(deleted.body.at("data").at("deletePeople").as_array().size(), 2u);
  rows = rest.sql("SELECT count(*) FROM {s}.person WHERE city = 'Bulkton'");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows.get(0, 0), "0");
}

TEST(RestWrites, RestoreBringsSoftDeletedRecordsBack) {
  auto& rest = rest_server::shared();
  auto batch = rest.call(
      "POST", "/rest/batch/people",
      R"([{"name":{"firstName":"R1"},"city":"Restoreville","emails":{"primaryEmail":"r1@w.example"}},)"
      R"({"name":{"firstName":"R2"},"city":"Restoreville","emails":{"primaryEmail":"r2@w.example"}}])");
  ASSERT_EQ(batch.status, 201u) << batch.text;
  std::string first(batch.body.at("data").at("createPeople").at(0).at("id").as_string());
  std::string filter = "?filter=" + url_encode("city[eq]:Restoreville");
  auto deleted = rest.call("DELETE", "/rest/people" + filter + "&soft_delete=true");
  ASSERT_EQ(deleted.status, 200u) << deleted.text;
  EXPECT_EQ(rest.get("/rest/people" + filter).body.at("totalCount"), json::value(0));

  auto one = rest.call("PATCH", "/rest/people/" + first + "/restore");
  ASSERT_EQ(one.status, 200u) << one.text;
  EXPECT_EQ(one.body.at("data").at("restorePerson").at("deletedAt"), json::value(nullptr));
  EXPECT_EQ(rest.get("/rest/people" + filter).body.at("totalCount"), json::value(1));

  auto all = rest.call("PATCH", "/rest/people/restore?filter=" +
                                    url_encode("city[eq]:Restoreville,deletedAt[is]:NOT_NULL"));
  ASSERT_EQ(all.status, 200u) << all.text;
  EXPECT_EQ(all.body.at("data").at("restorePeople").as_array().size(), 1u);
  auto rows = rest.sql(
      "SELECT count(*) FROM {s}.person WHERE city = 'Restoreville' AND \"deletedAt\" IS NULL");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows.get(0, 0), "2");
}

// Disabled until storage stops refusing two records whose unique text is empty: Twenty's golden
// POST /rest/batch/people creates four people without an e-mail; Cohort answers 400 "A duplicate
// entry was detected" (the unique index on emailsPrimaryEmail counts '' as a value).
TEST(RestWrites, BatchOfPeopleWithoutEmails) {
  auto& rest = rest_server::shared();
  auto res = rest.call("POST", "/rest/batch/people",
                       R"([{"name":{"firstName":"No"},"city":"Nomail"},)"
                       R"({"name":{"firstName":"Mail"},"city":"Nomail"}])");
  ASSERT_EQ(res.status, 201u) << res.text;
  EXPECT_EQ(res.body.at("data").at("createPeople").as_array().size(), 2u);
}
