// With REDIS_URL, the OTP throttle (10 attempts per 15 minutes per user and workspace) is one
// counter for every node: attempts made on node A and node B add up, and the 11th is refused with
// Twenty's LIMIT_REACHED wherever it is made.
#include <gtest/gtest.h>

#include "api/auth/totp.hpp"
#include "fixtures/redis_server.hpp"
#include "integration/authgaps/authgaps_env.hpp"

namespace {

namespace json = boost::json;
using cohort::testing::cohort_server;
using cohort::testing::redis_server;
using cohort::testing::text_at;
using cohort::testing::two_workspaces;

const char* const provision = "mutation { initiateOTPProvisioningForAuthenticatedUser { uri } }";
const char* const verify = R"(mutation($otp: String!) {
  verifyTwoFactorAuthenticationMethodForAuthenticatedUser(otp: $otp) { success } })";

// The base32 secret of an otpauth:// URI.
std::string secret_in(const std::string& uri) {
  auto at = uri.find("secret=");
  if (at == std::string::npos) return "";
  auto end = uri.find('&', at);
  return uri.substr(at + 7, end == std::string::npos ? std::string::npos : end - at - 7);
}

// A six-digit code valid neither now nor one step either side.
std::string wrong_code(const std::string& secret) {
  auto now = std::chrono::system_clock::now();
  for (int candidate = 0; candidate < 1000; ++candidate) {
    char code[7];
    std::snprintf(code, sizeof code, "%06d", 123457 + candidate * 7919 % 800000);
    bool valid = false;
    for (int step = -1; step <= 1; ++step)
      valid = valid ||
              cohort::api::auth::totp_code(secret, now + std::chrono::seconds(30 * step)) == code;
    if (!valid) return code;
  }
  return "000000";
}

json::value post_on(two_workspaces& e, std::uint16_t port, const std::string& query,
                    json::object vars, const std::string& bearer) {
  json::object body{{"query", query}, {"variables", std::move(vars)}};
  auto res = e.call_on(port, "POST", "/metadata", json::serialize(body), bearer);
  boost::system::error_code ec;
  auto v = json::parse(res.body, ec);
  EXPECT_FALSE(ec) << res.body;
  return v;
}

TEST(OtpSharedCounter, AttemptsOnTwoNodesAddUpAndTheEleventhIsRefused) {
  auto& redis = redis_server::shared();
  two_workspaces e("authgaps_otp", {{"REDIS_URL", redis.url()}});
  cohort_server second(
      cohort_server::options{.args = {}, .env = e.server_env(), .data_dir = std::nullopt});
  ASSERT_TRUE(second.wait_ready(std::chrono::seconds(60))) << second.proc().output();
  const std::uint16_t nodes[] = {e.server().port(), second.port()};

  auto uri = text_at(post_on(e, nodes[0], provision, {}, e.a.access),
                     "/data/initiateOTPProvisioningForAuthenticatedUser/uri");
  std::string secret = secret_in(uri);
  ASSERT_FALSE(secret.empty()) << uri;

  // Ten wrong codes, alternating nodes (five each): each is looked at and refused.
  for (int i = 0; i < 10; ++i) {
    auto r = post_on(e, nodes[i % 2], verify, {{"otp", wrong_code(secret)}}, e.a.access);
    EXPECT_EQ(text_at(r, "/errors/0/message"), "Invalid OTP")
        << "attempt " << i + 1 << ": " << json::serialize(r);
  }
  // The 11th, on either node and even with the right code, is refused before the code is read.
  for (auto node : nodes) {
    auto refused =
        post_on(e, node, verify,
                {{"otp", *cohort::api::auth::totp_code(secret, std::chrono::system_clock::now())}},
                e.a.access);
    EXPECT_EQ(text_at(refused, "/errors/0/message"), "Limit reached (10 tokens per 900000 ms)")
        << json::serialize(refused);
    EXPECT_EQ(text_at(refused, "/errors/0/extensions/subCode"), "LIMIT_REACHED");
    EXPECT_EQ(text_at(refused, "/errors/0/extensions/code"), "BAD_USER_INPUT");
  }
  // The method stays unverified: no attempt beyond the tenth reached it.
  EXPECT_EQ(
      e.sql("SELECT m.status FROM core.two_factor_authentication_method m JOIN "
            "core.user_workspace uw ON uw.id = m.user_workspace_id WHERE uw.workspace_id = '" +
            e.a.id + "'"),
      "PENDING");
  // Another member's attempts are counted apart.
  auto other = text_at(post_on(e, nodes[1], provision, {}, e.b.access),
                       "/data/initiateOTPProvisioningForAuthenticatedUser/uri");
  auto r = post_on(e, nodes[1], verify, {{"otp", wrong_code(secret_in(other))}}, e.b.access);
  EXPECT_EQ(text_at(r, "/errors/0/message"), "Invalid OTP") << json::serialize(r);
}

}  // namespace
