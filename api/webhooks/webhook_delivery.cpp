#include "api/webhooks/webhook_delivery.hpp"

#include <boost/json.hpp>

#include "api/webhooks/retry_policy.hpp"
#include "api/webhooks/webhook_payload.hpp"
#include "api/webhooks/webhook_signature.hpp"
#include "storage/webhooks/delivery_repository.hpp"

namespace cohort::api::webhooks {

namespace {

namespace wh = storage::webhooks;
using outcome = delivery_outcome;

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Writes the attempt to the log, then answers the job (a log that cannot be written is retried:
// the receiver may see the delivery again, with the same event id).
void log_then_answer(const delivery_services& services, const std::string& delivery_id,
                     wh::attempt_record record, outcome result, std::function<void(outcome)> done) {
  wh::record_attempt(
      *services.pool, delivery_id, std::move(record),
      [result = std::move(result), done](wh::db_result<bool> r) mutable {
        if (!r.ok()) {
          return done(
              {outcome::status::retry, "cannot write the delivery log: " + r.error->message, {}});
        }
        done(std::move(result));
      });
}

// Counts one attempt: cohort_webhook_attempts_total{outcome} and its duration.
void count_attempt(const delivery_services& services, std::string_view what,
                   std::chrono::steady_clock::duration took) {
  if (!services.metrics) return;
  services.metrics
      ->counter("cohort_webhook_attempts_total",
                "Webhook delivery attempts by outcome (delivered, retry, failed, dead)",
                {"outcome"})
      .with({what})
      .inc();
  services.metrics
      ->histogram("cohort_webhook_attempt_duration_seconds",
                  "Time from sending a webhook delivery to its answer (or failure)", {})
      .with(std::vector<std::string>{})
      .observe(std::chrono::duration<double>(took).count());
}

void send(const delivery_services& services, const wh::delivery_to_send& d, int attempt,
          bool last_attempt, std::function<void(outcome)> done) {
  std::string body = delivery_body(d.payload, d.target_url, d.webhook_id);
  http::outbound_request request;
  request.url = d.target_url;
  request.headers = signed_headers(d.secret, body, now_ms(), new_nonce());
  request.headers.emplace_back("X-Cohort-Event-Id", d.event_id);
  request.headers.emplace_back("X-Cohort-Delivery-Attempt", std::to_string(attempt));
  request.body = std::move(body);
  request.timeout = services.timeout;
  request.allow_private_targets = services.allow_private_targets;
  auto started = std::chrono::steady_clock::now();
  services.client->send(
      std::move(request), [services, id = d.id, last_attempt, started,
                           done = std::move(done)](http::outbound_response response) {
        auto assessed = assess_attempt(response, std::chrono::system_clock::now());
        wh::attempt_record record;
        record.status_code = assessed.status_code;
        outcome result;
        switch (assessed.verdict) {
          case attempt_verdict::delivered:
            record.status = "delivered";
            break;
          case attempt_verdict::retry:
            record.status = last_attempt ? "dead" : "pending";
            record.error = assessed.error;
            if (assessed.retry_after) record.retry_in_ms = assessed.retry_after->count();
            result = {last_attempt ? outcome::status::fail : outcome::status::retry, assessed.error,
                      assessed.retry_after};
            break;
          case attempt_verdict::give_up:
            record.status = "failed";
            record.error = assessed.error;
            result = {outcome::status::fail, assessed.error, {}};
            break;
        }
        std::string counted = record.status == "pending" ? "retry" : record.status;
        count_attempt(services, counted, std::chrono::steady_clock::now() - started);
        log_then_answer(services, id, std::move(record), std::move(result), done);
      });
}

}  // namespace

std::string webhook_ordering_key(std::string_view webhook_id) {
  return "webhook:" + std::string(webhook_id);
}

std::string deliver_job_payload(std::string_view delivery_id) {
  return boost::json::serialize(boost::json::object{{"deliveryId", delivery_id}});
}

std::optional<std::string> delivery_id_of(std::string_view payload) {
  boost::system::error_code ec;
  auto v = boost::json::parse(payload, ec);
  if (ec || !v.is_object()) return std::nullopt;
  const auto* id = v.as_object().if_contains("deliveryId");
  if (!id || !id->is_string()) return std::nullopt;
  return std::string(id->as_string());
}

void deliver(const delivery_services& services, std::string delivery_id, int attempt,
             bool last_attempt, std::function<void(delivery_outcome)> done) {
  wh::load_delivery(
      *services.pool, delivery_id,
      [services, attempt, last_attempt,
       done = std::move(done)](wh::db_result<wh::delivery_to_send> r) mutable {
        if (!r.ok()) {
          return done(
              {outcome::status::retry, "cannot read the delivery: " + r.error->message, {}});
        }
        // Gone (its webhook was destroyed) or already ended (a job run again after a crash).
        if (!r.value || r.value->status != "pending") return done({});
        if (!r.value->webhook_live) {
          wh::attempt_record record;
          record.status = "failed";
          record.error = "the webhook was deleted";
          record.counts_as_attempt = false;
          return log_then_answer(services, r.value->id, std::move(record), {}, std::move(done));
        }
        send(services, *r.value, attempt, last_attempt, std::move(done));
      });
}

}  // namespace cohort::api::webhooks
