// The checks an API request passes before its endpoint runs, beyond what its token alone proves:
// the token's workspace still exists, an API key is neither revoked nor expired, and the caller is
// within its rate limit (failed sign-ins also per e-mail). The database is read on every request
// with a workspace token: by the standing statement, or, for a record-only request of a token
// whose standing this process remembers (record_request_shape.hpp, remembered_standings.hpp), by
// a guard sent in the record statement's own round trip that aborts the statement when the
// standing changed; the request is then answered by the full check. Either way a revocation or
// deletion is refused on the next request on every node, and a revoked key writes nothing.
// Refusals are answered in the endpoint's shape: Twenty's GraphQL error (HTTP 200) on /graphql
// and /metadata, Twenty's REST error on /rest (HTTP 429 with Retry-After when throttled).
#pragma once

#include <functional>
#include <memory>
#include <string_view>

#include "api/auth/token_service.hpp"
#include "api/http/message.hpp"
#include "api/rate_limit/rate_limiter.hpp"
#include "config/settings.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::api {

struct request_limits {
  std::shared_ptr<rate_limit::rate_limiter> api;      // per token (or address); null: off
  std::shared_ptr<rate_limit::rate_limiter> sign_in;  // failed sign-ins per e-mail; null: off
  // API_RATE_LIMITING_TTL / _LIMIT and SIGN_IN_FAILURES_TTL / _LIMIT; in Redis, shared by every
  // node, when REDIS_URL is set, else in this process.
  static request_limits from_settings(const config::settings& settings);
};

struct request_gate_services {
  std::shared_ptr<const auth::token_service> tokens;
  std::shared_ptr<storage::pg::pool> pool;  // null: no database checks
  request_limits limits;
};

// /graphql, /metadata and /rest/...: the paths the gate guards.
bool is_gated_path(std::string_view path);

using gate_pass = std::function<void(http::request, http::responder)>;

// Either calls `pass` (possibly on a database thread) with the request and the responder to
// answer it with, or answers `done` itself. A token the verifier refuses passes untouched: its
// endpoint answers the verifier's error.
void pass_request_gate(const request_gate_services& services, http::request req,
                       http::responder done, gate_pass pass);

}  // namespace cohort::api
