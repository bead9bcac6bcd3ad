// A platform API on the test binary's private PostgreSQL: a fresh database with the core
// migrations, the platform schema of /graphql, and run(): a document executed as the API layer
// executes it (bearer token verified into the request's caller, Twenty's error format).
#pragma once

#include <boost/json.hpp>
#include <memory>
#include <optional>
#include <string>

#include "api/auth/token_service.hpp"
#include "api/platform/platform_schema.hpp"
#include "config/settings.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::testing {

struct platform_harness {
  // `database` must be unique per test. `adjust` may change the settings and services first.
  explicit platform_harness(const std::string& database,
                            std::function<void(config::settings&)> adjust_settings = {},
                            std::function<void(api::platform::platform_services&)> adjust = {});

  // The response body, parsed. `bearer` is an Authorization token ("" for anonymous).
  boost::json::value run(const std::string& query, boost::json::object variables = {},
                         const std::string& bearer = "");

  // The first column of the first row, as text ("<null>" for NULL, "<none>" without rows).
  std::string sql(const std::string& statement, storage::pg::params args = {});

  config::settings settings;
  std::shared_ptr<storage::pg::pool> pool;
  std::shared_ptr<const api::auth::token_service> tokens;
  std::shared_ptr<const graphql::type::schema> schema;
};

// The value at a JSON pointer of a response; fails the test (printing the body) and answers null
// when it is not there.
const boost::json::value& at_pointer(const boost::json::value& body, std::string_view pointer);

// The claims of a token this server minted, verified as `type`; fails the test otherwise.
boost::json::object verified_claims(const api::auth::token_service& tokens,
                                    const boost::json::value& token, api::auth::token_type type);

}  // namespace cohort::testing
