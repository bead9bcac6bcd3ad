// A `cohort serve --seed demo` for the webhook tests, each on its own database: one with
// ALLOW_PRIVATE_NETWORK_TARGETS=true (deliveries to the loopback receiver), one with it off (SSRF
// refusals). Fast retries (WEBHOOK_RETRY_BASE_DELAY=50ms, 3 attempts, 1 s receiver timeout) keep
// retry and dead-letter tests short.
#pragma once

#include <boost/json/value.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "integration_support/demo_workspace.hpp"

namespace cohort::testing {

struct webhook_server : demo_workspace {
  using demo_workspace::demo_workspace;
  // allow_private: the ALLOW_PRIVATE_NETWORK_TARGETS setting of that server.
  static webhook_server& shared(bool allow_private = true);
  // A server of its own on a new database `name` (for tests that kill it).
  static std::unique_ptr<webhook_server> launch(const std::string& name, bool allow_private);

  // Soft-deletes every webhook, so a test only sees deliveries to its own.
  void forget_webhooks();
  // Creates a webhook through /metadata; answers its id (empty on failure).
  std::string create_webhook(const std::string& url, const std::string& operations_json,
                             const std::string& secret = "test-secret");
  // Creates a person through /graphql; answers its id.
  std::string create_person(const std::string& first_name);

  bool allow_private = true;
};

}  // namespace cohort::testing
