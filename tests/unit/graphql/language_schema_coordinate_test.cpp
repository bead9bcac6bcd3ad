// Schema coordinates: each of the five forms, printing back, and graphql-js's errors.
#include <gtest/gtest.h>

#include <vector>

#include "graphql/language/schema_coordinate.hpp"

namespace cohort::graphql::language {
namespace {

TEST(GraphqlSchemaCoordinate, ParsesEveryForm) {
  struct expectation {
    std::string_view source;
    schema_coordinate_kind kind;
    std::string_view name, member, argument;
  };
  for (const auto& [source, kind, name, member, argument] : std::vector<expectation>{
           {"Person", schema_coordinate_kind::type, "Person", "", ""},
           {"Person.emails", schema_coordinate_kind::member, "Person", "emails", ""},
           {"Query.people(filter:)", schema_coordinate_kind::argument, "Query", "people", "filter"},
           {"@include", schema_coordinate_kind::directive, "include", "", ""},
           {"@include(if:)", schema_coordinate_kind::directive_argument, "include", "", "if"},
       }) {
    auto c = parse_schema_coordinate(source);
    ASSERT_TRUE(c.ok()) << source << ": " << c.error().message;
    EXPECT_EQ(c->kind, kind) << source;
    EXPECT_EQ(c->name, name);
    EXPECT_EQ(c->member_name, member);
    EXPECT_EQ(c->argument_name, argument);
    EXPECT_EQ(print(*c), source);
  }
}

TEST(GraphqlSchemaCoordinate, RejectsWhitespaceAndExtraParts) {
  auto spaced = parse_schema_coordinate("Person .emails");
  ASSERT_FALSE(spaced.ok());
  EXPECT_EQ(spaced.error().message, "Syntax Error: Invalid character: \" \".");
  EXPECT_EQ(spaced.error().location, (source_location{1, 7}));
  auto extra = parse_schema_coordinate("Person.emails.primary");
  ASSERT_FALSE(extra.ok());
  EXPECT_EQ(extra.error().message, "Syntax Error: Expected <EOF>, found \".\".");
  auto argument_of_type = parse_schema_coordinate("Person(x:)");
  ASSERT_FALSE(argument_of_type.ok());
  EXPECT_EQ(argument_of_type.error().message, "Syntax Error: Expected <EOF>, found \"(\".");
}

}  // namespace
}  // namespace cohort::graphql::language
