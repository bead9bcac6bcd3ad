// signOut(refreshToken) ends one session: its refresh token (and the ones it was renewed into) no
// longer renew, while the user's other sessions go on. signOut is newer than Twenty 1.6 and served
// beside 1.6's root fields (api/platform/platform_schema.hpp: newer_root_fields).
#include <gtest/gtest.h>

#include "two_factor_server.hpp"

namespace {

namespace json = boost::json;
using cohort::testing::at;
using cohort::testing::error_body;
using cohort::testing::member;
using cohort::testing::text_at;
using cohort::testing::two_factor_server;

const char* const renew = R"(mutation($t: String!) {
  renewToken(appToken: $t) { tokens { accessOrWorkspaceAgnosticToken { token } refreshToken { token } } } })";
const char* const sign_out = "mutation($t: String) { signOut(refreshToken: $t) }";
const char* const exchange = R"(mutation($t: String!, $o: String!) {
  getAuthTokensFromLoginToken(loginToken: $t, origin: $o) { tokens { refreshToken { token } } } })";

json::value refresh_refused() {
  return error_body("This refresh token doesn't exist",
                    {{"subCode", "INVALID_INPUT"},
                     {"userFriendlyMessage", "This refresh token doesn't exist"},
                     {"code", "BAD_USER_INPUT"}});
}

}  // namespace

TEST(SignOut, TheSessionsRefreshTokensNoLongerRenew) {
  auto& s = two_factor_server::shared();
  member m = s.sign_up("so.user@example.com");
  // A second session of the same user, from another sign-in.
  auto other = s.post(exchange, {{"t", s.login_token(m)}, {"o", m.origin}});
  std::string other_refresh =
      text_at(other, "/data/getAuthTokensFromLoginToken/tokens/refreshToken/token");

  auto renewed = s.post(renew, {{"t", m.refresh}});
  std::string second = text_at(renewed, "/data/renewToken/tokens/refreshToken/token");

  for (const char* path : {"/metadata", "/graphql"}) {
    // signOut is public and says nothing about the token it is given.
    EXPECT_EQ(s.post(sign_out, {{"t", "not-a-token"}}, "", path),
              (json::object{{"data", json::object{{"signOut", true}}}}));
    EXPECT_EQ(s.post(sign_out, {}, "", path),
              (json::object{{"data", json::object{{"signOut", true}}}}));
  }
  EXPECT_EQ(s.post(sign_out, {{"t", second}}),
            (json::object{{"data", json::object{{"signOut", true}}}}));
  // Neither the token signed out with nor the one it was renewed from renews, even at once
  // (within the refresh cool-down).
  EXPECT_EQ(s.post(renew, {{"t", second}}), refresh_refused());
  EXPECT_EQ(s.post(renew, {{"t", m.refresh}}), refresh_refused());
  EXPECT_EQ(s.sql("SELECT count(*) FROM core.app_token WHERE user_id = '" + m.user_id +
                  "' AND workspace_id = '" + m.workspace_id +
                  "' AND type = 'REFRESH_TOKEN' AND revoked_at IS NULL"),
            "1");
  // The other session renews.
  EXPECT_TRUE(
      at(s.post(renew, {{"t", other_refresh}}), "/data/renewToken/tokens/refreshToken/token")
          .is_string());
}
