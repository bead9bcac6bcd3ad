// Every mutation through the compiler: the records it answers, the rows left in the table and the
// outbox events the same statement wrote (checked in SQL), and the guards and database errors as
// Twenty-shaped errors without SQL.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "seed.hpp"
#include "storage/events/outbox_doorbell.hpp"

using namespace cohort::testing::query;
using op = cohort::model::record_operation;

namespace {

// Waits until no doorbell ring of the environment's pool is on its way.
bool doorbell_settles(const query_env& env) {
  for (int i = 0; i < 500; ++i) {
    if (cohort::storage::events::outbox_doorbell_idle(*env.pool)) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

std::string outbox(const query_env& env, const std::string& what) {
  return env.sql("SELECT " + what + " FROM core.outbox");
}

}  // namespace

TEST(StorageQueryWrites, CreateAnswersTwentysShapesAndWritesOutboxEvents) {
  const auto& s = seed();
  const auto& companies = s.created_companies.as_array();
  // New records go first: below the current minimum position, in input order.
  EXPECT_EQ(companies.at(0).at("position"), 0);
  EXPECT_EQ(companies.at(1).at("position"), -1);
  EXPECT_EQ(companies.at(3).at("position"), -3);
  // A LINKS composite given in part stores null in the rest, required or not (Twenty answers
  // domainName {primaryLinkLabel: null}); one not given keeps its defaults.
  EXPECT_EQ(companies.at(0).at("domainName"),
            json(R"({"primaryLinkUrl": "https://acme.example", "primaryLinkLabel": null})"));
  EXPECT_EQ(companies.at(0).at("linkedinLink"),
            json(R"({"primaryLinkUrl": "https://linkedin.com/acme", "primaryLinkLabel": null})"));
  EXPECT_EQ(companies.at(2).at("domainName"),
            json(R"({"primaryLinkUrl": "", "primaryLinkLabel": ""})"));
  EXPECT_EQ(companies.at(1).at("annualRecurringRevenue"),
            json(R"({"amountMicros": null, "currencyCode": ""})"));
  EXPECT_EQ(companies.at(0).at("annualRecurringRevenue"),
            json(R"({"amountMicros": 5000000000000, "currencyCode": "EUR"})"));

  const auto& alice = s.created_people.as_array().at(0);
  EXPECT_EQ(
      alice.at("createdBy"),
      json(R"({"source": "MANUAL", "workspaceMemberId": "d800f2e3-a62b-40da-be6f-a3ee871117a1",
                     "name": "Tim Apple"})"));
  EXPECT_EQ(alice.at("company"),
            json(R"({"id": ")" + s.company.at("Acme Corp") + R"(", "name": "Acme Corp"})"));
  EXPECT_EQ(alice.at("emails").at("additionalEmails"), json(R"(["a@perso.example"])"));
  EXPECT_TRUE(s.created_people.as_array().at(1).at("emails").at("additionalEmails").is_null());
  EXPECT_EQ(alice.at("createdAt"), alice.at("updatedAt"));
  EXPECT_TRUE(alice.at("deletedAt").is_null());
  EXPECT_EQ(alice.at("phones"),
            json(R"({"primaryPhoneNumber": "", "primaryPhoneCountryCode": ""})"));

  const auto& env = *s.env;
  EXPECT_EQ(env.sql("SELECT count(*) FROM core.outbox WHERE action = 'created' AND object_name = "
                    "'person' AND workspace_id = $1",
                    {env.workspace_id}),
            "10");
  // The event carries the record as the API shows it, and the actor.
  EXPECT_EQ(env.sql("SELECT after->'name'->>'firstName' || ' ' || (after->>'companyId') || ' ' || "
                    "(actor->>'name') FROM core.outbox WHERE record_id = $1",
                    {s.person.at("Alice Martin")}),
            "Alice " + s.company.at("Acme Corp") + " Tim Apple");
  EXPECT_EQ(env.sql("SELECT bool_and(before IS NULL) FROM core.outbox WHERE action = 'created'"),
            "t");
}

TEST(StorageQueryWrites, UpdateOneAndManyRecordBeforeAndAfter) {
  auto env = query_env::create("query_update");
  auto created = env->ok(create("person", R"([
      {"emails": {"primaryEmail": "ann@example.com"}, "name": {"firstName": "Ann", "lastName": "Lee"}, "city": "Paris", "jobTitle": "Dev"},
      {"emails": {"primaryEmail": "ben@example.com"}, "name": {"firstName": "Ben", "lastName": "Kay"}, "city": "Paris"},
      {"emails": {"primaryEmail": "cat@example.com"}, "name": {"firstName": "Cat", "lastName": "Moe"}, "city": "Rome"}])",
                                record({field("id"), field("updatedAt")}), true));
  const std::string ann = std::string(created.at(0).at("id").as_string());
  auto updated = env->ok(update_one(
      "person", ann, R"({"city": "Marseille", "name": {"lastName": "Lee-Roy"}})",
      record({field("id"), field("city"), composite("name", {"firstName", "lastName"}),
              field("jobTitle"), field("updatedAt"), composite("createdBy", {"source", "name"})})));
  EXPECT_EQ(updated.at("city"), "Marseille");
  // Only the given subfield changed.
  EXPECT_EQ(updated.at("name"), json(R"({"firstName": "Ann", "lastName": "Lee-Roy"})"));
  EXPECT_EQ(updated.at("jobTitle"), "Dev");
  EXPECT_EQ(updated.at("createdBy"), json(R"({"source": "MANUAL", "name": "Tim Apple"})"));
  EXPECT_GE(updated.at("updatedAt").as_string(), created.at(0).at("updatedAt").as_string());
  EXPECT_EQ(
      env->sql("SELECT action || ' ' || (before->>'city') || ' ' || (after->>'city') || ' ' || "
               "array_to_string(updated_fields, ',') || ' ' || (actor->>'source') "
               "FROM core.outbox WHERE action = 'updated' AND record_id = $1",
               {ann}),
      "updated Paris Marseille city,name API");

  // The change, its outbox event and the answer are one statement; the relays' doorbell, rung
  // after the commit, is another (storage/events/outbox_doorbell).
  ASSERT_TRUE(doorbell_settles(*env));
  const auto statements_before = env->pool->stats().total_queries;
  auto many =
      env->ok(mutate_many("person", op::update, R"({"city": {"eq": "Paris"}})",
                          record({field("id"), field("city")}), R"({"city": "Paris 1er"})"));
  ASSERT_TRUE(doorbell_settles(*env));
  EXPECT_EQ(env->pool->stats().total_queries - statements_before, 2u);
  ASSERT_EQ(many.as_array().size(), 1u);  // Ann moved to Marseille
  EXPECT_EQ(many.at(0).at("city"), "Paris 1er");
  EXPECT_EQ(env->sql("SELECT count(*) FROM " + env->schema + ".person WHERE city = 'Paris 1er'"),
            "1");
  EXPECT_EQ(outbox(*env, "count(*)"), "5");

  auto e = env->error(update_one("person", "00000000-0000-4000-8000-000000000000",
                                 R"({"city": "X"})", record({field("id")})));
  EXPECT_EQ(e.code, "NOT_FOUND");
  EXPECT_EQ(e.message, "Record not found");
  e = env->error(mutate_many("person", op::update, R"({"or": [{"and": []}]})",
                             record({field("id")}), R"({"city": "X"})"));
  EXPECT_EQ(e.code, "BAD_USER_INPUT");
  EXPECT_EQ(e.message, "A non-empty filter is required");
  e = env->error(update_one("person", ann, R"({"unknownField": 1})", record({field("id")})));
  EXPECT_EQ(e.message, "Object person doesn't have any \"unknownField\" field.");
  EXPECT_EQ(env->sql("SELECT count(*) FROM " + env->schema + ".person WHERE city = 'X'"), "0");
}

TEST(StorageQueryWrites, SoftDeleteRestoreAndDestroy) {
  auto env = query_env::create("query_delete");
  auto created = env->ok(create("person", R"([
      {"emails": {"primaryEmail": "ann@example.com"}, "name": {"firstName": "Ann"}, "city": "Oslo"},
      {"emails": {"primaryEmail": "ben@example.com"}, "name": {"firstName": "Ben"}, "city": "Oslo"},
      {"emails": {"primaryEmail": "cat@example.com"}, "name": {"firstName": "Cat"}, "city": "Rome"}])",
                                record({field("id")}), true));
  const std::string ann = std::string(created.at(0).at("id").as_string());
  const std::string cat = std::string(created.at(2).at("id").as_string());
  auto deleted = env->ok(
      mutate_one("person", op::soft_delete, ann, record({field("id"), field("deletedAt")})));
  EXPECT_EQ(deleted.at("deletedAt").as_string().size(), 24u);
  auto visible = [&](std::string_view filter) {
    return env->ok(find_many("person", paged(record({field("id")}), page(filter))))
        .at("totalCount")
        .as_int64();
  };
  EXPECT_EQ(visible("{}"), 2);
  EXPECT_EQ(visible(R"({"deletedAt": {"is": "NOT_NULL"}})"), 1);
  EXPECT_EQ(visible(R"({"not": {"deletedAt": {"is": "NOT_NULL"}}})"), 2);
  EXPECT_EQ(
      visible(R"({"or": [{"deletedAt": {"is": "NULL"}}, {"deletedAt": {"is": "NOT_NULL"}}]})"), 3);
  // A soft-deleted record is not found by findOne, nor deleted twice.
  EXPECT_EQ(
      env->error(find_one("person", R"({"id": {"eq": ")" + ann + "\"}}", record({field("id")})))
          .code,
      "NOT_FOUND");
  EXPECT_EQ(env->error(mutate_one("person", op::soft_delete, ann, record({field("id")}))).code,
            "NOT_FOUND");

  auto restored =
      env->ok(mutate_one("person", op::restore, ann, record({field("id"), field("deletedAt")})));
  EXPECT_TRUE(restored.at("deletedAt").is_null());
  EXPECT_EQ(visible("{}"), 3);

  auto gone = env->ok(
      mutate_many("person", op::soft_delete, R"({"city": {"eq": "Oslo"}})", record({field("id")})));
  EXPECT_EQ(gone.as_array().size(), 2u);
  auto back = env->ok(
      mutate_many("person", op::restore, R"({"city": {"eq": "Oslo"}})", record({field("id")})));
  EXPECT_EQ(back.as_array().size(), 2u);

  auto destroyed = env->ok(mutate_one("person", op::destroy, cat,
                                      record({field("id"), composite("name", {"firstName"})})));
  EXPECT_EQ(destroyed.at("name").at("firstName"), "Cat");
  EXPECT_EQ(env->sql("SELECT count(*) FROM " + env->schema + ".person"), "2");
  auto destroyed_many = env->ok(
      mutate_many("person", op::destroy, R"({"city": {"eq": "Oslo"}})", record({field("id")})));
  EXPECT_EQ(destroyed_many.as_array().size(), 2u);
  EXPECT_EQ(env->sql("SELECT count(*) FROM " + env->schema + ".person"), "0");
  EXPECT_EQ(env->error(mutate_one("person", op::destroy, cat, record({field("id")}))).code,
            "NOT_FOUND");

  EXPECT_EQ(outbox(*env, "string_agg(action, ',' ORDER BY id)"),
            "created,created,created,deleted,restored,deleted,deleted,restored,restored,destroyed,"
            "destroyed,destroyed");
  EXPECT_EQ(env->sql("SELECT (before->>'deletedAt' IS NULL)::text || ' ' || "
                     "(after->>'deletedAt' IS NOT NULL)::text FROM core.outbox WHERE action = "
                     "'deleted' AND record_id = $1 ORDER BY id LIMIT 1",
                     {ann}),
            "true true");
  EXPECT_EQ(
      env->sql("SELECT count(*) FROM core.outbox WHERE action = 'destroyed' AND after IS NULL "
               "AND before->'name'->>'firstName' IS NOT NULL"),
      "3");
}

TEST(StorageQueryWrites, CapsUniquenessAndNotNullAreTwentyErrors) {
  auto env = query_env::create("query_guards");
  std::string batch = "[";
  for (int i = 0; i < 201; ++i) {
    const std::string n = std::to_string(i);
    batch += (i ? "," : "") + std::string(R"({"name": {"firstName": "P)") + n +
             R"("}, "emails": {"primaryEmail": "p)" + n + R"(@example.com"}, "city": "Bulk"})";
  }
  batch += "]";
  auto e = env->error(create("person", batch, record({field("id")}), true));
  EXPECT_EQ(e.code, "BAD_USER_INPUT");
  EXPECT_EQ(e.message, "Maximum number of records to upsert is 200.");
  EXPECT_EQ(env->sql("SELECT count(*) FROM core.outbox"), "0");

  // 201 rows in two batches, then one update that would touch them all.
  std::string first = batch.substr(0, batch.rfind(",{")) + "]";
  env->ok(create("person", first, record({field("id")}), true));
  env->ok(create(
      "person",
      R"({"name": {"firstName": "Last"}, "emails": {"primaryEmail": "last@example.com"}, "city": "Bulk"})",
      record({field("id")}), false));
  e = env->error(mutate_many("person", op::update, R"({"city": {"eq": "Bulk"}})",
                             record({field("id")}), R"({"jobTitle": "Too many"})"));
  EXPECT_EQ(e.code, "BAD_USER_INPUT");
  EXPECT_EQ(e.message, "Cannot update more than 200 records at once");
  EXPECT_EQ(e.sub_code, "TOO_MANY_RECORDS_TO_UPDATE");
  EXPECT_EQ(
      env->sql("SELECT count(*) FROM " + env->schema + ".person WHERE \"jobTitle\" = 'Too many'"),
      "0");
  EXPECT_EQ(env->sql("SELECT count(*) FROM core.outbox WHERE action = 'updated'"), "0");

  env->ok(create("person", R"({"emails": {"primaryEmail": "dup@example.com"}})",
                 record({field("id")}), false));
  e = env->error(create("person", R"({"emails": {"primaryEmail": "dup@example.com"}})",
                        record({field("id")}), false));
  EXPECT_EQ(e.code, "BAD_USER_INPUT");
  EXPECT_EQ(e.sub_code, "QUERY_VIOLATES_UNIQUE_CONSTRAINT");
  EXPECT_EQ(e.message.find("INSERT"), std::string::npos);
  EXPECT_EQ(e.message.find("duplicate key"), std::string::npos);

  e = env->error(create(
      "person",
      R"({"name": {"firstName": "Nully"}, "emails": {"primaryEmail": "nully@example.com"}, "jobTitle": null})",
      record({field("id")}), false));
  EXPECT_EQ(e.code, "INTERNAL_SERVER_ERROR");
  EXPECT_EQ(
      e.message,
      "null value in column \"jobTitle\" of relation \"person\" violates not-null constraint");
  // Nothing of a failed statement remains, outbox included.
  EXPECT_EQ(
      env->sql("SELECT count(*) FROM core.outbox WHERE after->'name'->>'firstName' = 'Nully'"),
      "0");
}

TEST(StorageQueryWrites, UpsertUpdatesAnExistingIdAndInsertsTheRest) {
  auto env = query_env::create("query_upsert");
  auto created = env->ok(create(
      "company",
      R"({"name": "Old name", "employees": 1, "domainName": {"primaryLinkUrl": "old.example"}})",
      record({field("id")}), false));
  const std::string id = std::string(created.at("id").as_string());
  auto q = create("company", R"([{"id": ")" + id + R"(", "name": "New name", "employees": 2},
                      {"name": "Fresh", "employees": 3, "domainName": {"primaryLinkUrl": "fresh.example"}}])",
                  record({field("id"), field("name"), field("employees")}), true);
  q.upsert = true;
  auto result = env->ok(q);
  EXPECT_EQ(result.at(0), json(R"({"id": ")" + id + R"(", "name": "New name", "employees": 2})"));
  EXPECT_EQ(result.at(1).at("name"), "Fresh");
  EXPECT_EQ(env->sql("SELECT count(*) FROM " + env->schema + ".company"), "2");
  EXPECT_EQ(outbox(*env, "string_agg(action, ',' ORDER BY id)"), "created,updated,created");

  // Without an id, a unique field finds the record (domainName.primaryLinkUrl for companies).
  auto by_domain = create(
      "company", R"({"name": "Fresh Inc", "domainName": {"primaryLinkUrl": "fresh.example"}})",
      record({field("id"), field("name"), field("employees")}), false);
  by_domain.upsert = true;
  auto fresh = env->ok(by_domain);
  EXPECT_EQ(fresh.at("id"), result.at(1).at("id"));
  EXPECT_EQ(fresh.at("name"), "Fresh Inc");
  EXPECT_EQ(fresh.at("employees"), 3);  // not in the input: kept
  EXPECT_EQ(env->sql("SELECT count(*) FROM " + env->schema + ".company"), "2");

  // An input whose id and unique field name two different records is refused.
  auto ambiguous = create(
      "company", R"({"id": ")" + id + R"(", "domainName": {"primaryLinkUrl": "fresh.example"}})",
      record({field("id")}), false);
  ambiguous.upsert = true;
  auto e = env->error(ambiguous);
  EXPECT_EQ(e.code, "BAD_USER_INPUT");
  EXPECT_EQ(e.sub_code, "UPSERT_MULTIPLE_MATCHING_RECORDS_CONFLICT");
  EXPECT_EQ(env->sql("SELECT count(*) FROM core.outbox"), "4");
}

TEST(StorageQueryWrites, RelationInputsConnectAndDisconnect) {
  auto env = query_env::create("query_connect");
  auto acme = env->ok(
      create("company", R"({"name": "Acme", "domainName": {"primaryLinkUrl": "acme.example"}})",
             record({field("id")}), false));
  const std::string acme_id = std::string(acme.at("id").as_string());
  auto selection =
      record({field("id"), field("companyId"), relation("company", record({field("name")}))});
  auto by_domain = env->ok(create("person",
                                  R"({"emails": {"primaryEmail": "a@example.com"},
          "company": {"connect": {"where": {"domainName": {"primaryLinkUrl": "acme.example"}}}}})",
                                  selection, false));
  EXPECT_EQ(by_domain.at("companyId").as_string(), acme_id);
  EXPECT_EQ(by_domain.at("company").at("name"), "Acme");
  auto by_id = env->ok(create("person",
                              R"({"emails": {"primaryEmail": "b@example.com"},
                                  "company": {"connect": {"where": {"id": ")" +
                                  acme_id + R"("}}}})",
                              selection, false));
  EXPECT_EQ(by_id.at("companyId").as_string(), acme_id);
  const std::string person = std::string(by_id.at("id").as_string());
  auto disconnected =
      env->ok(update_one("person", person, R"({"company": {"disconnect": true}})", selection));
  EXPECT_TRUE(disconnected.at("companyId").is_null());
  EXPECT_TRUE(disconnected.at("company").is_null());

  auto e = env->error(update_one("person", person,
                                 R"({"companyId": ")" + acme_id +
                                     R"(", "company": {"connect": {"where": {"id": ")" + acme_id +
                                     R"("}}}})",
                                 selection));
  EXPECT_EQ(e.message, "company and companyId cannot be both provided.");
  e = env->error(update_one(
      "person", person,
      R"({"company": {"connect": {"where": {"domainName": {"primaryLinkUrl": "none.example"}}}}})",
      selection));
  EXPECT_EQ(e.code, "BAD_USER_INPUT");
  EXPECT_EQ(e.message, "Expected 1 record to connect to company, but found 0.");
  e = env->error(update_one("person", person,
                            R"({"company": {"connect": {"where": {"id": ")" + acme_id +
                                R"(", "domainName": {"primaryLinkUrl": "acme.example"}}}}})",
                            selection));
  EXPECT_EQ(e.message,
            "Too many fields provided for connect field 'company'. Only fields from one unique "
            "constraint are allowed.");
}
