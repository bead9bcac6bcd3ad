#include "api/webhooks/event_enrichment.hpp"

#include <spdlog/spdlog.h>

#include <map>

#include "model/standard/standard_objects.hpp"
#include "storage/webhooks/delivery_repository.hpp"

namespace cohort::api::webhooks {

namespace {

namespace wh = storage::webhooks;

// Looks up the custom objects' ids (one query for the batch), then calls `next`.
void add_custom_object_ids(storage::pg::pool& pool, event_batch events,
                           std::function<void(bool ok)> next) {
  std::vector<std::size_t> custom;
  std::vector<std::string> workspaces, names;
  for (std::size_t i = 0; i < events->size(); ++i) {
    const auto& e = (*events)[i];
    if (model::standard::find_standard_object(e.object_name)) continue;
    custom.push_back(i);
    workspaces.push_back(e.workspace_id);
    names.push_back(e.object_name);
  }
  if (custom.empty()) return next(true);
  wh::find_custom_object_ids(
      pool, std::move(workspaces), std::move(names),
      [events, custom, next = std::move(next)](wh::db_result<std::vector<std::string>> r) {
        if (!r.ok()) {
          spdlog::warn("webhooks: cannot read custom object ids: {}", r.error->message);
          return next(false);
        }
        for (std::size_t k = 0; k < custom.size(); ++k) {
          if (!(*r.value)[k].empty()) (*events)[custom[k]].object_metadata_id = (*r.value)[k];
        }
        next(true);
      });
}

// Looks up the users of the acting members, one query per workspace of the batch (usually one),
// one workspace after the other, then calls `next`.
void add_user_ids(storage::pg::pool& pool, event_batch events,
                  std::shared_ptr<std::map<std::string, std::vector<std::string>>> pending,
                  std::function<void(bool ok)> next) {
  if (pending->empty()) return next(true);
  auto it = pending->begin();
  std::string workspace = it->first;
  std::vector<std::string> members = std::move(it->second);
  pending->erase(it);
  auto p = &pool;
  wh::find_member_users(
      pool, workspace, std::move(members),
      [p, events, pending, workspace, next = std::move(next)](
          wh::db_result<std::vector<std::pair<std::string, std::string>>> r) mutable {
        if (!r.ok()) {
          spdlog::warn("webhooks: cannot read workspace members: {}", r.error->message);
          return next(false);
        }
        std::map<std::string, std::string> users(r.value->begin(), r.value->end());
        for (auto& e : *events) {
          if (e.workspace_id != workspace || !e.workspace_member_id) continue;
          if (auto u = users.find(*e.workspace_member_id); u != users.end()) e.user_id = u->second;
        }
        add_user_ids(*p, events, pending, std::move(next));
      });
}

}  // namespace

void enrich_events(storage::pg::pool& pool, event_batch events, std::function<void(bool ok)> done) {
  auto p = &pool;
  add_custom_object_ids(pool, events, [p, events, done = std::move(done)](bool ok) mutable {
    if (!ok) return done(false);
    auto pending = std::make_shared<std::map<std::string, std::vector<std::string>>>();
    for (const auto& e : *events) {
      if (e.workspace_member_id) (*pending)[e.workspace_id].push_back(*e.workspace_member_id);
    }
    add_user_ids(*p, events, pending, std::move(done));
  });
}

}  // namespace cohort::api::webhooks
