// The protective limits of validate(): Twenty's messages, fragments expanded, introspection
// fields not counted, defaults as Twenty's (2000 fields, 20 root fields, duplicate roots refused),
// and a limit failure answering alone, before any rule runs.
#include <gtest/gtest.h>

#include "validation_support.hpp"

namespace cohort::graphql::validation {
namespace {

using testing::check;
using V = std::vector<std::string>;

std::string many_root_fields(int n) {
  std::string doc = "{";
  for (int i = 0; i < n; ++i) doc += std::string(" a") + std::to_string(i) + ": scalar";
  return doc + " }";
}

TEST(ValidationLimits, RootFieldsDefaultTwenty) {
  validate_options o;
  o.reject_duplicate_root_fields = false;  // the same root field, aliased
  EXPECT_EQ(check(many_root_fields(20), o), V{});
  EXPECT_EQ(check(many_root_fields(21), o),
            V{"Query too complex - Too many root resolvers requested: 21 - Maximum allowed root "
              "resolvers: 20"});
}

TEST(ValidationLimits, DuplicateRootResolverRefused) {
  EXPECT_EQ(check("{ a: dog { name } b: dog { name } }", validate_options{}),
            V{"Duplicate root resolver: \"dog\""});
  auto allowed = validate_options{};
  allowed.reject_duplicate_root_fields = false;
  EXPECT_EQ(check("{ a: dog { name } b: dog { name } }", allowed), V{});
}

TEST(ValidationLimits, FieldBudgetCountsThroughFragments) {
  validate_options o;
  o.max_fields = 5;
  // dog, name, mother, name, nickname = 5 fields: within.
  EXPECT_EQ(check("{ dog { ...F } }\nfragment F on Dog { name mother { name nickname } }", o), V{});
  // The same fragment spread twice counts twice.
  EXPECT_EQ(check("{ dog { ...F mother { ...F } } }\nfragment F on Dog { name nickname }", o),
            V{"Query too complex - Too many fields requested: 6 - Maximum allowed fields: 5"});
  // Introspection fields are free.
  EXPECT_EQ(check("{ __typename __schema { types { name } } dog { __typename name } }", o), V{});
}

TEST(ValidationLimits, DefaultFieldBudgetIs2000) {
  std::string doc = "{ dog {";
  for (int i = 0; i < 2000; ++i) doc += std::string(" n") + std::to_string(i) + ": name";
  doc += " } }";
  auto errors = check(doc, validate_options{});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0],
            "Query too complex - Too many fields requested: 2001 - Maximum allowed fields: 2000");
}

TEST(ValidationLimits, DepthAndAliases) {
  validate_options o;
  o.max_depth = 3;
  EXPECT_EQ(check("{ dog { mother { name } } }", o), V{});
  EXPECT_EQ(check("{ dog { mother { mother { name } } } }", o),
            V{"Query too complex - Too many nested fields requested: 4 - Maximum allowed nested "
              "fields: 3"});
  EXPECT_EQ(check("{ dog { ...F } }\nfragment F on Dog { mother { mother { name } } }", o),
            V{"Query too complex - Too many nested fields requested: 4 - Maximum allowed nested "
              "fields: 3"});
  validate_options a;
  a.max_aliases = 2;
  EXPECT_EQ(check("{ dog { x: name y: name } }", a), V{});
  EXPECT_EQ(check("{ dog { x: name y: name z: name } }", a),
            V{"Query too complex - Too many aliases requested: 3 - Maximum allowed aliases: 2"});
}

TEST(ValidationLimits, LimitErrorReplacesRuleErrors) {
  validate_options o;
  o.max_fields = 1;
  auto parsed = language::parse("{ nope { x } other }");
  auto errors = validate(*testing::harness_schema(), *parsed, o);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "GRAPHQL_VALIDATION_FAILED");
  EXPECT_TRUE(errors[0].locations.empty());
}

TEST(ValidationLimits, FragmentExplosionIsCountedNotExpanded) {
  // 2^30 fields once expanded; memoized per fragment, so counting is instant and saturating.
  std::string doc = "{ dog { ...F0 } }\nfragment F0 on Dog { name nickname }\n";
  for (int i = 1; i <= 30; ++i) {
    doc += std::string("fragment F") + std::to_string(i) + std::string(" on Dog { ...F") +
           std::to_string(i - 1) + " ...F" + std::to_string(i - 1) + " }\n";
  }
  doc.replace(doc.find("...F0 }"), 5, "...F30");
  auto errors = check(doc, validate_options{});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0],
            "Query too complex - Too many fields requested: 2147483649 - Maximum "
            "allowed fields: 2000");
}

TEST(ValidationLimits, FragmentCycleDoesNotHang) {
  auto errors =
      check("{ dog { ...A } }\nfragment A on Dog { name ...B }\nfragment B on Dog { ...A }",
            validate_options{});
  EXPECT_EQ(errors, V{"Cannot spread fragment \"A\" within itself via \"B\". @2:26,3:21"});
}

}  // namespace
}  // namespace cohort::graphql::validation

namespace cohort::graphql::validation {
namespace {

// graphql-js NoSchemaIntrospectionCustomRule's cases: every field of an introspection type is
// refused when an endpoint switches introspection off; __typename is not.
TEST(ValidationIntrospectionSwitch, RefusesSchemaAndTypeButNotTypename) {
  validate_options off;
  off.allow_introspection = false;
  using V = std::vector<std::string>;
  EXPECT_EQ(testing::check("{ __typename dog { __typename name } }", off), V{});
  EXPECT_EQ(testing::check("{ __schema { queryType { name } } }", off),
            (V{"GraphQL introspection has been disabled, but the requested query contained the "
               "field \"__schema\". @1:3",
               "GraphQL introspection has been disabled, but the requested query contained the "
               "field \"queryType\". @1:14"}));
  EXPECT_EQ(testing::check("{ __type(name: \"Dog\") { name } }", off),
            V{"GraphQL introspection has been disabled, but the requested query contained the "
              "field \"__type\". @1:3"});
  EXPECT_EQ(testing::check("{ __schema { queryType { name } } }", validate_options{}), V{});
}

}  // namespace
}  // namespace cohort::graphql::validation
