#include "api/mail/mail_sender.hpp"

#include <spdlog/spdlog.h>

#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>

#include "api/mail/smtp_client.hpp"
#include "storage/jobs/job_enqueue.hpp"

namespace cohort::api::mail {

namespace jobs = actors::jobs;

namespace {

storage::jobs::enqueue_request request_for(const email_message& message) {
  storage::jobs::enqueue_request request;
  request.kind = std::string(send_job_kind);
  request.payload = to_payload(message);
  return request;
}

void log_message(const mail_transport_options& options, const email_message& m) {
  spdlog::info("email (EMAIL_DRIVER=logger) from \"{}\" <{}> to <{}>: {}\n{}",
               m.from_name.empty() ? options.from_name : m.from_name, options.from_address, m.to,
               m.subject, m.text);
}

smtp_outcome send_through_smtp(const mail_transport_options& options, const email_message& m) {
  smtp_envelope envelope;
  envelope.from = options.from_address;
  envelope.to = {m.to};
  envelope.data =
      render_mime(m, options.from_address, m.from_name.empty() ? options.from_name : m.from_name,
                  std::chrono::system_clock::now());
  return send_smtp(options.smtp, envelope);
}

}  // namespace

void enqueue_email(storage::pg::pool& pool, const email_message& message,
                   std::function<void(std::optional<std::string>)> done) {
  storage::jobs::enqueue(pool, request_for(message),
                         [done = std::move(done)](storage::jobs::enqueue_result r) {
                           if (auto* e = std::get_if<storage::pg::error_info>(&r))
                             return done(e->message);
                           done(std::nullopt);
                         });
}

storage::pg::statement enqueue_email_statement(const email_message& message) {
  return storage::jobs::enqueue_statement(request_for(message));
}

mail_transport_options mail_transport_options::from_settings(const config::settings& s) {
  mail_transport_options o;
  o.driver = s.email_driver;
  o.from_address = s.email_from_address;
  o.from_name = s.email_from_name;
  o.smtp.host = s.email_smtp_host;
  o.smtp.port = s.email_smtp_port;
  o.smtp.user = s.email_smtp_user;
  o.smtp.password = s.email_smtp_password;
  o.smtp.no_tls = s.email_smtp_no_tls;
  o.smtp.timeout = s.email_smtp_timeout;
  o.max_attempts = s.email_max_attempts;
  return o;
}

jobs::job_kind send_email_job_kind(const mail_transport_options& options) {
  jobs::job_kind kind;
  kind.name = std::string(send_job_kind);
  kind.concurrency = 2;
  kind.max_attempts = options.max_attempts;
  kind.backoff_base = std::chrono::seconds(5);
  kind.backoff_cap = std::chrono::minutes(30);
  kind.timeout = options.smtp.timeout + std::chrono::seconds(5);
  // SMTP conversations block their thread: they get threads of their own, never an actor's.
  std::shared_ptr<boost::asio::thread_pool> workers;
  if (options.driver == "smtp") workers = std::make_shared<boost::asio::thread_pool>(2);
  kind.handler = [options, workers](const jobs::job& job, jobs::job_done done) {
    auto message = from_payload(job.payload);
    if (!message) return done(jobs::job_outcome::fail("unreadable e-mail payload"));
    if (!workers) {
      log_message(options, *message);
      return done(jobs::job_outcome::success());
    }
    boost::asio::post(*workers, [options, message = std::move(*message), done, id = job.id] {
      auto outcome = send_through_smtp(options, message);
      if (outcome.sent()) {
        spdlog::info("email: job {} sent to <{}> via {}:{}", id, message.to, options.smtp.host,
                     options.smtp.port);
        return done(jobs::job_outcome::success());
      }
      spdlog::warn("email: job {} to <{}> not sent: {}", id, message.to, outcome.error);
      if (outcome.what == smtp_outcome::status::permanent)
        return done(jobs::job_outcome::fail(outcome.error));
      done(jobs::job_outcome::retry(outcome.error));
    });
  };
  return kind;
}

void register_mail_jobs(jobs::job_registry& registry, const config::settings& settings) {
  registry.add(send_email_job_kind(mail_transport_options::from_settings(settings)));
}

}  // namespace cohort::api::mail
