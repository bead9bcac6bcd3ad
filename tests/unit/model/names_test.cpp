#include <gtest/gtest.h>

#include "model/names.hpp"

namespace {
using namespace cohort::model;

TEST(Names, GeneratedNamesCapitaliseOnlyTheFirstLetter) {
  const auto n = generated_names("workspaceMember", "workspaceMembers");
  EXPECT_EQ(n.object, "WorkspaceMember");
  EXPECT_EQ(n.filter_input, "WorkspaceMemberFilterInput");
  const auto p = generated_names("person", "people");
  EXPECT_EQ(p.find_many, "people");
  EXPECT_EQ(p.find_one, "person");
  EXPECT_EQ(p.create_many, "createPeople");
  EXPECT_EQ(p.order_by_input, "PersonOrderByInput");
  EXPECT_EQ(p.create_input, "PersonCreateInput");
  EXPECT_EQ(p.find_duplicates, "personDuplicates");
  EXPECT_EQ(p.merge_many, "mergePeople");
  EXPECT_EQ(select_enum_name("person", "workPreference"), "PersonWorkPreferenceEnum");
  EXPECT_EQ(join_column_name("company"), "companyId");
}

TEST(Names, ValidCamelCaseNamesPass) {
  for (auto name : {"pet", "weightKg", "field1", "field1Name", "address2", "myUrl", "a", "x1st"}) {
    EXPECT_FALSE(validate_metadata_name(name)) << name;
  }
}

TEST(Names, NotCamelCaseIsRejectedWithTwentysMessage) {
  for (auto name : {"Bad Name", "PascalCase", "snake_case", "myURL", "a1b", "NAME"}) {
    auto e = validate_metadata_name(name);
    ASSERT_TRUE(e) << name;
    EXPECT_EQ(e->code, name_error_code::not_camel_case) << name;
    EXPECT_EQ(e->message, std::string(name) + " should be in camelCase");
  }
}

TEST(Names, LodashCamelCaseSplitsLikeLodash) {
  EXPECT_EQ(lodash_camel_case("Bad Name"), "badName");
  EXPECT_EQ(lodash_camel_case("URLName"), "urlName");
  EXPECT_EQ(lodash_camel_case("field1"), "field1");
  EXPECT_EQ(lodash_camel_case("a1b"), "a1B");
  EXPECT_EQ(lodash_camel_case("snake_case_name"), "snakeCaseName");
  EXPECT_EQ(lodash_camel_case("the1stPlace"), "the1stPlace");
}

TEST(Names, ReservedKeywordsAreNotAvailable) {
  for (auto name : {"user", "workspaces", "position", "object", "index", "relation", "type"}) {
    auto e = validate_metadata_name(name);
    ASSERT_TRUE(e) << name;
    EXPECT_EQ(e->code, name_error_code::reserved_keyword);
    EXPECT_EQ(e->message, "The name \"" + std::string(name) + "\" is not available");
    EXPECT_EQ(e->user_friendly_message, "This name is not available.");
  }
  EXPECT_FALSE(is_reserved_keyword("person"));
}

TEST(Names, CharactersAndLengthAreChecked) {
  auto e = validate_metadata_name("");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->code, name_error_code::invalid_string);
  EXPECT_EQ(e->message,
            "String \"\" is not valid: must start with lowercase letter and contain only "
            "alphanumeric letters");
  const std::string long_name = "a" + std::string(63, 'b');
  e = validate_metadata_name(long_name);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->code, name_error_code::too_long);
  EXPECT_EQ(e->message, "String \"" + long_name + "\" exceeds 63 characters limit");
  EXPECT_FALSE(validate_metadata_name(std::string(63, 'a')));
  e = validate_metadata_name("caf\xC3\xA9");
  ASSERT_TRUE(e);
}

TEST(Names, SingularAndPluralMustDiffer) {
  auto e = validate_object_names("sheep", "sheep");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->code, name_error_code::singular_equals_plural);
  EXPECT_FALSE(validate_object_names("pet", "pets"));
  e = validate_object_names("pet", "Pets");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->code, name_error_code::not_camel_case);
}

}  // namespace
