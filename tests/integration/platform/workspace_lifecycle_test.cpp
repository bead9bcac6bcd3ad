// The workspace side of the platform API on real PostgreSQL: an activation that fails leaves no
// schema and a workspace that can be activated again; settings updates, soft deletion,
// getLoginTokenFromCredentials, checkUserExists, and the cluster-wide APP_SECRET.
#include <gtest/gtest.h>

#include "model/standard/standard_objects.hpp"
#include "platform_harness.hpp"
#include "storage/core/app_secret.hpp"
#include "storage/ddl/workspace_provisioner.hpp"

namespace {

namespace json = boost::json;
using cohort::api::auth::token_type;
using cohort::testing::at_pointer;
using cohort::testing::platform_harness;
using cohort::testing::verified_claims;

std::string str(const json::value& v) {
  return std::string(v.as_string());
}

struct session {
  std::string access, workspace_id, origin;
};

// signUp, signUpInNewWorkspace, getAuthTokensFromLoginToken: an ACCESS token for a new
// PENDING_CREATION workspace.
session pending_workspace(platform_harness& h, const std::string& email) {
  auto up = h.run(R"(mutation($e: String!) { signUp(email: $e, password: "Bench-Passw0rd!") {
      tokens { accessOrWorkspaceAgnosticToken { token } } } })",
                  {{"e", email}});
  auto agnostic = str(at_pointer(up, "/data/signUp/tokens/accessOrWorkspaceAgnosticToken/token"));
  auto ws = h.run(R"(mutation { signUpInNewWorkspace { loginToken { token }
      workspace { id workspaceUrls { subdomainUrl } } } })",
                  {}, agnostic);
  session out;
  out.workspace_id = str(at_pointer(ws, "/data/signUpInNewWorkspace/workspace/id"));
  out.origin =
      str(at_pointer(ws, "/data/signUpInNewWorkspace/workspace/workspaceUrls/subdomainUrl"));
  auto tokens = h.run(
      R"(mutation($t: String!, $o: String!) {
      getAuthTokensFromLoginToken(loginToken: $t, origin: $o) {
        tokens { accessOrWorkspaceAgnosticToken { token } } } })",
      {{"t", at_pointer(ws, "/data/signUpInNewWorkspace/loginToken/token")}, {"o", out.origin}});
  out.access = str(at_pointer(
      tokens, "/data/getAuthTokensFromLoginToken/tokens/accessOrWorkspaceAgnosticToken/token"));
  return out;
}

const char* const activate =
    R"(mutation { activateWorkspace(data: { displayName: "Acme" }) { id activationStatus } })";

}  // namespace

TEST(PlatformWorkspace, AFailedActivationLeavesNothingBehindAndCanBeRetried) {
  // First attempt: the schema is created without any table, so the member insert fails after
  // provisioning succeeded. Second attempt: the real provisioner.
  std::shared_ptr<cohort::storage::pg::pool> pool;
  bool broken = true;
  platform_harness h("activation_failure", {}, [&](cohort::api::platform::platform_services& s) {
    pool = s.pool;
    s.provision_workspace = [&](const std::string& id, auto done) {
      auto objects = broken ? std::span<const cohort::model::object_metadata>()
                            : cohort::model::standard::standard_objects();
      cohort::storage::ddl::provision(*pool, id, objects,
                                      [done](auto r) { done(r.error, r.schema); });
    };
  });
  auto s = pending_workspace(h, "erin@gmail.com");
  auto failed = h.run(activate, {}, s.access);
  EXPECT_TRUE(failed.at("data").is_null());
  EXPECT_TRUE(
      str(at_pointer(failed, "/errors/0/message")).starts_with("Workspace activation failed"))
      << json::serialize(failed);
  EXPECT_EQ(h.sql("SELECT activation_status || '|' || database_schema FROM core.workspace"),
            "PENDING_CREATION|");
  auto schema = *cohort::storage::ddl::schema_name_for(s.workspace_id);
  EXPECT_EQ(
      h.sql("SELECT count(*) FROM information_schema.schemata WHERE schema_name = $1", {schema}),
      "0");

  broken = false;
  auto retried = h.run(activate, {}, s.access);
  EXPECT_EQ(at_pointer(retried, "/data/activateWorkspace/activationStatus"), "ACTIVE")
      << json::serialize(retried);
  EXPECT_EQ(h.sql("SELECT count(*) FROM \"" + schema + "\".\"workspaceMember\""), "1");
}

TEST(PlatformWorkspace, ProvisioningFailureKeepsTheWorkspacePending) {
  platform_harness h("activation_provision_failure", {}, [](auto& s) {
    s.provision_workspace = [](const std::string&, auto done) {
      done(std::string("disk full"), std::string());
    };
  });
  auto s = pending_workspace(h, "frank@gmail.com");
  auto failed = h.run(activate, {}, s.access);
  EXPECT_EQ(at_pointer(failed, "/errors/0/message"), "Workspace activation failed: disk full");
  EXPECT_EQ(h.sql("SELECT activation_status FROM core.workspace"), "PENDING_CREATION");
}

TEST(PlatformWorkspace, UpdateCurrentDeleteAndSignInThroughTheWorkspaceOrigin) {
  platform_harness h("workspace_settings");
  auto s = pending_workspace(h, "grace@gmail.com");
  auto other = pending_workspace(h, "heidi@gmail.com");
  ASSERT_EQ(at_pointer(h.run(activate, {}, s.access), "/data/activateWorkspace/activationStatus"),
            "ACTIVE");

  auto updated = h.run(R"(mutation { updateWorkspace(data: { subdomain: "acme-corp",
      displayName: "Acme Corp", allowImpersonation: false }) {
      subdomain displayName allowImpersonation workspaceUrls { subdomainUrl } } })",
                       {}, s.access);
  EXPECT_EQ(at_pointer(updated, "/data"),
            json::parse(R"({"updateWorkspace": {"subdomain": "acme-corp",
      "displayName": "Acme Corp", "allowImpersonation": false,
      "workspaceUrls": {"subdomainUrl": "http://acme-corp.localhost:3300/"}}})"));
  auto taken = h.run(R"(mutation { updateWorkspace(data: { subdomain: "acme-corp" }) { id } })", {},
                     other.access);
  EXPECT_EQ(at_pointer(taken, "/errors/0/message"), "Subdomain already taken");
  EXPECT_EQ(at_pointer(taken, "/errors/0/extensions/code"), "CONFLICT");
  auto invalid =
      h.run(R"(mutation { updateWorkspace(data: { subdomain: "-x" }) { id } })", {}, other.access);
  EXPECT_EQ(at_pointer(invalid, "/errors/0/extensions/code"), "BAD_USER_INPUT");

  auto current = h.run("{ currentWorkspace { id subdomain activationStatus } }", {}, s.access);
  EXPECT_EQ(str(at_pointer(current, "/data/currentWorkspace/id")), s.workspace_id);

  // getLoginTokenFromCredentials finds the workspace by its (new) subdomain.
  const char* credentials = R"(mutation($e: String!, $p: String!, $o: String!) {
      getLoginTokenFromCredentials(email: $e, password: $p, origin: $o) { loginToken { token } } })";
  auto login = h.run(credentials, {{"e", "grace@gmail.com"},
                                   {"p", "Bench-Passw0rd!"},
                                   {"o", "http://acme-corp.localhost:3300/"}});
  auto claims = verified_claims(
      *h.tokens, at_pointer(login, "/data/getLoginTokenFromCredentials/loginToken/token"),
      token_type::login);
  EXPECT_EQ(str(claims["workspaceId"]), s.workspace_id);
  auto stranger = h.run(credentials, {{"e", "heidi@gmail.com"},
                                      {"p", "Bench-Passw0rd!"},
                                      {"o", "http://acme-corp.localhost:3300/"}});
  EXPECT_EQ(at_pointer(stranger, "/errors/0/message"), "User is not a member of the workspace.");

  // Twenty refuses a root field selected twice in one document: one request each.
  auto known = h.run(R"({ checkUserExists(email: "Grace@gmail.com") {
      exists availableWorkspacesCount isEmailVerified } })");
  EXPECT_EQ(at_pointer(known, "/data"), json::parse(R"({"checkUserExists": {"exists": true,
      "availableWorkspacesCount": 1, "isEmailVerified": false}})"));
  auto unknown = h.run(
      R"({ checkUserExists(email: "nobody@gmail.com") { exists availableWorkspacesCount } })");
  EXPECT_EQ(at_pointer(unknown, "/data"), json::parse(R"({"checkUserExists": {"exists": false,
      "availableWorkspacesCount": 0}})"));

  auto deleted = h.run("mutation { deleteCurrentWorkspace { id deletedAt } }", {}, s.access);
  EXPECT_EQ(str(at_pointer(deleted, "/data/deleteCurrentWorkspace/id")), s.workspace_id);
  EXPECT_TRUE(at_pointer(deleted, "/data/deleteCurrentWorkspace/deletedAt").is_string());
  EXPECT_EQ(
      h.sql("SELECT deleted_at IS NOT NULL FROM core.workspace WHERE id = $1", {s.workspace_id}),
      "t");
  EXPECT_EQ(at_pointer(h.run("{ currentWorkspace { id } }", {}, s.access), "/errors/0/message"),
            "Workspace not found");
}

TEST(PlatformWorkspace, AppSecretIsCreatedOnceAndSharedByEveryNode) {
  platform_harness h("app_secret");
  auto first = cohort::storage::core::load_or_create_app_secret(*h.pool);
  auto second = cohort::storage::core::load_or_create_app_secret(*h.pool);
  ASSERT_TRUE(first.ok() && second.ok());
  ASSERT_TRUE(first.value && second.value);
  EXPECT_EQ(*first.value, *second.value);
  EXPECT_EQ(first.value->size(), 64u);
  EXPECT_EQ(first.value->find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(
      h.sql("SELECT type || ' ' || count(*) FROM core.key_value_pair WHERE key = 'APP_SECRET' "
            "GROUP BY type"),
      "CONFIG_VARIABLE 1");
}
