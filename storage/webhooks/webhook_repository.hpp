// core.webhook rows of one workspace: list, find, create, update and soft-delete (Twenty's
// WebhookService), and the webhooks an event name selects. Every call is scoped by workspace: an id
// of another workspace is "no such row".
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "storage/core/core_rows.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::storage::webhooks {

template <typename T>
using db_result = core::db_result<T>;

struct webhook_row {
  std::string id;
  std::string target_url;
  std::vector<std::string> operations;
  std::optional<std::string> description;
  std::string secret;
  std::string workspace_id;
  std::optional<std::string> application_id;
  std::string created_at;  // ISO 8601 UTC with milliseconds
  std::string updated_at;
  std::optional<std::string> deleted_at;
};

struct new_webhook {
  std::string workspace_id;
  std::string target_url;
  std::vector<std::string> operations;
  std::optional<std::string> description;
  std::string secret;
};

// Absent members are left as they are; description may be set to null.
struct webhook_update {
  std::optional<std::string> target_url;
  std::optional<std::vector<std::string>> operations;
  std::optional<std::optional<std::string>> description;
  std::optional<std::string> secret;
};

using webhook_callback = std::function<void(db_result<webhook_row>)>;
using webhook_list_callback = std::function<void(db_result<std::vector<webhook_row>>)>;

// Live webhooks of the workspace, oldest first.
void list_webhooks(pg::pool& pool, std::string workspace_id, webhook_list_callback done);
// A live webhook of the workspace; no value when there is none (or `id` is not a UUID).
void find_webhook(pg::pool& pool, std::string workspace_id, std::string id, webhook_callback done);
void insert_webhook(pg::pool& pool, new_webhook webhook, webhook_callback done);
// The updated row; no value when the workspace has no such live webhook.
void update_webhook(pg::pool& pool, std::string workspace_id, std::string id, webhook_update update,
                    webhook_callback done);
// Soft-deletes; answers the row as it was, or no value when there was none.
void soft_delete_webhook(pg::pool& pool, std::string workspace_id, std::string id,
                         webhook_callback done);

}  // namespace cohort::storage::webhooks
