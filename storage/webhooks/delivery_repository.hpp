// core.webhook_delivery, the delivery log: one row per (webhook x record event), created when the
// event is fanned out and updated by every delivery attempt, so each webhook's history (status,
// attempts, last status code and error) can be inspected.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "storage/core/core_rows.hpp"
#include "storage/pg/pool.hpp"
#include "storage/webhooks/webhook_repository.hpp"  // db_result

namespace cohort::storage::webhooks {

// One record event to fan out to the workspace's webhooks.
struct event_to_fan_out {
  std::string workspace_id;
  std::string event_id;    // stable across replays and retries
  std::string event_name;  // "person.created"
  // The operation patterns that select this event ("person.created", "*.created", ...).
  std::vector<std::string> operations;
  std::string payload;  // JSON text: the event part of the delivery body
};

struct fanned_out_delivery {
  std::string id;
  std::string webhook_id;
  std::int64_t seq = 0;
  bool pending = true;  // false: a replay of a delivery that already ended
};

// Creates the deliveries of every event for every live webhook whose operations select it, in
// event order; a replayed event answers its existing rows. Answers them ordered by seq.
void fan_out_events(pg::pool& pool, const std::vector<event_to_fan_out>& events,
                    std::function<void(core::db_result<std::vector<fanned_out_delivery>>)> done);

// Which of `workspace_ids` have at least one live webhook (most workspaces have none: their events
// need no further work).
void workspaces_with_webhooks(pg::pool& pool, std::vector<std::string> workspace_ids,
                              std::function<void(core::db_result<std::vector<std::string>>)> done);

// The metadata ids of custom objects, by (workspace id, nameSingular) pairs given as two parallel
// lists; answers one id per pair (empty when the workspace has no such custom object).
void find_custom_object_ids(pg::pool& pool, std::vector<std::string> workspace_ids,
                            std::vector<std::string> names,
                            std::function<void(core::db_result<std::vector<std::string>>)> done);

// The users behind members of one workspace (its "workspaceMember" rows): (member id, user id)
// pairs for the members found.
void find_member_users(
    pg::pool& pool, const std::string& workspace_id, std::vector<std::string> member_ids,
    std::function<void(core::db_result<std::vector<std::pair<std::string, std::string>>>)> done);

// A delivery with what its attempt needs from its webhook.
struct delivery_to_send {
  std::string id;
  std::string webhook_id;
  std::string workspace_id;
  std::string event_id;
  std::string event_name;
  std::string payload;  // JSON text
  std::string status;
  int attempts = 0;
  bool webhook_live = false;  // false: the webhook was deleted since
  std::string target_url;
  std::string secret;
};

void load_delivery(pg::pool& pool, std::string delivery_id,
                   std::function<void(core::db_result<delivery_to_send>)> done);

// How one attempt ended, as the log keeps it.
struct attempt_record {
  std::string status;  // pending (will retry), delivered, failed, dead
  std::optional<int> status_code;
  std::optional<std::string> error;
  std::optional<std::int64_t> retry_in_ms;  // pending: when the next attempt is due
  bool counts_as_attempt = true;            // false: nothing was sent (e.g. webhook deleted)
};

void record_attempt(pg::pool& pool, std::string delivery_id, attempt_record attempt,
                    std::function<void(core::db_result<bool>)> done);

struct delivery_log_row {
  std::string id;
  std::string event_id;
  std::string event_name;
  std::string status;
  int attempts = 0;
  std::optional<int> last_status_code;
  std::optional<std::string> last_error;
  std::optional<std::string> next_attempt_at;
  std::string created_at;
  std::string updated_at;
  std::optional<std::string> delivered_at;
};

// The newest `limit` deliveries of a webhook of the workspace, newest first.
void list_deliveries(pg::pool& pool, std::string workspace_id, std::string webhook_id, int limit,
                     std::function<void(core::db_result<std::vector<delivery_log_row>>)> done);

}  // namespace cohort::storage::webhooks
