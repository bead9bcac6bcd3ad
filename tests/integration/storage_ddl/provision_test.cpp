// Provisions real workspace schemas on the test binary's private PostgreSQL and checks, through
// information_schema and pg_catalog, what a user of the database would see.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <future>
#include <map>
#include <mutex>
#include <set>

#include "fixtures/postgres_server.hpp"
#include "model/standard/standard_objects.hpp"
#include "storage/ddl/table_ddl.hpp"
#include "storage/ddl/workspace_provisioner.hpp"
#include "storage/migrations/migrator.hpp"
#include "storage/pg/pool.hpp"

namespace ddl = cohort::storage::ddl;
namespace pg = cohort::storage::pg;
namespace model = cohort::model;
namespace standard = cohort::model::standard;
using cohort::testing::postgres_server;

namespace {

constexpr const char* kWorkspace = "20202020-1c25-4d02-bf25-6aeccf7ea419";
constexpr const char* kSchema = "workspace_1wgvd1injqtife6y4rvfbu3h5";

std::shared_ptr<pg::pool> pool_for(const std::string& database, std::size_t connections = 4) {
  pg::pool_options options;
  options.conninfo = postgres_server::shared().create_database(database);
  options.max_connections = connections;
  auto pool = pg::pool::create(options);
  // The core schema holds what workspace tables use (core.unaccent_immutable for searchVector).
  auto migrated = cohort::storage::migrations::run_migrations(*pool);
  EXPECT_TRUE(migrated.ok()) << migrated.error->message;
  return pool;
}

std::string one(pg::pool& pool, const std::string& sql, pg::params args = {}) {
  auto r = pool.query_sync(sql, std::move(args), false);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : pg::describe(r.error())) << "\n" << sql;
  if (!r.ok() || r.rows() == 0) return "<none>";
  return std::string(r.get(0, 0));
}

bool schema_exists(pg::pool& pool, const std::string& schema) {
  return one(pool, "SELECT count(*) FROM information_schema.schemata WHERE schema_name = $1",
             {schema}) == "1";
}

// The udt_name information_schema reports for a column type the generator wrote.
std::string expected_udt(const std::string& type_sql) {
  std::string base = type_sql;
  bool array = false;
  if (base.ends_with("[]")) {
    array = true;
    base.resize(base.size() - 2);
  }
  if (auto paren = base.find('('); paren != std::string::npos) {
    base.resize(paren);  // timestamptz(3): the precision is not part of the udt name
  }
  if (auto dot = base.find("\".\""); dot != std::string::npos) {
    base = base.substr(dot + 3, base.size() - dot - 4);  // "schema"."name" -> name
  }
  return array ? "_" + base : base;
}

}  // namespace

TEST(StorageDdl, ProvisionsEveryStandardTableColumnForeignKeyAndIndex) {
  auto pool = pool_for("ddl_full");
  const auto objects = standard::standard_objects();
  auto result = ddl::provision_sync(*pool, kWorkspace, objects);
  ASSERT_TRUE(result.ok()) << *result.error;
  EXPECT_EQ(result.schema, kSchema);

  auto expected = ddl::generate_schema_ddl(kSchema, objects);
  ASSERT_TRUE(expected.ok());

  // Every table and every column, with its type, nullability and (where set) a default.
  auto cols = pool->query_sync(
      "SELECT table_name, column_name, udt_name, is_nullable, column_default IS NOT NULL "
      "FROM information_schema.columns WHERE table_schema = $1",
      {kSchema}, false);
  ASSERT_TRUE(cols.ok());
  std::map<std::pair<std::string, std::string>, std::tuple<std::string, bool, bool>> actual;
  for (int r = 0; r < cols.rows(); ++r) {
    actual[{std::string(cols.get(r, 0)), std::string(cols.get(r, 1))}] = {
        std::string(cols.get(r, 2)), cols.get(r, 3) == "NO", cols.get(r, 4) == "t"};
  }
  std::size_t column_count = 0, fk_count = 0, index_count = 0;
  for (const auto& table : expected.value->tables) {
    for (const auto& col : table.columns) {
      ++column_count;
      auto it = actual.find({table.table, col.name});
      ASSERT_NE(it, actual.end()) << table.table << "." << col.name;
      EXPECT_EQ(std::get<0>(it->second), expected_udt(col.type_sql))
          << table.table << "." << col.name;
      EXPECT_EQ(std::get<1>(it->second), col.not_null) << table.table << "." << col.name;
      EXPECT_EQ(std::get<2>(it->second), col.default_sql.has_value())
          << table.table << "." << col.name;
    }
    fk_count += table.foreign_keys.size();
    index_count += table.indexes.size();
  }
  EXPECT_EQ(actual.size(), column_count);
  EXPECT_EQ(one(*pool,
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = $1 AND "
                "table_type = 'BASE TABLE'",
                {kSchema}),
            std::to_string(objects.size()));

  // Spot checks written out by hand, independent of the generator's own column list.
  auto udt = [&](const char* table, const char* column) {
    return std::get<0>(actual[{table, column}]);
  };
  EXPECT_EQ(udt("person", "id"), "uuid");
  EXPECT_EQ(udt("person", "nameFirstName"), "text");
  EXPECT_EQ(udt("person", "emailsPrimaryEmail"), "text");
  EXPECT_EQ(udt("person", "emailsAdditionalEmails"), "jsonb");
  EXPECT_EQ(udt("person", "companyId"), "uuid");
  EXPECT_EQ(udt("person", "createdAt"), "timestamptz");
  EXPECT_EQ(udt("person", "position"), "float8");
  EXPECT_EQ(udt("person", "searchVector"), "tsvector");
  EXPECT_EQ(udt("person", "createdBySource"), "person_createdBySource_enum");
  EXPECT_EQ(udt("opportunity", "amountAmountMicros"), "numeric");
  EXPECT_EQ(udt("opportunity", "amountCurrencyCode"), "text");
  EXPECT_EQ(udt("opportunity", "stage"), "opportunity_stage_enum");
  EXPECT_EQ(udt("company", "addressAddressCity"), "text");
  EXPECT_EQ(udt("company", "domainNamePrimaryLinkUrl"), "text");
  EXPECT_EQ(one(*pool,
                "SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_enum e "
                "JOIN pg_type t ON t.oid = e.enumtypid JOIN pg_namespace n ON n.oid = "
                "t.typnamespace WHERE n.nspname = $1 AND t.typname = 'person_createdBySource_enum'",
                {kSchema}),
            "EMAIL,CALENDAR,WORKFLOW,API,IMPORT,MANUAL,SYSTEM,WEBHOOK");

  // Primary keys and foreign keys with their ON DELETE.
  EXPECT_EQ(one(*pool,
                "SELECT count(*) FROM pg_constraint c JOIN pg_namespace n ON n.oid = "
                "c.connamespace WHERE n.nspname = $1 AND c.contype = 'p'",
                {kSchema}),
            std::to_string(objects.size()));
  EXPECT_EQ(one(*pool,
                "SELECT count(*) FROM pg_constraint c JOIN pg_namespace n ON n.oid = "
                "c.connamespace WHERE n.nspname = $1 AND c.contype = 'f'",
                {kSchema}),
            std::to_string(fk_count));
  EXPECT_GT(fk_count, 30u);
  const std::string fk_sql =
      "SELECT c.confdeltype::text || ':' || c.confrelid::regclass::text FROM pg_constraint c "
      "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] "
      "WHERE c.contype = 'f' AND c.conrelid = $1::regclass AND a.attname = $2";
  EXPECT_EQ(one(*pool, fk_sql, {std::string(kSchema) + ".person", "companyId"}),
            std::string("n:") + kSchema + ".company");  // SET NULL
  EXPECT_EQ(one(*pool, fk_sql, {std::string(kSchema) + ".attachment", "personId"}),
            std::string("c:") + kSchema + ".person");  // CASCADE
  EXPECT_EQ(one(*pool, fk_sql, {std::string(kSchema) + ".\"noteTarget\"", "noteId"}).substr(0, 2),
            "c:");

  // Indexes: all of them, the unique ones partial on live rows, GIN on searchVector.
  EXPECT_EQ(one(*pool,
                "SELECT count(*) FROM pg_indexes WHERE schemaname = $1 AND indexname NOT LIKE "
                "'PK\\_%'",
                {kSchema}),
            std::to_string(index_count));
  EXPECT_EQ(one(*pool,
                "SELECT count(*) FROM pg_indexes WHERE schemaname = $1 AND tablename = 'person' "
                "AND indexdef LIKE 'CREATE UNIQUE INDEX %(\"emailsPrimaryEmail\") WHERE "
                "((\"emailsPrimaryEmail\" <> %) AND (\"deletedAt\" IS NULL))'",
                {kSchema}),
            "1");
  EXPECT_EQ(one(*pool,
                "SELECT count(*) FROM pg_indexes WHERE schemaname = $1 AND tablename = 'company' "
                "AND indexdef LIKE 'CREATE UNIQUE INDEX %(\"domainNamePrimaryLinkUrl\") WHERE %'",
                {kSchema}),
            "1");
  EXPECT_EQ(one(*pool,
                "SELECT count(*) FROM pg_indexes WHERE schemaname = $1 AND tablename = 'person' "
                "AND indexdef LIKE '%USING gin (\"searchVector\")'",
                {kSchema}),
            "1");
}

TEST(StorageDdl, RecordsRoundTripThroughCompositeColumnsForeignKeysAndCascades) {
  auto pool = pool_for("ddl_records");
  ASSERT_TRUE(ddl::provision_sync(*pool, kWorkspace, standard::standard_objects()).ok());
  const std::string s = std::string("\"") + kSchema + "\".";
  const std::string company =
      one(*pool, "INSERT INTO " + s +
                     "\"company\" (\"name\", \"domainNamePrimaryLinkUrl\", \"employees\") "
                     "VALUES ('Acme', 'https://acme.test', 12) RETURNING \"id\"");
  const std::string person =
      one(*pool,
          "INSERT INTO " + s +
              "\"person\" (\"nameFirstName\", \"nameLastName\", \"emailsPrimaryEmail\", "
              "\"emailsAdditionalEmails\", \"companyId\") VALUES ($1, $2, $3, $4::jsonb, "
              "$5::uuid) RETURNING \"id\"",
          {"Ada", "Lovelace", "ada@acme.test", R"(["ada@home.test"])", company});
  ASSERT_EQ(person.size(), 36u);

  auto row = pool->query_sync(
      "SELECT p.\"nameFirstName\", p.\"nameLastName\", p.\"emailsPrimaryEmail\", "
      "p.\"emailsAdditionalEmails\"->>0, c.\"name\", p.\"createdBySource\"::text, "
      "p.\"createdByName\", p.\"position\", p.\"createdAt\" IS NOT NULL, p.\"deletedAt\" IS NULL "
      "FROM " +
          s + "\"person\" p JOIN " + s +
          "\"company\" c ON c.\"id\" = p.\"companyId\" "
          "WHERE p.\"id\" = $1",
      {person}, false);
  ASSERT_TRUE(row.ok()) << pg::describe(row.error());
  ASSERT_EQ(row.rows(), 1);
  const std::vector<std::string> want = {"Ada",  "Lovelace", "ada@acme.test", "ada@home.test",
                                         "Acme", "MANUAL",   "System",        "0",
                                         "t",    "t"};
  for (int c = 0; c < row.columns(); ++c) EXPECT_EQ(row.get(0, c), want[c]) << c;

  // A join column pointing nowhere is refused by the foreign key.
  auto dangling = pool->query_sync(
      "INSERT INTO " + s + "\"person\" (\"companyId\") VALUES (gen_random_uuid())", {}, false);
  ASSERT_FALSE(dangling.ok());
  EXPECT_EQ(dangling.error().sqlstate, "23503");

  // Unique e-mail among live rows: a second live person is refused, a deleted one is not.
  auto duplicate = pool->query_sync(
      "INSERT INTO " + s + "\"person\" (\"emailsPrimaryEmail\") VALUES ('ada@acme.test')", {},
      false);
  ASSERT_FALSE(duplicate.ok());
  EXPECT_EQ(duplicate.error().sqlstate, "23505");
  EXPECT_TRUE(pool->query_sync("INSERT INTO " + s +
                                   "\"person\" (\"emailsPrimaryEmail\", \"deletedAt\") VALUES "
                                   "('ada@acme.test', now())",
                               {}, false)
                  .ok());

  // ON DELETE CASCADE (attachment.person) and SET NULL (person.company).
  one(*pool,
      "INSERT INTO " + s +
          "\"attachment\" (\"name\", \"personId\") VALUES ('cv', $1::uuid) "
          "RETURNING \"id\"",
      {person});
  EXPECT_EQ(one(*pool, "SELECT count(*) FROM " + s + "\"attachment\""), "1");
  EXPECT_EQ(one(*pool, "DELETE FROM " + s + "\"company\" RETURNING 1"), "1");
  EXPECT_EQ(one(*pool, "SELECT \"companyId\" IS NULL FROM " + s + "\"person\" WHERE \"id\" = $1",
                {person}),
            "t");
  EXPECT_EQ(one(*pool, "DELETE FROM " + s + "\"person\" WHERE \"id\" = $1 RETURNING 1", {person}),
            "1");
  EXPECT_EQ(one(*pool, "SELECT count(*) FROM " + s + "\"attachment\""), "0");
}

TEST(StorageDdl, FailureHalfWayLeavesNothingBehind) {
  auto pool = pool_for("ddl_failure");
  std::vector<model::object_metadata> objects(standard::standard_objects().begin(),
                                              standard::standard_objects().end());
  // Valid DDL until its foreign key, which names a table that does not exist: PostgreSQL fails
  // after every CREATE TYPE and CREATE TABLE has run.
  auto broken = *standard::find_standard_object("noteTarget");
  broken.name_singular = "brokenTarget";
  broken.id = "broken";
  for (auto& index : broken.indexes) index.name += "_broken";
  for (auto& field : broken.fields) {
    if (field.is_many_to_one() && field.name == "note") {
      field.relation->target_object_id = "missing";
      field.relation->target_object_name = "missingObject";
    }
  }
  objects.push_back(broken);
  auto result = ddl::provision_sync(*pool, kWorkspace, objects);
  ASSERT_FALSE(result.ok());
  ASSERT_TRUE(result.db_error.has_value()) << *result.error;
  EXPECT_EQ(result.db_error->sqlstate, "42P01") << *result.error;  // undefined_table
  EXPECT_FALSE(schema_exists(*pool, kSchema));
  EXPECT_EQ(
      one(*pool, "SELECT count(*) FROM pg_type WHERE typname = 'person_createdBySource_enum'"),
      "0");

  // Metadata refused before anything reaches PostgreSQL.
  auto bad_name = objects;
  bad_name.pop_back();
  bad_name[0].fields[0].name = "x\" text); DROP SCHEMA public CASCADE; --";
  auto refused = ddl::provision_sync(*pool, kWorkspace, bad_name);
  ASSERT_FALSE(refused.ok());
  EXPECT_FALSE(refused.db_error.has_value());
  EXPECT_FALSE(schema_exists(*pool, kSchema));
  EXPECT_TRUE(schema_exists(*pool, "public"));
  EXPECT_FALSE(ddl::provision_sync(*pool, "not-a-uuid", bad_name).ok());

  // The same workspace provisions cleanly afterwards, and a second time is refused intact.
  ASSERT_TRUE(ddl::provision_sync(*pool, kWorkspace, standard::standard_objects()).ok());
  auto again = ddl::provision_sync(*pool, kWorkspace, standard::standard_objects());
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.db_error->sqlstate, "42P06");  // duplicate_schema
  EXPECT_TRUE(schema_exists(*pool, kSchema));
}

TEST(StorageDdl, TwoWorkspacesProvisionInParallelAndDrop) {
  auto pool = pool_for("ddl_parallel");
  const std::vector<std::string> ids = {"3b8e6458-5fc1-4e63-8563-008ccddaa6db",
                                        "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9"};
  std::mutex m;
  std::condition_variable cv;
  std::vector<ddl::provision_result> results;
  for (const auto& id : ids) {
    ddl::provision(*pool, id, standard::standard_objects(), [&](ddl::provision_result r) {
      std::lock_guard lock(m);
      results.push_back(std::move(r));
      cv.notify_all();
    });
  }
  {
    std::unique_lock lock(m);
    ASSERT_TRUE(cv.wait_for(lock, std::chrono::seconds(60), [&] { return results.size() == 2; }));
  }
  std::set<std::string> schemas;
  for (const auto& r : results) {
    ASSERT_TRUE(r.ok()) << *r.error;
    schemas.insert(r.schema);
  }
  EXPECT_EQ(schemas, (std::set<std::string>{"workspace_3ixj3i1a5avy16ptijtb3lae3",
                                            *ddl::schema_name_for(ids[1])}));
  for (const auto& schema : schemas) {
    EXPECT_EQ(one(*pool, "SELECT count(*) FROM information_schema.tables WHERE table_schema = $1",
                  {schema}),
              std::to_string(standard::standard_objects().size()));
  }

  // Dropping one leaves the other; dropping again is harmless.
  ASSERT_TRUE(ddl::drop_workspace_schema_sync(*pool, ids[0]).ok());
  EXPECT_FALSE(schema_exists(*pool, *ddl::schema_name_for(ids[0])));
  EXPECT_TRUE(schema_exists(*pool, *ddl::schema_name_for(ids[1])));
  EXPECT_TRUE(ddl::drop_workspace_schema_sync(*pool, ids[0]).ok());
  std::promise<pg::result> dropped;
  ddl::drop_workspace_schema(*pool, ids[1], [&](pg::result r) { dropped.set_value(std::move(r)); });
  EXPECT_TRUE(dropped.get_future().get().ok());
  EXPECT_FALSE(schema_exists(*pool, *ddl::schema_name_for(ids[1])));
  EXPECT_FALSE(ddl::drop_workspace_schema_sync(*pool, "nope").ok());
}

TEST(StorageDdl, ProvisioningTimeForAllStandardObjects) {
  auto pool = pool_for("ddl_timing", 1);
  std::vector<double> ms;
  int statements = 0;
  for (int run = 0; run < 10; ++run) {
    auto r = ddl::provision_sync(*pool, kWorkspace, standard::standard_objects());
    ASSERT_TRUE(r.ok()) << *r.error;
    statements = r.statements;
    ms.push_back(r.elapsed.count() / 1000.0);
    ASSERT_TRUE(ddl::drop_workspace_schema_sync(*pool, kWorkspace).ok());
  }
  std::sort(ms.begin(), ms.end());
  std::printf(
      "[ figures ] ddl provisioning of %zu standard objects (%d statements, one "
      "transaction): p50 %.1f ms, min %.1f ms, max %.1f ms over %zu runs\n",
      standard::standard_objects().size(), statements, ms[ms.size() / 2], ms.front(), ms.back(),
      ms.size());
}
