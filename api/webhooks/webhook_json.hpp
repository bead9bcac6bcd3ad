// A core.webhook row as the platform GraphQL type Webhook and the REST controllers give it out:
// {id, targetUrl, operations, description, secret, workspaceId, createdAt, updatedAt, deletedAt}
// (the REST answer is TypeORM's entity, which also has applicationId), and a delivery log row.
#pragma once

#include <boost/json/object.hpp>

#include "storage/webhooks/delivery_repository.hpp"
#include "storage/webhooks/webhook_repository.hpp"

namespace cohort::api::webhooks {

boost::json::object webhook_json(const storage::webhooks::webhook_row& row);

boost::json::object delivery_json(const storage::webhooks::delivery_log_row& row);

}  // namespace cohort::api::webhooks
