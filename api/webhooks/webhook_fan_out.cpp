#include "api/webhooks/webhook_fan_out.hpp"

#include <spdlog/spdlog.h>

#include <set>

#include "api/webhooks/event_enrichment.hpp"
#include "api/webhooks/operation_matching.hpp"
#include "api/webhooks/webhook_delivery.hpp"
#include "model/stable_id.hpp"
#include "storage/jobs/job_enqueue.hpp"
#include "storage/webhooks/delivery_repository.hpp"

namespace cohort::api::webhooks {

namespace {

namespace json = boost::json;
namespace wh = storage::webhooks;

std::optional<json::value> property(const json::object& properties, std::string_view name) {
  const json::value* v = properties.if_contains(name);
  if (!v || v->is_null()) return std::nullopt;
  return *v;
}

class fan_out_consumer : public actors::events::event_consumer {
 public:
  explicit fan_out_consumer(std::shared_ptr<storage::pg::pool> pool) : pool_(std::move(pool)) {}

  void on_events(std::span<const actors::events::record_event> batch,
                 std::function<void(bool ok)> done) override {
    std::vector<webhook_event> events;
    events.reserve(batch.size());
    for (const auto& e : batch) events.push_back(to_webhook_event(e));
    fan_out(*pool_, std::move(events), std::move(done));
  }

 private:
  std::shared_ptr<storage::pg::pool> pool_;
};

}  // namespace

webhook_event to_webhook_event(const actors::events::record_event& event) {
  webhook_event out;
  out.event_id = std::to_string(event.outbox_id);
  out.workspace_id = event.workspace_id;
  out.object_name = event.object_name;
  // Standard objects have the same id in every workspace (model/stable_id); fan_out() looks up
  // the ids of custom ones, and the user behind the member.
  out.object_metadata_id = model::standard_object_id(event.object_name);
  out.action = event.action;
  out.event_date = event.event_date;
  out.workspace_member_id = event.workspace_member_id;
  out.before = property(event.properties, "before");
  out.after = property(event.properties, "after");
  if (auto fields = property(event.properties, "updatedFields"); fields && fields->is_array()) {
    std::vector<std::string> names;
    for (const auto& f : fields->as_array()) {
      if (f.is_string()) names.emplace_back(f.as_string());
    }
    out.updated_fields = std::move(names);
  }
  return out;
}

namespace {

// Writes the deliveries of `events` (object ids resolved) and enqueues their jobs.
void store_deliveries(storage::pg::pool& pool, const std::vector<webhook_event>& events,
                      std::function<void(bool ok)> done) {
  std::vector<wh::event_to_fan_out> rows;
  rows.reserve(events.size());
  for (const auto& e : events) {
    rows.push_back({e.workspace_id, e.event_id, e.name(),
                    operations_selecting(e.object_name, e.action), event_payload(e)});
  }
  auto p = &pool;
  wh::fan_out_events(
      pool, rows,
      [p, done = std::move(done)](wh::db_result<std::vector<wh::fanned_out_delivery>> r) {
        if (!r.ok()) {
          spdlog::warn("webhooks: cannot fan events out: {}", r.error->message);
          return done(false);
        }
        std::vector<storage::jobs::enqueue_request> jobs;
        for (const auto& d : *r.value) {
          if (!d.pending) continue;
          storage::jobs::enqueue_request request;
          request.kind = std::string(deliver_job_kind);
          request.payload = deliver_job_payload(d.id);
          request.idempotency_key = d.id;
          request.ordering_key = webhook_ordering_key(d.webhook_id);
          jobs.push_back(std::move(request));
        }
        if (jobs.empty()) return done(true);
        // One INSERT for the batch, its jobs in the deliveries' order (each webhook's order).
        p->transaction({storage::jobs::enqueue_batch_statement(jobs)},
                       [done](storage::pg::transaction_result t) {
                         if (!t.ok())
                           spdlog::warn("webhooks: cannot enqueue deliveries: {}",
                                        t.error->message);
                         done(t.ok());
                       });
      });
}

}  // namespace

void fan_out(storage::pg::pool& pool, std::vector<webhook_event> events,
             std::function<void(bool ok)> done) {
  if (events.empty()) return done(true);
  std::set<std::string> workspaces;
  for (const auto& e : events) workspaces.insert(e.workspace_id);
  auto batch = std::make_shared<std::vector<webhook_event>>(std::move(events));
  auto p = &pool;
  // Only the events of workspaces with webhooks are enriched and stored.
  wh::workspaces_with_webhooks(
      pool, {workspaces.begin(), workspaces.end()},
      [p, batch, done = std::move(done)](wh::db_result<std::vector<std::string>> r) mutable {
        if (!r.ok()) {
          spdlog::warn("webhooks: cannot read webhooks: {}", r.error->message);
          return done(false);
        }
        std::set<std::string> with(r.value->begin(), r.value->end());
        std::erase_if(*batch, [&](const webhook_event& e) { return !with.count(e.workspace_id); });
        if (batch->empty()) return done(true);
        enrich_events(*p, batch, [p, batch, done = std::move(done)](bool ok) mutable {
          if (!ok) return done(false);
          store_deliveries(*p, *batch, std::move(done));
        });
      });
}

std::shared_ptr<actors::events::event_consumer> make_fan_out_consumer(
    std::shared_ptr<storage::pg::pool> pool) {
  return std::make_shared<fan_out_consumer>(std::move(pool));
}

}  // namespace cohort::api::webhooks
