#include "api/platform/two_factor_recovery_mail.hpp"

#include <spdlog/spdlog.h>

#include "api/mail/mail_sender.hpp"

namespace cohort::api::platform {

namespace {

std::string in_workspace(const std::string& name) {
  return name.empty() ? std::string("your workspace") : "the workspace " + name;
}

// Text-only: names users typed go into these mails, and without HTML there is nothing to escape.
void queue(const state_ptr& state, mail::email_message message, std::function<void()> then) {
  mail::enqueue_email(*state->pool, message,
                      [then = std::move(then), to = message.to](std::optional<std::string> error) {
                        if (error)
                          spdlog::warn("two-factor recovery mail to {} not queued: {}", to, *error);
                        then();
                      });
}

}  // namespace

void mail_recovery_code_issued(const state_ptr& state, const recovery_code_issued_mail& mail,
                               std::function<void()> then) {
  mail::email_message m;
  m.to = mail.to;
  m.subject = "A two-factor authentication recovery code was generated for you";
  std::string body = mail.issued_by + " generated a recovery code for your two-factor " +
                     "authentication in " + in_workspace(mail.workspace_name) +
                     ". It signs you in once without your authenticator app and turns two-factor " +
                     "authentication off, until " + mail.expires_at +
                     ". If you did not ask for it, tell your workspace administrator.";
  m.text = body + "\n";
  queue(state, std::move(m), std::move(then));
}

void mail_two_factor_reset(const state_ptr& state, const std::string& to,
                           const std::string& workspace_name, std::function<void()> then) {
  mail::email_message m;
  m.to = to;
  m.subject = "Your two-factor authentication was reset";
  std::string body = "A recovery code was just used to sign in to " + in_workspace(workspace_name) +
                     " with your account. Your two-factor authentication there is now off: set "
                     "it up again from your profile. If this was not you, tell your workspace "
                     "administrator and change your password.";
  m.text = body + "\n";
  queue(state, std::move(m), std::move(then));
}

}  // namespace cohort::api::platform
