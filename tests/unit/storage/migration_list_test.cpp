#include "storage/migrations/migration.hpp"

#include <gtest/gtest.h>

namespace mig = cohort::storage::migrations;

TEST(MigrationList, CoreListIsWellFormedAndStartsAtVersionOne) {
  const auto& set = mig::core_migration_set();
  EXPECT_EQ(set.schema, "core");
  ASSERT_FALSE(set.migrations.empty());
  EXPECT_EQ(mig::validate(set.migrations), std::nullopt);
  EXPECT_EQ(set.migrations.front().version, 1);
  EXPECT_EQ(set.migrations.front().name, "core_schema");
}

TEST(MigrationList, FirstMigrationCreatesThePlatformTables) {
  auto sql = mig::core_migration_set().migrations.front().sql;
  for (const char* table :
       {"core.workspace", "core.\"user\"", "core.user_workspace", "core.key_value_pair"}) {
    EXPECT_NE(sql.find(std::string("CREATE TABLE ") + table), std::string_view::npos) << table;
  }
}

TEST(MigrationList, ChecksumIsStableAndSensitiveToAnyChange) {
  EXPECT_EQ(mig::migration_checksum("CREATE TABLE t (id int)"),
            mig::migration_checksum("CREATE TABLE t (id int)"));
  EXPECT_NE(mig::migration_checksum("CREATE TABLE t (id int)"),
            mig::migration_checksum("CREATE TABLE t (id bigint)"));
  EXPECT_NE(mig::migration_checksum("a"), mig::migration_checksum("a "));
  EXPECT_EQ(mig::migration_checksum("").size(), 16u);
  EXPECT_EQ(mig::migration_checksum(""), "cbf29ce484222325");  // FNV-1a 64 offset basis
}

TEST(MigrationList, RejectsVersionsThatDoNotIncrease) {
  EXPECT_NE(mig::validate({{1, "a", "SELECT 1"}, {1, "b", "SELECT 1"}}), std::nullopt);
  EXPECT_NE(mig::validate({{2, "a", "SELECT 1"}, {1, "b", "SELECT 1"}}), std::nullopt);
}

TEST(MigrationList, RejectsNonPositiveVersionsAndMissingNames) {
  EXPECT_NE(mig::validate({{0, "a", "SELECT 1"}}), std::nullopt);
  EXPECT_NE(mig::validate({{1, "", "SELECT 1"}}), std::nullopt);
}

TEST(MigrationList, AcceptsGapsBetweenVersions) {
  EXPECT_EQ(mig::validate({{1, "a", "SELECT 1"}, {5, "b", "SELECT 1"}}), std::nullopt);
}
