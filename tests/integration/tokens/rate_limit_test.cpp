// Rate limits on a server configured small (API_RATE_LIMITING_LIMIT=20 per 1000 s,
// SIGN_IN_FAILURES_LIMIT=2): one token's requests beyond its allowance get Twenty's GraphQL
// throttle error or REST 429 with Retry-After, while another workspace's token goes on; failed
// sign-ins lock that e-mail only.
#include <gtest/gtest.h>

#include "two_workspaces.hpp"

namespace {

namespace json = boost::json;
using cohort::testing::two_workspaces;

two_workspaces& env() {
  static auto* instance = new two_workspaces("rate_limits", {{"API_RATE_LIMITING_LIMIT", "20"},
                                                             {"API_RATE_LIMITING_TTL", "1000"},
                                                             {"SIGN_IN_FAILURES_LIMIT", "2"},
                                                             {"SIGN_IN_FAILURES_TTL", "1h"}});
  return *instance;
}

TEST(RateLimits, OneTokenBeyondItsAllowanceIsThrottledOthersAreNot) {
  auto& e = env();
  int served = 0;
  json::value throttled;
  for (int i = 0; i < 30; ++i) {
    auto body = e.graphql("query Count { people(first: 1) { totalCount } }", {}, e.a.access);
    if (body.as_object().contains("errors")) {
      throttled = body;
      break;
    }
    ++served;
  }
  // 20 per 1000 s; the workspace's activation already spent one of this user's.
  EXPECT_GE(served, 15);
  EXPECT_LE(served, 20);
  EXPECT_EQ(
      json::serialize(throttled),
      R"({"errors":[{"message":"Too many requests.","extensions":{"code":"INTERNAL_SERVER_ERROR","userFriendlyMessage":"An error occurred."}}],"data":{"people":null}})");
  auto aliased =
      e.graphql("{ a: people { totalCount } b: companies { totalCount } }", {}, e.a.access);
  EXPECT_EQ(json::serialize(aliased.at("data")), R"({"a":null,"b":null})");
  auto metadata = e.graphql("{ currentWorkspace { id } }", {}, e.a.access, "/metadata");
  EXPECT_EQ(metadata.at("errors").at(0).at("message"), "Too many requests.");

  auto rest = e.call("GET", "/rest/people?limit=1", "", e.a.access);
  EXPECT_EQ(rest.status, 429u);
  EXPECT_EQ(
      rest.body,
      R"({"statusCode":429,"error":"TooManyRequestsException","messages":["Too many requests."]})");
  // One token back takes 1000 s / 20 = 50 s.
  int retry_after = std::stoi(rest.get("retry-after"));
  EXPECT_GE(retry_after, 1);
  EXPECT_LE(retry_after, 50);

  // Workspace B's member has a bucket of its own.
  auto other = e.graphql("{ people(first: 1) { totalCount } }", {}, e.b.access);
  EXPECT_FALSE(other.as_object().contains("errors")) << json::serialize(other);
  EXPECT_EQ(e.call("GET", "/rest/people?limit=1", "", e.b.access).status, 200u);
}

TEST(RateLimits, FailedSignInsLockTheEmail) {
  auto& e = env();
  const char* sign_in = R"(mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) {
      tokens { accessOrWorkspaceAgnosticToken { token } } } })";
  for (int i = 0; i < 2; ++i) {
    auto wrong = e.graphql(sign_in, {{"e", e.b.email}, {"p", "wrong-password-1"}}, "");
    EXPECT_EQ(wrong.at("errors").at(0).at("message"), "Wrong password");
  }
  // The right password no longer gets in: the e-mail is locked, case and all.
  std::string upper = e.b.email;
  for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  auto locked = e.graphql(sign_in, {{"e", upper}, {"p", "Bench-Passw0rd!"}}, "");
  EXPECT_EQ(
      json::serialize(locked),
      R"({"errors":[{"message":"Too many requests.","extensions":{"code":"INTERNAL_SERVER_ERROR","userFriendlyMessage":"An error occurred."}}],"data":{"signIn":null}})");
  // Another e-mail signs in.
  auto fine = e.graphql(sign_in, {{"e", e.a.email}, {"p", "Bench-Passw0rd!"}}, "");
  EXPECT_FALSE(fine.as_object().contains("errors")) << json::serialize(fine);
}

}  // namespace
