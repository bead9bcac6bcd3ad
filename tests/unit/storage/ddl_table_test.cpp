#include <gtest/gtest.h>

#include <algorithm>

#include "model/standard/standard_objects.hpp"
#include "storage/ddl/table_ddl.hpp"

namespace ddl = cohort::storage::ddl;
namespace model = cohort::model;
namespace standard = cohort::model::standard;

namespace {

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

ddl::table_ddl table_of(std::string_view name) {
  const auto* object = standard::find_standard_object(name);
  EXPECT_NE(object, nullptr) << name;
  auto result = ddl::generate_table_ddl("ws", *object, standard::standard_objects());
  EXPECT_TRUE(result.ok()) << result.error;
  return *result.value;
}

}  // namespace

TEST(DdlTable, PersonTableHasSystemAndCompositeColumns) {
  auto person = table_of("person");
  EXPECT_EQ(person.table, "person");
  const auto& sql = person.create_table;
  EXPECT_TRUE(sql.starts_with("CREATE TABLE \"ws\".\"person\" (")) << sql;
  EXPECT_TRUE(contains(sql, "\"id\" uuid NOT NULL DEFAULT gen_random_uuid()")) << sql;
  EXPECT_TRUE(contains(sql, "PRIMARY KEY (\"id\")")) << sql;
  EXPECT_TRUE(contains(sql, "\"createdAt\" timestamptz(3) NOT NULL DEFAULT now()")) << sql;
  EXPECT_TRUE(contains(sql, "\"deletedAt\" timestamptz(3),")) << sql;
  EXPECT_TRUE(contains(sql, "\"position\" float8 NOT NULL DEFAULT 0")) << sql;
  EXPECT_TRUE(contains(sql, "\"nameFirstName\" text DEFAULT ''")) << sql;
  // A LINKS/EMAILS/PHONES subfield may hold NULL even in a required composite (Twenty stores
  // NULL in the parts an input leaves out).
  EXPECT_TRUE(contains(sql, "\"emailsPrimaryEmail\" text DEFAULT '',")) << sql;
  EXPECT_TRUE(contains(sql, "\"createdBySource\" \"ws\".\"person_createdBySource_enum\"")) << sql;
  EXPECT_TRUE(contains(sql, "\"searchVector\" tsvector")) << sql;
  EXPECT_TRUE(contains(sql, "\"companyId\" uuid")) << sql;
  EXPECT_FALSE(contains(sql, "\"taskTargets")) << sql;  // one-to-many: no column
  ASSERT_EQ(person.create_types.size(), 1u);
  EXPECT_TRUE(
      contains(person.create_types[0], "CREATE TYPE \"ws\".\"person_createdBySource_enum\""));
}

TEST(DdlTable, ForeignKeysCarryOnDelete) {
  auto person = table_of("person");
  ASSERT_EQ(person.foreign_keys.size(), 1u);
  EXPECT_EQ(person.foreign_keys[0],
            "ALTER TABLE \"ws\".\"person\" ADD CONSTRAINT \"FK_person_companyId\" FOREIGN KEY "
            "(\"companyId\") REFERENCES \"ws\".\"company\" (\"id\") ON DELETE SET NULL");
  auto attachment = table_of("attachment");
  EXPECT_TRUE(std::any_of(attachment.foreign_keys.begin(), attachment.foreign_keys.end(),
                          [](const std::string& fk) {
                            return contains(fk, "(\"personId\") REFERENCES \"ws\".\"person\"") &&
                                   fk.ends_with("ON DELETE CASCADE");
                          }));
}

TEST(DdlTable, IndexesUniqueAmongLiveRowsAndGinOnSearchVector) {
  auto person = table_of("person");
  bool unique_email = false, gin = false, company = false;
  for (const auto& index : person.indexes) {
    if (contains(index, "CREATE UNIQUE INDEX") && contains(index, "(\"emailsPrimaryEmail\")") &&
        index.ends_with("WHERE \"emailsPrimaryEmail\" <> '' AND \"deletedAt\" IS NULL")) {
      unique_email = true;
    }
    if (contains(index, "USING GIN (\"searchVector\")")) gin = true;
    if (contains(index, "(\"companyId\")")) company = true;
  }
  EXPECT_TRUE(unique_email);
  EXPECT_TRUE(gin);
  EXPECT_TRUE(company);
}

TEST(DdlTable, CustomObjectsGetAnUnderscoreTable) {
  auto object = *standard::find_standard_object("company");
  object.is_custom = true;
  object.name_singular = "rocket";
  auto result = ddl::generate_table_ddl("ws", object, {});
  ASSERT_TRUE(result.ok()) << result.error;
  EXPECT_EQ(result.value->table, "_rocket");
  EXPECT_TRUE(result.value->create_table.starts_with("CREATE TABLE \"ws\".\"_rocket\" ("));
  EXPECT_TRUE(contains(result.value->create_types[0], "\"_rocket_createdBySource_enum\""));
}

TEST(DdlTable, RefusesInjectedNamesAsAnErrorValue) {
  auto object = *standard::find_standard_object("person");
  object.fields[0].name = "x\" text); DROP SCHEMA public CASCADE; --";
  auto result = ddl::generate_table_ddl("ws", object, {});
  EXPECT_FALSE(result.ok());
  EXPECT_TRUE(contains(result.error, "invalid SQL identifier")) << result.error;

  auto renamed = *standard::find_standard_object("person");
  renamed.name_singular = "person; DROP";
  EXPECT_FALSE(ddl::generate_table_ddl("ws", renamed, {}).ok());
  EXPECT_FALSE(
      ddl::generate_table_ddl("bad schema", *standard::find_standard_object("person"), {}).ok());

  auto where = *standard::find_standard_object("person");
  for (auto& index : where.indexes) {
    if (index.is_unique) index.where_clause = "true; DROP TABLE x";
  }
  EXPECT_FALSE(ddl::generate_table_ddl("ws", where, {}).ok());
}

TEST(DdlTable, WholeStandardSchemaOrdersTypesTablesForeignKeysIndexes) {
  auto result = ddl::generate_schema_ddl("ws", standard::standard_objects());
  ASSERT_TRUE(result.ok()) << result.error;
  EXPECT_EQ(result.value->tables.size(), standard::standard_objects().size());
  auto statements = result.value->statements();
  auto rank = [](const std::string& s) {
    if (s.starts_with("CREATE TYPE")) return 0;
    if (s.starts_with("CREATE TABLE")) return 1;
    if (s.starts_with("ALTER TABLE")) return 2;
    return 3;
  };
  EXPECT_TRUE(std::is_sorted(statements.begin(), statements.end(),
                             [&](const auto& a, const auto& b) { return rank(a) < rank(b); }));
  EXPECT_GT(statements.size(), 100u);
}
