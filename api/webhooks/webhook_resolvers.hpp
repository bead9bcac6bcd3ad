// The /metadata root fields that manage webhooks (Twenty's WebhookResolver): webhooks,
// webhook(input:{id}), createWebhook, updateWebhook, deleteWebhook, scoped to the caller's
// workspace (another workspace's id is "not found": null, or false for deleteWebhook).
#pragma once

#include "api/platform/resolver_support.hpp"

namespace cohort::api::webhooks {

void add_webhook_resolvers(platform::resolver_list& out, const platform::state_ptr& state);

}  // namespace cohort::api::webhooks
