// api/rate_limit: token buckets (capacity, continuous refill, Retry-After, separate keys, the key
// bound) and what the request gate reads of a GraphQL body (root response keys, sign-in e-mail).
#include <gtest/gtest.h>

#include "api/rate_limit/graphql_peek.hpp"
#include "api/rate_limit/token_buckets.hpp"

namespace {

using namespace std::chrono_literals;
using cohort::api::rate_limit::bucket_options;
using cohort::api::rate_limit::clock;
using cohort::api::rate_limit::token_buckets;
namespace rl = cohort::api::rate_limit;

TEST(TokenBuckets, CapacityThenRefusalWithRetryAfter) {
  token_buckets buckets(bucket_options{.capacity = 3, .period = 30s});
  auto t0 = clock::time_point{} + 1h;
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(buckets.take("k", t0).allowed);
  auto refused = buckets.take("k", t0);
  EXPECT_FALSE(refused.allowed);
  EXPECT_EQ(refused.retry_after, 10s);  // 3 per 30 s: one token every 10 s
  EXPECT_EQ(buckets.take("k", t0 + 4s).retry_after, 6s);
  EXPECT_TRUE(buckets.take("k", t0 + 10s).allowed);
  EXPECT_FALSE(buckets.take("k", t0 + 10s).allowed);
}

TEST(TokenBuckets, TakeManyTakesAllOrNothing) {
  token_buckets buckets(bucket_options{.capacity = 5, .period = 50s});
  auto t0 = clock::time_point{} + 1h;
  EXPECT_TRUE(buckets.take_many("w", 3, t0).allowed);
  // Three more of the two left: refused, and the two are still there.
  auto refused = buckets.take_many("w", 3, t0);
  EXPECT_FALSE(refused.allowed);
  EXPECT_EQ(refused.retry_after, 10s);  // one token every 10 s, one missing
  EXPECT_TRUE(buckets.take_many("w", 2, t0).allowed);
  EXPECT_FALSE(buckets.take("w", t0).allowed);
}

TEST(TokenBuckets, KeysAreIndependentAndRefillStopsAtCapacity) {
  token_buckets buckets(bucket_options{.capacity = 2, .period = 2s});
  auto t0 = clock::time_point{} + 1h;
  EXPECT_TRUE(buckets.take("a", t0).allowed);
  EXPECT_TRUE(buckets.take("a", t0).allowed);
  EXPECT_FALSE(buckets.take("a", t0).allowed);
  EXPECT_TRUE(buckets.take("b", t0).allowed);
  // A day later "a" holds 2, not thousands.
  auto later = t0 + 24h;
  EXPECT_TRUE(buckets.take("a", later).allowed);
  EXPECT_TRUE(buckets.take("a", later).allowed);
  EXPECT_FALSE(buckets.take("a", later).allowed);
}

TEST(TokenBuckets, PeekAndSpendCountFailuresAfterTheFact) {
  token_buckets buckets(bucket_options{.capacity = 2, .period = 1h});
  auto t0 = clock::time_point{} + 1h;
  EXPECT_TRUE(buckets.peek("mail", t0).allowed);
  buckets.spend("mail", t0);
  EXPECT_TRUE(buckets.peek("mail", t0).allowed);
  buckets.spend("mail", t0);
  buckets.spend("mail", t0);  // never below empty
  EXPECT_FALSE(buckets.peek("mail", t0).allowed);
  EXPECT_TRUE(buckets.peek("mail", t0 + 31min).allowed);  // one token per 30 min
}

TEST(TokenBuckets, BoundedNumberOfKeysForgetsFullBucketsFirst) {
  token_buckets buckets(bucket_options{.capacity = 1, .period = 1h, .max_keys = 2});
  auto t0 = clock::time_point{} + 1h;
  EXPECT_TRUE(buckets.take("busy", t0).allowed);
  EXPECT_TRUE(buckets.peek("idle", t0).allowed);  // full: may be forgotten
  EXPECT_TRUE(buckets.take("new", t0).allowed);
  EXPECT_FALSE(buckets.take("busy", t0).allowed);  // the empty bucket was kept
}

TEST(GraphqlPeek, RootResponseKeys) {
  EXPECT_EQ(rl::root_response_keys(R"({"query":"{ people { totalCount } c: companies { id } }"})"),
            (std::vector<std::string>{"people", "c"}));
  EXPECT_EQ(
      rl::root_response_keys(R"({"query":"query A { a } query B { b }","operationName":"B"})"),
      (std::vector<std::string>{"b"}));
  EXPECT_TRUE(rl::root_response_keys(R"({"query":"query A { a } query B { b }"})").empty());
  EXPECT_TRUE(rl::root_response_keys(R"({"query":"{ ...F } fragment F on Query { a }"})").empty());
  EXPECT_TRUE(rl::root_response_keys("not json").empty());
  EXPECT_TRUE(rl::root_response_keys(R"({"query":"{ unclosed"})").empty());
}

TEST(GraphqlPeek, SignInEmail) {
  EXPECT_EQ(
      rl::sign_in_email(
          R"({"query":"mutation($e: String!) { signIn(email: $e, password: \"x\") { tokens { a } } }","variables":{"e":"Alice@Example.com"}})"),
      "alice@example.com");
  EXPECT_EQ(
      rl::sign_in_email(
          R"({"query":"mutation { getLoginTokenFromCredentials(email: \"BOB@x.io\", password: \"p\", origin: \"o\") { loginToken { token } } }"})"),
      "bob@x.io");
  EXPECT_EQ(rl::sign_in_email(R"({"query":"{ currentUser { id } }"})"), std::nullopt);
  EXPECT_EQ(rl::sign_in_email(
                R"({"query":"mutation { signUp(email: \"a@b.c\", password: \"p\") { x } }"})"),
            std::nullopt);
}

}  // namespace
