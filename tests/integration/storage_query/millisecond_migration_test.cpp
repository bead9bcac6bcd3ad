// Migration 0025 on a database made before it: every workspace table's timestamptz columns become
// timestamptz(3) (values rounded to the millisecond), and spare schemas made with the former DDL
// are dropped (their fingerprint can never be claimed again).
#include <gtest/gtest.h>

#include <string>

#include "query_env.hpp"
#include "storage/migrations/migrator.hpp"

using namespace cohort::testing::query;

TEST(StorageMillisecondMigration, OlderWorkspaceTablesAndSparesAreBroughtToMilliseconds) {
  auto env = query_env::create("sq_ms_migration");
  const std::string person = "\"" + env->schema + "\".person";
  auto column_type = [&](const std::string& column) {
    return env->sql("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = '" +
                    person + "'::regclass AND attname = '" + column + "'");
  };
  // The workspace as Cohort made it before: microsecond columns, a microsecond value, a spare.
  env->sql("INSERT INTO core.workspace (subdomain, database_schema) VALUES ('msmigration', '" +
           env->schema + "')");
  env->sql("ALTER TABLE " + person +
           " ALTER COLUMN \"createdAt\" TYPE timestamptz, ALTER COLUMN \"deletedAt\" TYPE "
           "timestamptz");
  env->sql("INSERT INTO " + person +
           " (\"createdAt\", position) VALUES ('2024-06-01 12:00:00.987654+00', 1)");
  ASSERT_EQ(column_type("createdAt"), "timestamp with time zone");
  env->sql("CREATE SCHEMA workspace_spare_0025test");
  env->sql("CREATE TABLE workspace_spare_0025test.person (\"createdAt\" timestamptz)");
  env->sql(
      "INSERT INTO core.spare_schema (name, fingerprint) VALUES "
      "('workspace_spare_0025test', 'former')");
  env->sql("DELETE FROM core.migrations WHERE version = 25");

  auto migrated = cohort::storage::migrations::run_migrations(*env->pool);
  ASSERT_TRUE(migrated.ok()) << migrated.error->message;
  ASSERT_EQ(migrated.applied.size(), 1u);
  EXPECT_EQ(migrated.applied[0].version, 25);

  EXPECT_EQ(column_type("createdAt"), "timestamp(3) with time zone");
  EXPECT_EQ(column_type("deletedAt"), "timestamp(3) with time zone");
  EXPECT_EQ(column_type("updatedAt"), "timestamp(3) with time zone");
  EXPECT_EQ(env->sql("SELECT to_char(\"createdAt\" AT TIME ZONE 'UTC', 'HH24:MI:SS.US') FROM " +
                     person + " WHERE position = 1"),
            "12:00:00.988000");
  EXPECT_EQ(env->sql("SELECT count(*) FROM pg_namespace WHERE nspname = "
                     "'workspace_spare_0025test'"),
            "0");
  EXPECT_EQ(env->sql("SELECT count(*) FROM core.spare_schema"), "0");
}
