// Invitations end to end, against the real server and a real SMTP sink: the mail (envelope,
// headers, link), joining with the mailed token or the public invite hash, single use and
// expiry, members and repeated invitations reported, resending and deleting, and the isolation of
// one workspace's invitations from another workspace's members.
#include "integration/invitations/invitation_env.hpp"

namespace {

namespace json = boost::json;
using cohort::testing::error_of;
using cohort::testing::invitation_env;
using cohort::testing::invitee_password;
using cohort::testing::link_in;
using cohort::testing::text_at;

std::pair<std::string, std::string> error_pair(std::string message, std::string code) {
  return {std::move(message), std::move(code)};
}

invitation_env& env() {
  return invitation_env::shared();
}

TEST(invitations, mail_arrives_and_its_token_joins_the_workspace) {
  auto& e = env();
  auto& a = e.ws->a;
  auto sent = e.send({"Invitee.One@Example.com"}, a.access);
  EXPECT_EQ(json::serialize(sent.at_pointer("/data/sendInvitations/errors")), "[]");
  EXPECT_TRUE(sent.at_pointer("/data/sendInvitations/success").as_bool()) << sent;
  EXPECT_EQ(text_at(sent, "/data/sendInvitations/result/0/email"), "invitee.one@example.com");
  std::string invitation_id = text_at(sent, "/data/sendInvitations/result/0/id");

  auto mail = e.mail_to("invitee.one@example.com");
  ASSERT_TRUE(mail) << "no invitation mail reached the SMTP sink";
  EXPECT_EQ(mail->mail_from, cohort::testing::mail_from);
  EXPECT_EQ(mail->header("To"), "<invitee.one@example.com>");
  EXPECT_EQ(mail->header("Subject"), "Join your team on Twenty");
  EXPECT_NE(mail->header("From").find("(via Twenty)\" <noreply@cohort.test>"), std::string::npos)
      << mail->header("From");
  EXPECT_EQ(mail->auth_user, "mailer");
  EXPECT_EQ(mail->auth_password, "mail-secret");
  auto link = link_in(*mail);
  ASSERT_TRUE(link) << mail->text_body();
  EXPECT_EQ(link->hash, e.invite_hash(a.id));
  EXPECT_EQ(link->email, "invitee.one@example.com");
  EXPECT_EQ(link->token.size(), 64u);
  EXPECT_EQ(e.ws->sql("SELECT value FROM core.app_token WHERE id = '" + invitation_id + "'"),
            link->token);

  auto joined = e.join("invitee.one@example.com", link->hash, link->token);
  EXPECT_EQ(text_at(joined, "/data/signUpInWorkspace/workspace/id"), a.id) << joined;
  std::string access = e.access_from(joined);
  ASSERT_FALSE(access.empty());

  // The new member reads the workspace's records and appears among its members.
  auto people = e.ws->graphql("{ people { totalCount } }", {}, access);
  EXPECT_FALSE(people.as_object().contains("errors")) << people;
  EXPECT_GT(people.at_pointer("/data/people/totalCount").as_int64(), 0);
  auto members = e.ws->graphql(
      R"({ workspaceMembers(filter: { userEmail: { eq: "invitee.one@example.com" } }) {
           edges { node { id userEmail } } } })",
      {}, access);
  EXPECT_EQ(text_at(members, "/data/workspaceMembers/edges/0/node/userEmail"),
            "invitee.one@example.com");
  // Signing in later offers the workspace.
  auto signed_in =
      e.metadata(R"(mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) {
      availableWorkspaces { availableWorkspacesForSignIn { id } } } })",
                 {{"e", "invitee.one@example.com"}, {"p", invitee_password}});
  EXPECT_EQ(
      text_at(signed_in, "/data/signIn/availableWorkspaces/availableWorkspacesForSignIn/0/id"),
      a.id);
  auto me = e.metadata("{ currentUser { email currentWorkspace { id } } }", {}, access);
  EXPECT_EQ(text_at(me, "/data/currentUser/currentWorkspace/id"), a.id);

  // In SQL: one membership, one workspaceMember, the workspace's default role, the token used up.
  EXPECT_EQ(e.ws->sql("SELECT count(*) FROM {a}.\"workspaceMember\" WHERE \"userEmail\" = "
                      "'invitee.one@example.com' AND \"deletedAt\" IS NULL"),
            "1");
  EXPECT_EQ(
      e.ws->sql("SELECT count(*) FROM core.user_workspace uw JOIN core.\"user\" u ON u.id = "
                "uw.user_id WHERE u.email = 'invitee.one@example.com' AND uw.workspace_id = '" +
                a.id + "'"),
      "1");
  EXPECT_EQ(e.ws->sql("SELECT r.id = w.default_role_id FROM core.role_target rt JOIN core.role r "
                      "ON r.id = rt.role_id JOIN core.user_workspace uw ON uw.id = "
                      "rt.user_workspace_id JOIN core.\"user\" u ON u.id = uw.user_id JOIN "
                      "core.workspace w ON w.id = uw.workspace_id WHERE u.email = "
                      "'invitee.one@example.com'"),
            "t");
  EXPECT_EQ(e.ws->sql("SELECT count(*) FROM core.app_token WHERE id = '" + invitation_id + "'"),
            "0");

  // The token is single use: without the public hash it opens nothing any more.
  auto again = e.join("someone.else@example.com", std::nullopt, link->token, a.id);
  EXPECT_EQ(error_of(again),
            error_pair("User does not have access to this workspace", "FORBIDDEN"));
  EXPECT_EQ(
      e.ws->sql("SELECT count(*) FROM core.\"user\" WHERE email = 'someone.else@example.com'"),
      "0");

  // A member without WORKSPACE_MEMBERS (the default Member role) may not invite.
  auto refused = e.send({"friend.of.invitee@example.com"}, access);
  EXPECT_EQ(error_of(refused).second, "FORBIDDEN") << refused;
}

TEST(invitations, expired_invitation_is_refused) {
  auto& e = env();
  auto& a = e.ws->a;
  auto sent = e.send({"late.comer@example.com"}, a.access);
  std::string id = text_at(sent, "/data/sendInvitations/result/0/id");
  auto mail = e.mail_to("late.comer@example.com");
  ASSERT_TRUE(mail);
  auto link = link_in(*mail);
  ASSERT_TRUE(link);
  e.ws->sql("UPDATE core.app_token SET expires_at = now() - interval '1 day' WHERE id = '" + id +
            "' RETURNING id");
  auto joined = e.join("late.comer@example.com", link->hash, link->token);
  EXPECT_EQ(error_of(joined), error_pair("Invitation expired", "FORBIDDEN"));
  auto ext = joined.at_pointer("/errors/0/extensions").as_object();
  EXPECT_EQ(ext.at("subCode"), "FORBIDDEN_EXCEPTION");
  EXPECT_EQ(e.ws->sql("SELECT count(*) FROM core.\"user\" WHERE email = 'late.comer@example.com'"),
            "0");
  // Another address cannot borrow someone's invitation either.
  auto borrowed = e.join("borrower@example.com", link->hash, link->token);
  EXPECT_EQ(error_of(borrowed).first, "Email does not match the invitation");
}

TEST(invitations, public_invite_hash_joins_new_and_existing_users) {
  auto& e = env();
  auto& a = e.ws->a;
  std::string hash = e.invite_hash(a.id);
  auto valid = e.metadata(R"(query($h: String!) { checkWorkspaceInviteHashIsValid(inviteHash: $h) {
      isValid } })",
                          {{"h", hash}});
  EXPECT_TRUE(valid.at_pointer("/data/checkWorkspaceInviteHashIsValid/isValid").as_bool());
  auto found = e.metadata(R"(query($h: String!) { findWorkspaceFromInviteHash(inviteHash: $h) {
      id displayName } })",
                          {{"h", hash}});
  EXPECT_EQ(text_at(found, "/data/findWorkspaceFromInviteHash/id"), a.id);
  auto unknown = e.metadata(R"({ findWorkspaceFromInviteHash(inviteHash: "nope") { id } })");
  EXPECT_EQ(error_of(unknown), error_pair("Workspace does not exist", "BAD_USER_INPUT"));

  auto joined = e.join("Public.Joiner@Example.com", hash, std::nullopt);
  EXPECT_EQ(text_at(joined, "/data/signUpInWorkspace/workspace/id"), a.id) << joined;
  EXPECT_FALSE(e.access_from(joined).empty());

  // B's owner joins A with the link, with its own password (a wrong one is refused).
  auto& b = e.ws->b;
  auto wrong = e.join(b.email, hash, std::nullopt, std::nullopt, "not-the-password");
  EXPECT_EQ(error_of(wrong), error_pair("Wrong password", "FORBIDDEN"));
  auto existing = e.join(b.email, hash, std::nullopt, std::nullopt, "Bench-Passw0rd!");
  EXPECT_EQ(text_at(existing, "/data/signUpInWorkspace/workspace/id"), a.id) << existing;
  EXPECT_EQ(e.ws->sql("SELECT count(*) FROM core.\"user\" WHERE email = '" + b.email + "'"), "1");
  EXPECT_EQ(e.ws->sql("SELECT count(*) FROM {a}.\"workspaceMember\" WHERE \"userEmail\" = '" +
                      b.email + "'"),
            "1");
  // Joining again changes nothing.
  e.join(b.email, hash, std::nullopt, std::nullopt, "Bench-Passw0rd!");
  EXPECT_EQ(e.ws->sql("SELECT count(*) FROM {a}.\"workspaceMember\" WHERE \"userEmail\" = '" +
                      b.email + "'"),
            "1");
}

TEST(invitations, disabled_public_link_refuses_the_hash_but_not_a_personal_invitation) {
  auto& e = env();
  auto c = e.ws->create("invitations.c@example.com", "Workspace C");
  auto off = e.metadata(
      R"(mutation { updateWorkspace(data: { isPublicInviteLinkEnabled: false }) { id } })", {},
      c.access);
  ASSERT_FALSE(off.as_object().contains("errors")) << off;
  std::string hash = e.invite_hash(c.id);
  auto refused = e.join("hash.only@example.com", hash, std::nullopt);
  EXPECT_EQ(error_of(refused),
            error_pair("Public invite link is disabled for this workspace", "FORBIDDEN"));
  e.send({"personal@example.com"}, c.access);
  auto mail = e.mail_to("personal@example.com");
  ASSERT_TRUE(mail);
  auto link = link_in(*mail);
  ASSERT_TRUE(link);
  auto joined = e.join("personal@example.com", link->hash, link->token);
  EXPECT_EQ(text_at(joined, "/data/signUpInWorkspace/workspace/id"), c.id) << joined;
  // Used once, the same link is only the (disabled) public link.
  auto reused = e.join("personal.again@example.com", link->hash, link->token);
  EXPECT_EQ(error_of(reused).first, "Public invite link is disabled for this workspace");
}

TEST(invitations, members_and_repeated_invitations_are_reported) {
  auto& e = env();
  auto& a = e.ws->a;
  auto sent = e.send({a.email, "fresh.one@example.com"}, a.access);
  EXPECT_FALSE(sent.at_pointer("/data/sendInvitations/success").as_bool()) << sent;
  EXPECT_EQ(json::serialize(sent.at_pointer("/data/sendInvitations/errors")),
            R"(["This user is already a member of the workspace."])");
  EXPECT_EQ(sent.at_pointer("/data/sendInvitations/result").as_array().size(), 1u);
  EXPECT_EQ(text_at(sent, "/data/sendInvitations/result/0/email"), "fresh.one@example.com");

  auto repeated = e.send({"FRESH.ONE@example.com"}, a.access);
  EXPECT_EQ(json::serialize(repeated.at_pointer("/data/sendInvitations/errors")),
            R"(["An invitation has already been sent to this email."])");
  EXPECT_EQ(e.ws->sql("SELECT count(*) FROM core.app_token WHERE type = 'INVITATION_TOKEN' AND "
                      "context->>'email' = 'fresh.one@example.com'"),
            "1");

  auto twice = e.send({"dup@example.com", "dup@example.com"}, a.access);
  EXPECT_EQ(error_of(twice), error_pair("All emails's elements must be unique", "BAD_USER_INPUT"));
  auto invalid = e.send({"not-an-email"}, a.access);
  EXPECT_EQ(error_of(invalid),
            error_pair("each value in emails must be an email", "BAD_USER_INPUT"));
  auto anonymous = e.send({"x@example.com"}, "");
  EXPECT_EQ(error_of(anonymous).first, "Forbidden resource");
}

TEST(invitations, resend_replaces_the_token_and_delete_removes_it) {
  auto& e = env();
  auto& a = e.ws->a;
  auto sent = e.send({"resend.me@example.com"}, a.access);
  std::string first_id = text_at(sent, "/data/sendInvitations/result/0/id");
  auto first_mail = e.mail_to("resend.me@example.com");
  ASSERT_TRUE(first_mail);
  auto first_link = link_in(*first_mail);
  ASSERT_TRUE(first_link);

  auto listed = e.metadata("{ findWorkspaceInvitations { id email expiresAt } }", {}, a.access);
  bool present = false;
  for (const auto& i : listed.at_pointer("/data/findWorkspaceInvitations").as_array())
    present = present || i.at("id").as_string() == first_id;
  EXPECT_TRUE(present) << listed;

  auto resent = e.metadata(R"(mutation($id: String!) { resendWorkspaceInvitation(appTokenId: $id) {
      success errors result { id email } } })",
                           {{"id", first_id}}, a.access);
  EXPECT_TRUE(resent.at_pointer("/data/resendWorkspaceInvitation/success").as_bool()) << resent;
  std::string second_id = text_at(resent, "/data/resendWorkspaceInvitation/result/0/id");
  EXPECT_NE(second_id, first_id);
  auto second_mail = e.mail_to("resend.me@example.com");
  ASSERT_TRUE(second_mail);
  auto second_link = link_in(*second_mail);
  ASSERT_TRUE(second_link);
  EXPECT_NE(second_link->token, first_link->token);
  EXPECT_EQ(e.ws->sql("SELECT count(*) FROM core.app_token WHERE id = '" + first_id + "'"), "0");

  auto deleted =
      e.metadata(R"(mutation($id: String!) { deleteWorkspaceInvitation(appTokenId: $id) })",
                 {{"id", second_id}}, a.access);
  EXPECT_EQ(text_at(deleted, "/data/deleteWorkspaceInvitation"), "success");
  auto again =
      e.metadata(R"(mutation($id: String!) { deleteWorkspaceInvitation(appTokenId: $id) })",
                 {{"id", second_id}}, a.access);
  EXPECT_EQ(text_at(again, "/data/deleteWorkspaceInvitation"), "error");
  auto gone = e.metadata(R"(mutation($id: String!) { resendWorkspaceInvitation(appTokenId: $id) {
      success } })",
                         {{"id", second_id}}, a.access);
  EXPECT_EQ(error_of(gone).first, "Invalid appToken");
  // Neither token joins any more (the workspace's public link aside).
  auto joined = e.join("resend.me@example.com", std::nullopt, second_link->token, a.id);
  EXPECT_EQ(error_of(joined).first, "User does not have access to this workspace");
}

TEST(invitations, another_workspace_can_neither_list_nor_use_them) {
  auto& e = env();
  auto& a = e.ws->a;
  auto& b = e.ws->b;
  auto sent = e.send({"only.for.a@example.com"}, a.access);
  std::string id = text_at(sent, "/data/sendInvitations/result/0/id");
  auto mail = e.mail_to("only.for.a@example.com");
  ASSERT_TRUE(mail);
  auto link = link_in(*mail);
  ASSERT_TRUE(link);

  auto listed = e.metadata("{ findWorkspaceInvitations { id email } }", {}, b.access);
  EXPECT_EQ(json::serialize(listed).find("only.for.a@example.com"), std::string::npos) << listed;
  auto deleted =
      e.metadata(R"(mutation($id: String!) { deleteWorkspaceInvitation(appTokenId: $id) })",
                 {{"id", id}}, b.access);
  EXPECT_EQ(text_at(deleted, "/data/deleteWorkspaceInvitation"), "error");
  auto resent = e.metadata(R"(mutation($id: String!) { resendWorkspaceInvitation(appTokenId: $id) {
      success } })",
                           {{"id", id}}, b.access);
  EXPECT_EQ(error_of(resent).first, "Invalid appToken");
  EXPECT_EQ(e.ws->sql("SELECT count(*) FROM core.app_token WHERE id = '" + id + "'"), "1");
  // A's personal token opens nothing in B.
  auto into_b = e.join("only.for.a@example.com", std::nullopt, link->token, b.id);
  EXPECT_EQ(error_of(into_b).first, "User does not have access to this workspace");
  EXPECT_EQ(e.ws->sql("SELECT count(*) FROM {b}.\"workspaceMember\" WHERE \"userEmail\" = "
                      "'only.for.a@example.com'"),
            "0");
  // ... and still works in A.
  auto into_a = e.join("only.for.a@example.com", link->hash, link->token);
  EXPECT_EQ(text_at(into_a, "/data/signUpInWorkspace/workspace/id"), a.id) << into_a;
}

TEST(invitations, a_refused_mail_is_retried) {
  auto& e = env();
  e.sink.refuse_data(1, "451 4.3.0 try again later");
  auto sent = e.send({"retry.me@example.com"}, e.ws->a.access);
  EXPECT_TRUE(sent.at_pointer("/data/sendInvitations/success").as_bool()) << sent;
  auto mail = e.mail_to("retry.me@example.com");
  ASSERT_TRUE(mail) << "the mail was not retried after a 451";
  EXPECT_TRUE(link_in(*mail));
}

}  // namespace
