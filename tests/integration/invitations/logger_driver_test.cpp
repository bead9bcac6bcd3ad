// EMAIL_DRIVER=logger (the default): an invitation is written to the server's log, and sending
// does not fail.
#include "integration/invitations/invitation_env.hpp"

namespace {

using cohort::testing::text_at;
using cohort::testing::two_workspaces;

TEST(invitations_logger, the_mail_is_logged_and_sending_succeeds) {
  two_workspaces ws("invitations_logger", {{"EMAIL_DRIVER", "logger"}});
  auto sent = ws.graphql(R"(mutation { sendInvitations(emails: ["logged.invitee@example.com"]) {
      success errors result { email } } })",
                         {}, ws.a.access, "/metadata");
  EXPECT_TRUE(sent.at_pointer("/data/sendInvitations/success").as_bool()) << sent;
  EXPECT_EQ(text_at(sent, "/data/sendInvitations/result/0/email"), "logged.invitee@example.com");
  // The email.send job runs in the background: wait for its log line.
  const std::string line = "to <logged.invitee@example.com>: Join your team on Twenty";
  EXPECT_TRUE(ws.server().proc().wait_for_output(line, std::chrono::seconds(60)));
  std::string log = ws.server().proc().output();
  EXPECT_NE(log.find("/invite/" +
                     ws.sql("SELECT invite_hash FROM core.workspace WHERE id = '" + ws.a.id + "'") +
                     "?inviteToken="),
            std::string::npos);
  EXPECT_EQ(ws.sql("SELECT count(*) FROM core.job WHERE kind = 'email.send' AND status = 'dead'"),
            "0");
}

}  // namespace

namespace {

TEST(invitations_config, smtp_without_a_host_stops_start_up_with_one_line) {
  auto run = cohort::testing::run_cohort({"serve"}, {{"EMAIL_DRIVER", "smtp"}});
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("invalid EMAIL_SMTP_HOST \"\": expected the SMTP server's name when "
                         "EMAIL_DRIVER=smtp"),
            std::string::npos)
      << run.err;
  auto bad_driver = cohort::testing::run_cohort({"serve"}, {{"EMAIL_DRIVER", "carrier-pigeon"}});
  EXPECT_EQ(bad_driver.status, 2);
  EXPECT_NE(bad_driver.err.find("EMAIL_DRIVER"), std::string::npos) << bad_driver.err;
}

}  // namespace
