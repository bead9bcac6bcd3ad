// Sending e-mail: for the twofactor (password reset) and invitation code, call
// `cohort::api::mail::enqueue_email(pool, message, done)` — or put
// `enqueue_email_statement(message)` in your own transaction — and the durable `email.send` job
// delivers it with retries: written to the log with EMAIL_DRIVER=logger, sent through EMAIL_SMTP_*
// with EMAIL_DRIVER=smtp.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "actors/jobs/job_kind.hpp"
#include "api/mail/email_message.hpp"
#include "api/mail/smtp_client.hpp"
#include "config/settings.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::api::mail {

inline constexpr std::string_view send_job_kind = "email.send";

// Queues the message; `done` gets nullopt once the job row is committed, or the database error.
// Runs on a pool thread.
void enqueue_email(storage::pg::pool& pool, const email_message& message,
                   std::function<void(std::optional<std::string> error)> done);
// The same as one statement of a caller's transaction (the mail goes only if it commits).
storage::pg::statement enqueue_email_statement(const email_message& message);

// How a queued message leaves, from the settings (EMAIL_DRIVER, EMAIL_FROM_*, EMAIL_SMTP_*).
struct mail_transport_options {
  std::string driver = "logger";  // logger or smtp
  std::string from_address;
  std::string from_name;
  smtp_options smtp;
  int max_attempts = 5;
  static mail_transport_options from_settings(const config::settings& settings);
};

// The `email.send` job kind; SMTP conversations run on a small thread pool of its own.
actors::jobs::job_kind send_email_job_kind(const mail_transport_options& options);
void register_mail_jobs(actors::jobs::job_registry& jobs, const config::settings& settings);

}  // namespace cohort::api::mail
