// impersonate against the real server: an Admin of workspace A impersonates a member (the login
// token's and the session's claims decoded), and every refusal with Twenty's shape and code —
// without the IMPERSONATE flag, oneself, a user outside the workspace, another workspace without
// canImpersonate, and with it but without a verified second factor.
#include "integration/accounts/accounts_env.hpp"

namespace {

namespace json = boost::json;
using cohort::testing::accounts_env;
using cohort::testing::error_fields;
using cohort::testing::error_of;
using cohort::testing::jwt_payload;
using cohort::testing::text_at;

accounts_env& env() {
  return accounts_env::shared();
}

json::value impersonate(const std::string& user_id, const std::string& workspace_id,
                        const std::string& bearer) {
  return env().metadata(
      R"(mutation($u: UUID!, $w: UUID!) { impersonate(userId: $u, workspaceId: $w) {
      loginToken { token expiresAt } workspace { id workspaceUrls { subdomainUrl } } } })",
      {{"u", user_id}, {"w", workspace_id}}, bearer);
}

std::string str(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : "<absent>";
}

TEST(impersonation, admin_impersonates_a_member_of_its_workspace) {
  auto& e = env();
  auto& a = e.ws->a;
  auto member = e.join("impersonated.member@example.com", a.id);
  std::string admin_membership = e.user_workspace_of(a.email, a.id);

  auto r = impersonate(member.user_id, a.id, a.access);
  ASSERT_FALSE(r.as_object().contains("errors")) << r;
  EXPECT_EQ(text_at(r, "/data/impersonate/workspace/id"), a.id);
  EXPECT_EQ(text_at(r, "/data/impersonate/workspace/workspaceUrls/subdomainUrl"),
            e.origin_of(a.id));
  std::string login = text_at(r, "/data/impersonate/loginToken/token");
  auto claims = jwt_payload(login);
  EXPECT_EQ(str(claims, "type"), "LOGIN");
  EXPECT_EQ(str(claims, "sub"), member.email);
  EXPECT_EQ(str(claims, "workspaceId"), a.id);
  EXPECT_EQ(str(claims, "authProvider"), "impersonation");
  EXPECT_EQ(str(claims, "impersonatorUserWorkspaceId"), admin_membership);

  // The member turned on 2FA: an impersonation is not asked for it.
  e.ws->sql(
      "INSERT INTO core.two_factor_authentication_method (user_workspace_id, secret, status, "
      "strategy) VALUES ('" +
      member.user_workspace_id + "', 'x', 'VERIFIED', 'TOTP') RETURNING id");

  auto [access, refresh] = e.tokens_from_login(login, e.origin_of(a.id));
  ASSERT_FALSE(access.empty());
  auto session = jwt_payload(access);
  EXPECT_EQ(str(session, "type"), "ACCESS");
  EXPECT_EQ(str(session, "userId"), member.user_id);
  EXPECT_EQ(str(session, "authProvider"), "impersonation");
  EXPECT_EQ(session.at("isImpersonating"), json::value(true));
  EXPECT_EQ(str(session, "impersonatorUserWorkspaceId"), admin_membership);
  EXPECT_EQ(str(session, "impersonatedUserWorkspaceId"), member.user_workspace_id);
  auto refresh_claims = jwt_payload(refresh);
  EXPECT_EQ(refresh_claims.at("exp").to_number<std::int64_t>() -
                refresh_claims.at("iat").to_number<std::int64_t>(),
            24 * 3600);
  EXPECT_EQ(e.ws->sql("SELECT round(extract(epoch FROM expires_at - created_at) / 3600) FROM "
                      "core.app_token WHERE id = '" +
                      str(refresh_claims, "jti") + "'"),
            "24");

  // The session acts as the member, and renewing it keeps the impersonation.
  auto me = e.metadata("{ currentUser { email } }", {}, access);
  EXPECT_EQ(text_at(me, "/data/currentUser/email"), member.email);
  auto renewed = e.metadata(R"(mutation($t: String!) { renewToken(appToken: $t) {
      tokens { accessOrWorkspaceAgnosticToken { token } } } })",
                            {{"t", refresh}});
  auto again =
      jwt_payload(text_at(renewed, "/data/renewToken/tokens/accessOrWorkspaceAgnosticToken/token"));
  EXPECT_EQ(again.at("isImpersonating"), json::value(true));
  EXPECT_EQ(str(again, "impersonatedUserWorkspaceId"), member.user_workspace_id);

  // The login token is single use.
  auto reused = e.metadata(R"(mutation($t: String!, $o: String!) {
      getAuthTokensFromLoginToken(loginToken: $t, origin: $o) { tokens { refreshToken { token } } } })",
                           {{"t", login}, {"o", e.origin_of(a.id)}});
  EXPECT_EQ(error_of(reused).code, "UNAUTHENTICATED") << reused;
}

TEST(impersonation, refusals_have_twentys_shapes) {
  auto& e = env();
  auto& a = e.ws->a;
  auto& b = e.ws->b;
  auto member = e.join("would.be.impersonator@example.com", a.id);
  std::string admin_id = e.user_id_of(a.email);
  std::string b_user = e.user_id_of(b.email);

  // The Member role has no IMPERSONATE flag.
  auto r = impersonate(admin_id, a.id, member.access);
  EXPECT_EQ(error_of(r), (error_fields{"Entity performing the request does not have permission",
                                       "FORBIDDEN", "PERMISSION_DENIED"}))
      << r;
  EXPECT_EQ(text_at(r, "/errors/0/extensions/userFriendlyMessage"),
            "You do not have permission to impersonate users. Please contact your workspace "
            "administrator for access.");
  EXPECT_TRUE(r.at("data").is_null());

  r = impersonate(admin_id, a.id, a.access);
  EXPECT_EQ(error_of(r),
            (error_fields{"Cannot impersonate yourself", "FORBIDDEN", "FORBIDDEN_EXCEPTION"}));

  // B's user has no membership of A.
  r = impersonate(b_user, a.id, a.access);
  EXPECT_EQ(error_of(r), (error_fields{"User not found in workspace or impersonation not enabled",
                                       "UNAUTHENTICATED", "USER_WORKSPACE_NOT_FOUND"}));

  // Another workspace: server-level impersonation needs canImpersonate...
  r = impersonate(b_user, b.id, a.access);
  EXPECT_EQ(error_of(r),
            (error_fields{"Impersonation not enabled for the impersonator user or the target "
                          "workspace",
                          "FORBIDDEN", "FORBIDDEN_EXCEPTION"}));
  // ... and a verified second factor.
  e.ws->sql("UPDATE core.\"user\" SET can_impersonate = true WHERE id = '" + admin_id +
            "' RETURNING id");
  r = impersonate(b_user, b.id, a.access);
  EXPECT_EQ(error_of(r).code, "FORBIDDEN") << r;
  EXPECT_EQ(error_of(r).sub_code, "TWO_FACTOR_AUTHENTICATION_PROVISION_REQUIRED");
  // ... and the target workspace's allowImpersonation.
  e.ws->sql("UPDATE core.workspace SET allow_impersonation = false WHERE id = '" + b.id +
            "' RETURNING id");
  r = impersonate(b_user, b.id, a.access);
  EXPECT_EQ(error_of(r).message,
            "Impersonation not enabled for the impersonator user or the target workspace");
  e.ws->sql("UPDATE core.workspace SET allow_impersonation = true WHERE id = '" + b.id +
            "' RETURNING id");
  e.ws->sql("UPDATE core.\"user\" SET can_impersonate = false WHERE id = '" + admin_id +
            "' RETURNING id");

  // A workspace-agnostic token names no workspace.
  r = impersonate(member.user_id, a.id, a.agnostic);
  EXPECT_EQ(error_of(r).message, "Forbidden resource") << r;
  r = impersonate(member.user_id, a.id, "");
  EXPECT_EQ(error_of(r).message, "Forbidden resource") << r;
}

}  // namespace
