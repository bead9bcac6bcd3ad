// Which requests the request gate may pass on its fast path (remembered standing, checked by a
// guard in the record statement's own round trip): those whose every database statement is a
// record statement run by storage::query::run, decided without the workspace's schema and on the
// safe side. POST /graphql with one operation (a query, or a mutation with exactly one root
// field) whose root selections are plain fields (no fragments, no directives), none of them
// introspection nor a platform root field; or a /rest/<object>... record route (not metadata,
// apiKeys, webhooks, the OpenAPI documents or batch). Everything else takes the full check.
#pragma once

#include <string_view>

#include "api/http/message.hpp"

namespace cohort::api {

bool is_record_only_request(const http::request& req);

// The GraphQL part alone, on a request body (exposed for tests).
bool is_record_only_graphql(std::string_view body);

}  // namespace cohort::api
