// Which events a webhook's operations select (Twenty: person.created, *.created, person.*, *.*).
#include <gtest/gtest.h>

#include "api/webhooks/operation_matching.hpp"

using cohort::api::webhooks::any_operation_matches;
using cohort::api::webhooks::operation_matches;
using cohort::api::webhooks::operations_selecting;

TEST(WebhookOperations, ExactOperationSelectsOnlyThatEvent) {
  EXPECT_TRUE(operation_matches("person.created", "person", "created"));
  EXPECT_FALSE(operation_matches("person.created", "person", "updated"));
  EXPECT_FALSE(operation_matches("person.created", "company", "created"));
}

TEST(WebhookOperations, WildcardObjectSelectsTheActionOnEveryObject) {
  EXPECT_TRUE(operation_matches("*.created", "person", "created"));
  EXPECT_TRUE(operation_matches("*.created", "pet", "created"));
  EXPECT_FALSE(operation_matches("*.created", "person", "deleted"));
}

TEST(WebhookOperations, WildcardActionSelectsEveryActionOfTheObject) {
  EXPECT_TRUE(operation_matches("person.*", "person", "updated"));
  EXPECT_TRUE(operation_matches("person.*", "person", "destroyed"));
  EXPECT_FALSE(operation_matches("person.*", "company", "updated"));
}

TEST(WebhookOperations, DoubleWildcardSelectsEverything) {
  EXPECT_TRUE(operation_matches("*.*", "person", "created"));
  EXPECT_TRUE(operation_matches("*.*", "opportunity", "restored"));
}

TEST(WebhookOperations, MalformedOrDifferentlyCasedPatternsSelectNothing) {
  EXPECT_FALSE(operation_matches("person", "person", "created"));
  EXPECT_FALSE(operation_matches("*", "person", "created"));
  EXPECT_FALSE(operation_matches("person.created.x", "person", "created"));
  EXPECT_FALSE(operation_matches("", "person", "created"));
  EXPECT_FALSE(operation_matches("Person.created", "person", "created"));
  EXPECT_FALSE(operation_matches("person.Created", "person", "created"));
  EXPECT_FALSE(operation_matches("per*.created", "person", "created"));
}

TEST(WebhookOperations, AnyOfSeveralPatterns) {
  std::vector<std::string> ops{"company.updated", "person.deleted"};
  EXPECT_TRUE(any_operation_matches(ops, "person", "deleted"));
  EXPECT_FALSE(any_operation_matches(ops, "person", "updated"));
  EXPECT_FALSE(any_operation_matches({}, "person", "updated"));
}

TEST(WebhookOperations, TheSelectingPatternsAreTheFourTwentyLooksFor) {
  auto ops = operations_selecting("person", "created");
  EXPECT_EQ(ops, (std::vector<std::string>{"person.created", "*.created", "person.*", "*.*"}));
  for (const auto& op : ops) EXPECT_TRUE(operation_matches(op, "person", "created")) << op;
}
