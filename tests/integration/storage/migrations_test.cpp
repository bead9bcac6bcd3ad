// Migrations: applied once even when several nodes start together, recorded with checksums, and
// an edited migration is refused.
#include <gtest/gtest.h>

#include <thread>

#include "pool_test_support.hpp"
#include "storage/migrations/migrator.hpp"

namespace pg = cohort::storage::pg;
namespace mig = cohort::storage::migrations;
using namespace cohort::storage::testing;
using cohort::testing::postgres_server;

namespace {

std::shared_ptr<pg::pool> pool_on(const std::string& database) {
  return pg::pool::create(options_for(postgres_server::shared().create_database(database)));
}

std::shared_ptr<pg::pool> pool_on_existing(const std::string& database) {
  return pg::pool::create(options_for(postgres_server::shared().conninfo_for(database)));
}

mig::migration_set test_set(std::vector<mig::migration> list) {
  return mig::migration_set{"mig_test", std::move(list), 4242};
}

}  // namespace

TEST(Migrations, CoreMigrationsApplyOnceAndCreateTheCoreTables) {
  auto pool = pool_on("mig_core");
  auto first = mig::run_migrations(*pool);
  ASSERT_TRUE(first.ok()) << first.error->message;
  ASSERT_EQ(first.applied.size(), mig::core_migration_set().migrations.size());
  EXPECT_EQ(first.applied[0].version, 1);
  EXPECT_EQ(first.applied[0].name, "core_schema");
  EXPECT_EQ(first.schema_version, mig::core_migration_set().migrations.back().version);

  auto second = mig::run_migrations(*pool);
  ASSERT_TRUE(second.ok()) << second.error->message;
  EXPECT_TRUE(second.applied.empty());
  EXPECT_EQ(second.schema_version, first.schema_version);

  auto recorded = pool->query_sync(
      "SELECT version, name, checksum, applied_at IS NOT NULL FROM core.migrations");
  ASSERT_TRUE(recorded.ok()) << error_text(recorded);
  ASSERT_EQ(recorded.rows(), static_cast<int>(first.applied.size()));
  EXPECT_EQ(recorded.get(0, 1), "core_schema");
  EXPECT_EQ(recorded.get(0, 2),
            mig::migration_checksum(mig::core_migration_set().migrations[0].sql));
  EXPECT_EQ(recorded.get(0, 3), "t");

  // The tables work as the platform expects: e-mails lower-case and unique among live users.
  auto user = pool->query_sync("INSERT INTO core.\"user\" (email) VALUES ($1) RETURNING id",
                               {"ada@example.com"});
  ASSERT_TRUE(user.ok()) << error_text(user);
  auto upper =
      pool->query_sync("INSERT INTO core.\"user\" (email) VALUES ($1)", {"Ada@Example.com"});
  EXPECT_EQ(upper.ok() ? "" : upper.error().sqlstate, "23514");
  auto duplicate =
      pool->query_sync("INSERT INTO core.\"user\" (email) VALUES ($1)", {"ada@example.com"});
  EXPECT_EQ(duplicate.ok() ? "" : duplicate.error().sqlstate, "23505");
  auto workspace = pool->query_sync(
      "INSERT INTO core.workspace (display_name, subdomain) VALUES ($1, $2) "
      "RETURNING activation_status",
      {"Acme", "acme"});
  ASSERT_TRUE(workspace.ok()) << error_text(workspace);
  EXPECT_EQ(workspace.get(0, 0), "PENDING_CREATION");
}

TEST(Migrations, FourRunnersRacingApplyEachMigrationExactlyOnce) {
  pool_on("mig_race");  // creates the database
  std::vector<mig::migration> list = {
      {1, "first",
       "CREATE TABLE mig_test.counter (n int); INSERT INTO mig_test.counter VALUES (1)"},
      {2, "second", "SELECT pg_sleep(0.2); UPDATE mig_test.counter SET n = n + 1"},
      {3, "third", "UPDATE mig_test.counter SET n = n + 10"},
  };
  auto set = test_set(list);
  std::vector<mig::migration_report> reports(4);
  std::vector<std::thread> nodes;
  for (int node = 0; node < 4; ++node) {
    nodes.emplace_back([&, node] {
      auto pool = pool_on_existing("mig_race");  // each "node" has its own pool
      reports[node] = mig::run_migrations(*pool, set);
    });
  }
  for (auto& node : nodes) node.join();
  std::size_t applied = 0;
  for (const auto& report : reports) {
    ASSERT_TRUE(report.ok()) << report.error->message;
    applied += report.applied.size();
    EXPECT_EQ(report.schema_version, 3);
  }
  EXPECT_EQ(applied, 3u);
  auto pool = pool_on_existing("mig_race");
  auto counter = pool->query_sync("SELECT n FROM mig_test.counter");
  ASSERT_TRUE(counter.ok()) << error_text(counter);
  EXPECT_EQ(counter.get(0, 0), "12");  // 1, +1 once, +10 once
}

TEST(Migrations, AnEditedMigrationIsRefused) {
  auto pool = pool_on("mig_checksum");
  ASSERT_TRUE(
      mig::run_migrations(*pool, test_set({{1, "t", "CREATE TABLE mig_test.t (a int)"}})).ok());
  auto edited = mig::run_migrations(*pool, test_set({{1, "t", "CREATE TABLE mig_test.t (a bigint)"},
                                                     {2, "u", "CREATE TABLE mig_test.u (a int)"}}));
  ASSERT_FALSE(edited.ok());
  EXPECT_EQ(edited.error->code, mig::migration_errc::checksum_mismatch);
  EXPECT_EQ(edited.error->version, 1);
  EXPECT_NE(edited.error->message.find("changed"), std::string::npos) << edited.error->message;
  EXPECT_TRUE(edited.applied.empty());  // nothing after the mismatch ran
  auto u = pool->query_sync("SELECT to_regclass('mig_test.u') IS NULL");
  EXPECT_EQ(u.get(0, 0), "t");
}

TEST(Migrations, AFailingMigrationIsRolledBackAndStopsTheRun) {
  auto pool = pool_on("mig_fail");
  auto report = mig::run_migrations(
      *pool, test_set({{1, "ok", "CREATE TABLE mig_test.ok (a int)"},
                       {2, "broken", "CREATE TABLE mig_test.half (a int); SELECT 1/0"},
                       {3, "later", "CREATE TABLE mig_test.later (a int)"}}));
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error->code, mig::migration_errc::failed);
  EXPECT_EQ(report.error->version, 2);
  EXPECT_NE(report.error->message.find("22012"), std::string::npos) << report.error->message;
  ASSERT_EQ(report.applied.size(), 1u);
  EXPECT_EQ(report.schema_version, 1);
  auto tables = pool->query_sync(
      "SELECT to_regclass('mig_test.ok') IS NOT NULL, to_regclass('mig_test.half') IS NULL, "
      "to_regclass('mig_test.later') IS NULL");
  ASSERT_TRUE(tables.ok());
  EXPECT_EQ(tables.get(0, 0), "t");
  EXPECT_EQ(tables.get(0, 1), "t");  // half of migration 2 was rolled back
  EXPECT_EQ(tables.get(0, 2), "t");
}

TEST(Migrations, ADatabaseFromANewerCohortIsRefused) {
  auto pool = pool_on("mig_newer");
  ASSERT_TRUE(
      mig::run_migrations(*pool, test_set({{1, "a", "SELECT 1"}, {2, "b", "SELECT 2"}})).ok());
  auto older = mig::run_migrations(*pool, test_set({{1, "a", "SELECT 1"}}));
  ASSERT_FALSE(older.ok());
  EXPECT_EQ(older.error->code, mig::migration_errc::unknown_version);
  EXPECT_EQ(older.error->version, 2);
}

TEST(Migrations, NoConnectionIsADatabaseError) {
  cohort::testing::temp_dir empty;
  auto pool = pg::pool::create(options_for("host=" + empty.path().string() + " port=5432"));
  auto report = mig::run_migrations(*pool);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error->code, mig::migration_errc::database);
}
