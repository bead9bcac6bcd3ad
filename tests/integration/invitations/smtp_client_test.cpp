// The SMTP client of api/mail against a real SMTP server on loopback (the sink): both AUTH
// mechanisms, the MIME message as a mail client reads it (encoded headers, base64 UTF-8 parts,
// dot-stuffing undone), and how failures are classed: 5xx final, 4xx and network trouble
// retried, a server that never answers ends at the deadline.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "api/mail/email_message.hpp"
#include "api/mail/smtp_client.hpp"
#include "fixtures/smtp_sink.hpp"

namespace {

namespace mail = cohort::api::mail;
using cohort::testing::smtp_sink;

mail::smtp_options options_for(const smtp_sink& sink) {
  mail::smtp_options o;
  o.host = "127.0.0.1";
  o.port = sink.port();
  o.user = "mailer";
  o.password = "p@ss word";
  o.timeout = std::chrono::seconds(20);
  return o;
}

mail::smtp_envelope envelope_of(const mail::email_message& m) {
  return {"noreply@cohort.test",
          {m.to},
          mail::render_mime(m, "noreply@cohort.test", "Zoë (via Twenty)",
                            std::chrono::system_clock::now())};
}

mail::email_message sample() {
  mail::email_message m;
  m.to = "someone@example.com";
  m.subject = "Réunion à 10h";
  m.text = "Bonjour,\n.a line that starts with a dot\n..and two\nFin — merci\n";
  m.html = "<p>Bonjour</p>";
  return m;
}

TEST(smtp_client, auth_plain_and_a_mime_message_a_mail_client_can_read) {
  smtp_sink sink;
  sink.require_auth(true);
  auto m = sample();
  auto outcome = mail::send_smtp(options_for(sink), envelope_of(m));
  ASSERT_TRUE(outcome.sent()) << outcome.error;
  ASSERT_TRUE(sink.wait_for(1));
  auto got = sink.messages().at(0);
  EXPECT_EQ(got.auth_user, "mailer");
  EXPECT_EQ(got.auth_password, "p@ss word");
  EXPECT_EQ(got.mail_from, "noreply@cohort.test");
  EXPECT_EQ(got.rcpt_to, std::vector<std::string>{"someone@example.com"});
  // The text part comes back byte for byte (its lines starting with dots included).
  EXPECT_EQ(got.text_body(), m.text);
  auto subject = got.header("Subject");
  ASSERT_EQ(subject.rfind("=?UTF-8?B?", 0), 0u) << subject;
  EXPECT_EQ(cohort::testing::base64_decode(subject.substr(10, subject.size() - 12)), m.subject);
  EXPECT_EQ(got.header("To"), "<someone@example.com>");
  EXPECT_EQ(got.header("MIME-Version"), "1.0");
  EXPECT_NE(got.header("Content-Type").find("multipart/alternative"), std::string::npos);
}

TEST(smtp_client, auth_login_when_the_server_offers_only_login) {
  smtp_sink sink;
  sink.offer_auth("LOGIN");
  sink.require_auth(true);
  auto outcome = mail::send_smtp(options_for(sink), envelope_of(sample()));
  ASSERT_TRUE(outcome.sent()) << outcome.error;
  ASSERT_TRUE(sink.wait_for(1));
  EXPECT_EQ(sink.messages().at(0).auth_user, "mailer");
  EXPECT_EQ(sink.messages().at(0).auth_password, "p@ss word");
}

TEST(smtp_client, no_auth_without_a_user) {
  smtp_sink sink;
  auto options = options_for(sink);
  options.user.clear();
  ASSERT_TRUE(mail::send_smtp(options, envelope_of(sample())).sent());
  ASSERT_TRUE(sink.wait_for(1));
  EXPECT_EQ(sink.messages().at(0).auth_user, "");
}

TEST(smtp_client, failures_are_final_or_retried_as_their_code_says) {
  smtp_sink sink;
  sink.refuse_data(1, "554 5.7.1 message rejected");
  auto rejected = mail::send_smtp(options_for(sink), envelope_of(sample()));
  EXPECT_EQ(rejected.what, mail::smtp_outcome::status::permanent);
  EXPECT_NE(rejected.error.find("554"), std::string::npos) << rejected.error;

  sink.refuse_data(1, "451 4.3.0 try later");
  auto later = mail::send_smtp(options_for(sink), envelope_of(sample()));
  EXPECT_EQ(later.what, mail::smtp_outcome::status::transient);
  EXPECT_NE(later.error.find("451"), std::string::npos) << later.error;

  sink.offer_auth("");
  auto no_mechanism = mail::send_smtp(options_for(sink), envelope_of(sample()));
  EXPECT_EQ(no_mechanism.what, mail::smtp_outcome::status::permanent);
  EXPECT_NE(no_mechanism.error.find("neither AUTH PLAIN nor AUTH LOGIN"), std::string::npos);
  EXPECT_EQ(sink.count(), 0u);

  auto options = options_for(sink);
  options.host.clear();
  EXPECT_EQ(mail::send_smtp(options, envelope_of(sample())).what,
            mail::smtp_outcome::status::permanent);
}

TEST(smtp_client, an_unreachable_or_silent_server_is_retried_later) {
  // A port nobody listens on.
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  mail::smtp_options options;
  options.host = "127.0.0.1";
  options.port = ntohs(addr.sin_port);
  options.timeout = std::chrono::seconds(5);
  auto refused = mail::send_smtp(options, envelope_of(sample()));
  EXPECT_EQ(refused.what, mail::smtp_outcome::status::transient) << refused.error;

  // Listening, but never saying 220.
  ::listen(fd, 4);
  options.timeout = std::chrono::milliseconds(300);
  auto silent = mail::send_smtp(options, envelope_of(sample()));
  EXPECT_EQ(silent.what, mail::smtp_outcome::status::transient);
  EXPECT_NE(silent.error.find("timed out"), std::string::npos) << silent.error;
  ::close(fd);
}

}  // namespace
