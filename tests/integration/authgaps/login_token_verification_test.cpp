// A login token refused because the user's e-mail is not verified yet is not used up: once the
// address is verified, the same token opens the session (it stays single use after that).
#include "integration/authgaps/authgaps_env.hpp"

namespace {

namespace json = boost::json;
using cohort::testing::authgaps_env;
using cohort::testing::first_error;
using cohort::testing::first_error_of;
using cohort::testing::text_at;
using cohort::testing::text_or;

constexpr const char* access_pointer =
    "/data/getAuthTokensFromLoginToken/tokens/accessOrWorkspaceAgnosticToken/token";

TEST(LoginTokenVerification, ARefusedTokenStillWorksOnceTheAddressIsVerified) {
  auto& e = authgaps_env::shared();
  const std::string email = "login.refused@authgaps.test";
  auto agnostic = e.sign_up(email);
  ASSERT_FALSE(agnostic.empty());
  auto pending = e.metadata(R"(mutation { signUpInNewWorkspace { loginToken { token }
      workspace { workspaceUrls { subdomainUrl } } } })",
                            {}, agnostic);
  auto login = text_at(pending, "/data/signUpInNewWorkspace/loginToken/token");
  auto origin = text_at(pending, "/data/signUpInNewWorkspace/workspace/workspaceUrls/subdomainUrl");
  ASSERT_FALSE(login.empty()) << json::serialize(pending);

  // Refused twice while unverified: the token is not spent by either refusal.
  for (int i = 0; i < 2; ++i) {
    auto refused = e.exchange(login, origin);
    EXPECT_EQ(first_error_of(refused),
              (first_error{"Email is not verified", "FORBIDDEN", "EMAIL_NOT_VERIFIED"}))
        << json::serialize(refused);
    EXPECT_EQ(text_or(refused, access_pointer), "");
  }

  e.verify(email);
  auto opened = e.exchange(login, origin);
  EXPECT_FALSE(text_at(opened, access_pointer).empty()) << json::serialize(opened);

  // Used once it opened a session.
  auto reused = e.exchange(login, origin);
  EXPECT_EQ(first_error_of(reused).message, "Token has already been used.")
      << json::serialize(reused);
}

}  // namespace
