// validate(): each specified rule with graphql-js 16's exact messages and locations, against the
// harness schema of validation_support.hpp (the oracle test compares hundreds more documents
// with graphql-js itself).
#include <gtest/gtest.h>

#include "validation_support.hpp"

namespace cohort::graphql::validation {
namespace {

using testing::check;
using V = std::vector<std::string>;

TEST(ValidationRules, ValidDocumentHasNoErrors) {
  EXPECT_EQ(check("query Q($id: ID) { human(id: $id) { name pets { name ... on Dog { barks } } } "
                  "dog { ...D } }\nfragment D on Dog { nickname mother { name } }"),
            V{});
}

TEST(ValidationRules, ExecutableDefinitions) {
  EXPECT_EQ(check("{ dog { name } }\ntype Cow { name: String }\nextend schema @onQuery"),
            (V{"The \"Cow\" definition is not executable. @2:1",
               "The schema definition is not executable. @3:1",
               "Directive \"@onQuery\" may not be used on SCHEMA. @3:15"}));
}

TEST(ValidationRules, OperationNamesAndAnonymous) {
  EXPECT_EQ(check("query A { scalar }\nquery A { scalar }"),
            V{"There can be only one operation named \"A\". @1:7,2:7"});
  EXPECT_EQ(check("{ scalar }\nquery B { scalar }"),
            V{"This anonymous operation must be the only defined operation. @1:1"});
}

TEST(ValidationRules, SingleFieldSubscriptions) {
  EXPECT_EQ(check("subscription S { tick dogAdded { name } }"),
            V{"Subscription \"S\" must select only one top level field. @1:23"});
  EXPECT_EQ(check("subscription { __typename }"),
            V{"Anonymous Subscription must not select an introspection top level field. @1:16"});
  EXPECT_EQ(check("subscription S { tick dogAdded @skip(if: true) { name } }"), V{});
}

TEST(ValidationRules, KnownTypeNamesSuggests) {
  EXPECT_EQ(check("query ($a: Strin, $b: Dgo) { scalar }"),
            (V{"Unknown type \"Strin\". Did you mean \"String\"? @1:12",
               "Unknown type \"Dgo\". Did you mean \"Dog\"? @1:23",
               "Variable \"$a\" is never used. @1:8", "Variable \"$b\" is never used. @1:19"}));
}

TEST(ValidationRules, FragmentsOnCompositeTypes) {
  EXPECT_EQ(check("{ dog { ...F ... on Boolean { x } } }\nfragment F on String { x }"),
            (V{"Fragment cannot condition on non composite type \"Boolean\". @1:21",
               "Fragment \"F\" cannot condition on non composite type \"String\". @2:15"}));
}

TEST(ValidationRules, VariablesAreInputTypes) {
  EXPECT_EQ(check("query ($a: Dog, $b: [CatOrDog!]) { scalar }"),
            (V{"Variable \"$a\" cannot be non-input type \"Dog\". @1:12",
               "Variable \"$b\" cannot be non-input type \"[CatOrDog!]\". @1:21",
               "Variable \"$a\" is never used. @1:8", "Variable \"$b\" is never used. @1:17"}));
}

TEST(ValidationRules, ScalarLeafs) {
  EXPECT_EQ(check("{ dog human { pets } scalar { x } }"),
            (V{"Field \"dog\" of type \"Dog\" must have a selection of subfields. Did you mean "
               "\"dog { ... }\"? @1:3",
               "Field \"pets\" of type \"[Pet]\" must have a selection of subfields. Did you mean "
               "\"pets { ... }\"? @1:15",
               "Field \"scalar\" must not have a selection since type \"String\" has no "
               "subfields. @1:29"}));
}

TEST(ValidationRules, FieldsOnCorrectTypeSuggestions) {
  EXPECT_EQ(check("{ dog { nam } }"),
            V{"Cannot query field \"nam\" on type \"Dog\". Did you mean \"name\"? @1:9"});
  EXPECT_EQ(check("{ pet { barks } catOrDog { name } }"),
            (V{"Cannot query field \"barks\" on type \"Pet\". Did you mean to use an inline "
               "fragment on \"Dog\"? @1:9",
               "Cannot query field \"name\" on type \"CatOrDog\". Did you mean to use an inline "
               "fragment on \"Being\", \"Pet\", \"Cat\", or \"Dog\"? @1:28"}));
  auto hidden = validate_options::graphql_js();
  hidden.hide_suggestions = true;
  EXPECT_EQ(check("{ dog { nam } }", hidden),
            V{"Cannot query field \"nam\" on type \"Dog\". @1:9"});
}

TEST(ValidationRules, FragmentNamesSpreadsAndCycles) {
  EXPECT_EQ(check("{ dog { ...A ...Nope } }\nfragment A on Dog { name }\nfragment A on Dog { "
                  "barks }\nfragment U on Dog { name }"),
            (V{"Unknown fragment \"Nope\". @1:17",
               "There can be only one fragment named \"A\". @2:10,3:10",
               "Fragment \"U\" is never used. @4:1"}));
  EXPECT_EQ(check("{ dog { ...A } }\nfragment A on Dog { ...B }\nfragment B on Dog { ...A }"),
            V{"Cannot spread fragment \"A\" within itself via \"B\". @2:21,3:21"});
  EXPECT_EQ(check("{ cat { ...D ... on Dog { name } } }\nfragment D on Dog { name }"),
            (V{"Fragment \"D\" cannot be spread here as objects of type \"Cat\" can never be of "
               "type \"Dog\". @1:9",
               "Fragment cannot be spread here as objects of type \"Cat\" can never be of type "
               "\"Dog\". @1:14"}));
}

TEST(ValidationRules, VariablesDefinedUsedAndPlaced) {
  EXPECT_EQ(check("query Q($a: Int, $a: Int, $u: Int) { complicatedArgs { intArgField(intArg: $b) "
                  "nonNullIntArgField(nonNullIntArg: $a) } }"),
            (V{"There can be only one variable named \"$a\". @1:10,1:19",
               "Variable \"$b\" is not defined by operation \"Q\". @1:76,1:1",
               "Variable \"$u\" is never used in operation \"Q\". @1:27",
               "Variable \"$a\" of type \"Int\" used in position expecting type \"Int!\". "
               "@1:18,1:114"}));
  EXPECT_EQ(check("query ($s: String) { complicatedArgs { oneOfArgField(oneOfArg: {a: $s}) } }"),
            V{"Variable \"$s\" is of type \"String\" but must be non-nullable to be used for OneOf "
              "Input Object \"OneOfInput\". @1:8,1:68"});
}

TEST(ValidationRules, DirectivesKnownPlacedUnique) {
  EXPECT_EQ(check("query @onField { dog @nope @onField @onField { name } }"),
            (V{"Directive \"@onField\" may not be used on QUERY. @1:7",
               // Uniqueness is checked on entering the field, before its directives are visited.
               "The directive \"@onField\" can only be used once at this location. @1:28,1:37",
               "Unknown directive \"@nope\". @1:22"}));
}

TEST(ValidationRules, ArgumentsKnownUniqueRequired) {
  EXPECT_EQ(check("{ dog { doesKnowCommand(dogComand: SIT) } }"),
            V{"Unknown argument \"dogComand\" on field \"Dog.doesKnowCommand\". Did you mean "
              "\"dogCommand\"? @1:25"});
  EXPECT_EQ(check("{ dog @include(iff: true) { name } }"),
            (V{"Unknown argument \"iff\" on directive \"@include\". Did you mean \"if\"? @1:16",
               "Directive \"@include\" argument \"if\" of type \"Boolean!\" is required, but it "
               "was not provided. @1:7"}));
  EXPECT_EQ(check("{ dog { isAtLocation(x: 1, x: 2) } complicatedArgs { multipleReqs(req2: 1) } }"),
            (V{"There can be only one argument named \"x\". @1:22,1:28",
               "Field \"multipleReqs\" argument \"req1\" of type \"Int!\" is required, but it was "
               "not provided. @1:54"}));
}

TEST(ValidationRules, ValuesOfCorrectType) {
  EXPECT_EQ(check("{ complicatedArgs { intArgField(intArg: \"3\") } }"),
            V{"Int cannot represent non-integer value: \"3\" @1:41"});
  EXPECT_EQ(check("{ dog { doesKnowCommand(dogCommand: SITT) } }"),
            V{"Value \"SITT\" does not exist in \"DogCommand\" enum. Did you mean the enum value "
              "\"SIT\"? @1:37"});
  EXPECT_EQ(check("{ complicatedArgs { complexArgField(complexArg: {intField: 1, intFeld: 2}) } }"),
            (V{"Field \"ComplexInput.requiredField\" of required type \"Boolean!\" was not "
               "provided. @1:49",
               "Field \"intFeld\" is not defined by type \"ComplexInput\". Did you mean "
               "\"intField\"? @1:63"}));
  EXPECT_EQ(check("{ complicatedArgs { nonNullIntArgField(nonNullIntArg: null) intArgField(intArg: "
                  "[1]) } }"),
            (V{"Expected value of type \"Int!\", found null. @1:55",
               "Int cannot represent non-integer value: [1] @1:81"}));
  EXPECT_EQ(check("{ complicatedArgs { oneOfArgField(oneOfArg: {a: \"x\", b: 1}) } }"),
            V{"OneOf Input Object \"OneOfInput\" must specify exactly one key. @1:45"});
}

TEST(ValidationRules, UniqueInputFieldNames) {
  EXPECT_EQ(
      check("{ complicatedArgs { complexArgField(complexArg: {requiredField: true, intField: 1, "
            "intField: 2}) } }"),
      V{"There can be only one input field named \"intField\". @1:71,1:84"});
}

TEST(ValidationRules, OverlappingFieldsCanBeMerged) {
  EXPECT_EQ(
      check("{ dog { name: nickname name } }"),
      V{"Fields \"name\" conflict because \"nickname\" and \"name\" are different fields. Use "
        "different aliases on the fields to fetch both if this was intentional. @1:9,1:24"});
  EXPECT_EQ(
      check("{ x: dog { y: name } x: dog { y: barks } }"),
      V{"Fields \"x\" conflict because subfields \"y\" conflict because \"name\" and \"barks\" "
        "are different fields. Use different aliases on the fields to fetch both if this "
        "was intentional. @1:3,1:12,1:22,1:31"});
  EXPECT_EQ(check("{ catOrDog { ... on Dog { v: barkVolume } ... on Cat { v: meows } } }"),
            V{"Fields \"v\" conflict because they return conflicting types \"Int\" and "
              "\"Boolean\". Use different aliases on the fields to fetch both if this was "
              "intentional. @1:27,1:56"});
  // Same field on two distinct object types with different arguments is fine.
  EXPECT_EQ(check("{ catOrDog { ... on Dog { name(surname: true) } ... on Cat { name } } }"), V{});
}

TEST(ValidationRules, MaxIntrospectionDepth) {
  EXPECT_EQ(
      check("{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }"),
      V{"Maximum introspection depth exceeded @1:3"});
}

TEST(ValidationRules, ErrorsCarryValidationFailedCode) {
  auto parsed = language::parse("{ nope }");
  auto errors = validate(*testing::harness_schema(), *parsed);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "GRAPHQL_VALIDATION_FAILED");
}

TEST(ValidationRules, MaxErrorsCap) {
  std::string doc = "{";
  for (int i = 0; i < 150; ++i) doc += std::string(" f") + std::to_string(i);
  doc += " }";
  auto errors = check(doc);
  ASSERT_EQ(errors.size(), 101u);
  EXPECT_EQ(errors[99], "Cannot query field \"f99\" on type \"Query\". @1:389");
  EXPECT_EQ(errors[100], "Too many validation errors, error limit reached. Validation aborted.");
  auto three = validate_options::graphql_js();
  three.max_errors = 3;
  auto capped = check(doc, three);
  ASSERT_EQ(capped.size(), 4u);
  EXPECT_EQ(capped[3], "Too many validation errors, error limit reached. Validation aborted.");
}

}  // namespace
}  // namespace cohort::graphql::validation
