// sendInvitations within Twenty's quotas (this suite's server: 5 invitations per workspace and 2
// per invited address in their windows): a call beyond either is refused whole with Twenty's
// "Workspace invitation sending rate limit exceeded.", and nothing of it is stored or mailed.
#include "integration/authgaps/authgaps_env.hpp"

namespace {

namespace json = boost::json;
using cohort::testing::authgaps_env;
using cohort::testing::first_error;
using cohort::testing::first_error_of;
using cohort::testing::test_workspace;
using cohort::testing::text_at;

const first_error quota_refusal{"Workspace invitation sending rate limit exceeded.",
                                "INTERNAL_SERVER_ERROR",
                                "Too many workspace invitations sent. Please try again later."};

json::value send(const test_workspace& from, const std::vector<std::string>& emails) {
  json::array list;
  for (const auto& e : emails) list.emplace_back(e);
  return authgaps_env::shared().metadata(R"(mutation($e: [String!]!) {
      sendInvitations(emails: $e) { success errors result { id email } } })",
                                         {{"e", std::move(list)}}, from.access);
}

std::string invitations_to(const std::string& email, const std::string& workspace_id) {
  return authgaps_env::shared().ws->sql(
      "SELECT count(*) FROM core.app_token WHERE type = 'INVITATION_TOKEN' AND context->>'email' "
      "= '" +
      email + "' AND workspace_id = '" + workspace_id + "' AND deleted_at IS NULL");
}

std::string mails_to(const std::string& email) {
  return authgaps_env::shared().ws->sql(
      "SELECT count(*) FROM core.job WHERE kind = 'email.send' AND payload->>'to' = '" + email +
      "'");
}

TEST(InvitationQuota, AWorkspaceSendsNoMoreThanItsQuotaAndARefusedCallLeavesNothing) {
  auto& e = authgaps_env::shared();
  auto ws = e.ws->create("quota.owner@authgaps.test", "Quota");
  auto first = send(ws, {"q1@authgaps.test", "q2@authgaps.test", "q3@authgaps.test"});
  EXPECT_EQ(text_at(first, "/data/sendInvitations/result/2/email"), "q3@authgaps.test")
      << json::serialize(first);

  // Three more would make six of five: the call is refused whole.
  auto refused = send(ws, {"q4@authgaps.test", "q5@authgaps.test", "q6@authgaps.test"});
  EXPECT_EQ(first_error_of(refused, "userFriendlyMessage"), quota_refusal)
      << json::serialize(refused);
  for (const char* email : {"q4@authgaps.test", "q5@authgaps.test", "q6@authgaps.test"}) {
    EXPECT_EQ(invitations_to(email, ws.id), "0") << email;
    EXPECT_EQ(mails_to(email), "0") << email;
  }

  // The two left are there to use; then the quota is spent.
  auto rest = send(ws, {"q4@authgaps.test", "q5@authgaps.test"});
  EXPECT_EQ(text_at(rest, "/data/sendInvitations/result/1/email"), "q5@authgaps.test")
      << json::serialize(rest);
  EXPECT_EQ(first_error_of(send(ws, {"q6@authgaps.test"}), "userFriendlyMessage"), quota_refusal);
  EXPECT_EQ(invitations_to("q6@authgaps.test", ws.id), "0");
  EXPECT_EQ(e.ws->sql("SELECT count(*) FROM core.app_token WHERE type = 'INVITATION_TOKEN' AND "
                      "workspace_id = '" +
                      ws.id + "'"),
            "5");

  // Another workspace has a quota of its own. (Not for q6: as Twenty's, each address of a
  // refused call was charged, and q6 was in two.)
  auto other = e.ws->create("quota.other@authgaps.test", "Quota 2");
  EXPECT_EQ(first_error_of(send(other, {"q6@authgaps.test"}), "userFriendlyMessage"),
            quota_refusal);
  auto fine = send(other, {"q7@authgaps.test"});
  EXPECT_EQ(text_at(fine, "/data/sendInvitations/result/0/email"), "q7@authgaps.test")
      << json::serialize(fine);
}

TEST(InvitationQuota, AnAddressReceivesNoMoreThanItsQuotaFromAllWorkspaces) {
  auto& e = authgaps_env::shared();
  auto one = e.ws->create("quota.one@authgaps.test", "Quota one");
  auto two = e.ws->create("quota.two@authgaps.test", "Quota two");
  const std::string target = "popular@authgaps.test";
  EXPECT_EQ(text_at(send(one, {target}), "/data/sendInvitations/result/0/email"), target);
  auto second = send(two, {target});
  EXPECT_EQ(text_at(second, "/data/sendInvitations/result/0/email"), target)
      << json::serialize(second);
  EXPECT_EQ(mails_to(target), "2");

  // A third invitation, from a workspace that has quota left, is refused: the address has none.
  auto three = e.ws->create("quota.three@authgaps.test", "Quota three");
  auto refused = send(three, {target, "someone.else@authgaps.test"});
  EXPECT_EQ(first_error_of(refused, "userFriendlyMessage"), quota_refusal)
      << json::serialize(refused);
  EXPECT_EQ(invitations_to(target, three.id), "0");
  EXPECT_EQ(invitations_to("someone.else@authgaps.test", three.id), "0");
  EXPECT_EQ(mails_to(target), "2");
  EXPECT_EQ(mails_to("someone.else@authgaps.test"), "0");
}

}  // namespace
