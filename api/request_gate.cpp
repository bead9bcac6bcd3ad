#include "api/request_gate.hpp"

#include <boost/json.hpp>

#include "api/bearer_caller.hpp"
#include "api/rate_limit/graphql_peek.hpp"
#include "api/rate_limit/redis_rate_limiter.hpp"
#include "api/record_request_shape.hpp"
#include "api/remembered_standings.hpp"
#include "api/rest/rest_error.hpp"
#include "storage/core/api_key_repository.hpp"
#include "storage/core/role_permission_cache.hpp"
#include "storage/core/standing_guard.hpp"
#include "storage/query/filter_operators.hpp"
#include "storage/redis/redis_url.hpp"

namespace cohort::api {

namespace {

namespace json = boost::json;

constexpr std::string_view authenticate_text = "You must be authenticated to perform this action.";
constexpr std::string_view throttled_text = "Too many requests.";

bool is_graphql_path(std::string_view path) {
  return path == "/graphql" || path == "/metadata";
}

// An AuthException as Twenty's middleware writes it: GraphQL extensions {userFriendlyMessage,
// subCode, code} without `data`; REST {statusCode, error: subCode, messages}.
http::response auth_refusal(const http::request& req, std::string_view sub_code,
                            std::string message) {
  const bool unauthenticated = sub_code != "FORBIDDEN_EXCEPTION";
  if (!is_graphql_path(req.path)) {
    return rest::to_response(rest::rest_error{.status = unauthenticated ? 401u : 403u,
                                              .error = std::string(sub_code),
                                              .messages = {std::move(message)}});
  }
  json::object ext;
  ext["userFriendlyMessage"] =
      unauthenticated ? json::string(authenticate_text) : json::string(message);
  ext["subCode"] = sub_code;
  ext["code"] = unauthenticated ? "UNAUTHENTICATED" : "FORBIDDEN";
  json::object e{{"message", std::move(message)}, {"extensions", std::move(ext)}};
  http::response res;
  res.body = json::serialize(json::object{{"errors", json::array{std::move(e)}}});
  return res;
}

// Twenty's throttler error: on GraphQL each root field is null with "Too many requests."
// (INTERNAL_SERVER_ERROR); on REST a 429 with Retry-After.
http::response throttled(const http::request& req, rate_limit::decision d) {
  http::response res;
  if (!is_graphql_path(req.path)) {
    res = rest::to_response(rest::rest_error{.status = 429,
                                             .error = "TooManyRequestsException",
                                             .messages = {std::string(throttled_text)}});
    res.headers.emplace_back("Retry-After", std::to_string(d.retry_after.count()));
    return res;
  }
  json::object ext{{"code", "INTERNAL_SERVER_ERROR"},
                   {"userFriendlyMessage", "An error occurred."}};
  json::object e{{"message", throttled_text}, {"extensions", std::move(ext)}};
  json::value data = nullptr;
  auto keys = rate_limit::root_response_keys(req.body);
  if (!keys.empty()) {
    json::object fields;
    for (auto& k : keys) fields[k] = nullptr;
    data = std::move(fields);
  }
  res.body = json::serialize(json::object{{"errors", json::array{std::move(e)}}, {"data", data}});
  return res;
}

// Whose bucket a request draws on: the API key, the user in the workspace, or the address.
std::string limit_key(const http::request& req, const auth::verified_token* t) {
  if (!t) return "ip:" + req.remote_address;
  std::string ws(t->workspace_id().empty() ? t->subject() : t->workspace_id());
  if (t->is_legacy_api_key() || t->type == auth::token_type::api_key)
    return "key:" + ws + ":" + std::string(t->jti());
  std::string user(t->string_claim("userWorkspaceId"));
  if (user.empty()) user = std::string(t->user_id().empty() ? t->subject() : t->user_id());
  return "user:" + ws + ":" + user;
}

// Counts the sign-in as failed when it answers an error.
http::responder count_sign_in_failure(std::shared_ptr<rate_limit::rate_limiter> limit,
                                      std::string email, http::responder done) {
  return [limit, email = std::move(email), done = std::move(done)](http::response res) {
    if (res.status != 200 || res.body.find("\"errors\"") != std::string::npos)
      limit->apply(email, rate_limit::bucket_op::spend, [](rate_limit::decision) {});
    done(std::move(res));
  };
}

// Who a workspace token speaks for, as far as its standing goes: the API key, or the membership.
struct token_identity {
  std::string workspace_id;
  std::optional<std::string> key_id;
  std::optional<std::string> user_workspace_id;
  // The remembered standings' key; empty when the standing is not remembered (an ACCESS token
  // without a membership).
  std::string memory_key() const {
    if (!key_id && !user_workspace_id) return {};
    if (!storage::query::is_uuid(workspace_id) || (key_id && !storage::query::is_uuid(*key_id)) ||
        (user_workspace_id && !storage::query::is_uuid(*user_workspace_id))) {
      return {};
    }
    return workspace_id + (key_id ? "|key|" + *key_id : "|member|" + *user_workspace_id);
  }
};

// The caller's rights: its role's permissions at the workspace's current roles_version (cached per
// process, see storage/core/role_permission_cache.hpp); nothing at all without a role. The
// standing is remembered for the fast path (pass_remembered).
void attach_permissions(const request_gate_services& s, http::request req, http::responder done,
                        gate_pass pass, std::string memory_key, std::string workspace_id,
                        const storage::core::token_standing& st) {
  auto remember = [memory_key = std::move(memory_key), role_id = st.role_id,
                   version = st.roles_version, key_name = st.key_name,
                   standing_version = st.standing_version,
                   key_expires_at = st.key_expires_at](storage::core::permissions_ptr permissions) {
    if (memory_key.empty()) return;
    process_standings().remember(
        memory_key, remembered_standing{role_id, version, std::move(permissions), key_name,
                                        standing_version, key_expires_at});
  };
  if (!st.role_id) {
    req.permissions = storage::core::no_role_permissions();
    remember(req.permissions);
    return pass(std::move(req), std::move(done));
  }
  storage::core::resolve_role_permissions(
      *s.pool, std::move(workspace_id), *st.role_id, st.roles_version,
      [req = std::move(req), done = std::move(done), pass = std::move(pass),
       remember](storage::core::db_result<storage::core::permissions_ptr> r) mutable {
        if (!r.ok()) {
          return done(
              http::error_response(503, "The database did not answer: " + r.error->message));
        }
        req.permissions = std::move(*r.value);
        remember(req.permissions);
        pass(std::move(req), std::move(done));
      });
}

// The full check: the standing statement, then the caller's permissions.
void check_standing(const request_gate_services& s, http::request req, http::responder done,
                    gate_pass pass, token_identity who) {
  const bool api_key = who.key_id.has_value();
  std::string workspace_id = who.workspace_id;
  storage::core::check_token_standing(
      *s.pool, std::move(workspace_id), who.key_id, who.user_workspace_id,
      [s, who, req = std::move(req), done = std::move(done), pass = std::move(pass),
       api_key](storage::core::db_result<storage::core::token_standing> r) mutable {
        if (!r.ok()) {
          return done(
              http::error_response(503, "The database did not answer: " + r.error->message));
        }
        const auto& st = *r.value;
        if (!st.workspace_live)
          return done(auth_refusal(req, "WORKSPACE_NOT_FOUND", "Workspace not found"));
        // Twenty's JwtAuthStrategy: the user first, then the membership.
        using member = storage::core::token_standing::member_state;
        if (st.member == member::user_gone)
          return done(auth_refusal(req, "USER_NOT_FOUND", "User not found"));
        if (st.member == member::membership_gone)
          return done(auth_refusal(req, "USER_WORKSPACE_NOT_FOUND", "UserWorkspace not found"));
        if (api_key) {
          if (!st.key_found || st.key_revoked)
            return done(auth_refusal(req, "FORBIDDEN_EXCEPTION", "This API Key is revoked"));
          if (st.key_expired)
            return done(auth_refusal(req, "FORBIDDEN_EXCEPTION", "This API Key has expired"));
          static const std::string header_name(internal_api_key_name_header);
          req.headers.emplace_back(header_name, st.key_name);
        }
        std::string memory_key = who.memory_key();
        attach_permissions(s, std::move(req), std::move(done), std::move(pass),
                           std::move(memory_key), std::move(who.workspace_id), st);
      });
}

// The fast path: a record-only request of a remembered identity passes at once with the
// remembered permissions and a guard that its record statements send in their own round trip
// (storage::query::run). Its answer is kept only when at least one statement passed the guard and
// none failed it; otherwise the answer is dropped, the standing forgotten (when the guard failed)
// and the request goes through the full check as if it had never taken this path. That is safe
// because such a request is read-only or a single mutation, whose one statement does not run when
// its guard fails (the guard aborts the pipeline's transaction before it).
void pass_remembered(const request_gate_services& s, http::request req, http::responder done,
                     gate_pass pass, token_identity who, const remembered_standing& standing) {
  auto original = std::make_shared<http::request>(req);
  auto guard = std::make_shared<storage::core::standing_guard>();
  guard->workspace_id = who.workspace_id;
  guard->roles_version = standing.roles_version;
  guard->standing_version = standing.standing_version;
  guard->key_expires_at = standing.key_expires_at;
  if (who.key_id) {
    static const std::string header_name(internal_api_key_name_header);
    req.headers.emplace_back(header_name, standing.key_name);
  }
  req.permissions = standing.permissions;
  req.standing_guard = guard;
  auto checked = [s, guard, original, pass, who,
                  done = std::move(done)](http::response res) mutable {
    if (!guard->failed && guard->passed > 0) return done(std::move(res));
    if (guard->failed) process_standings().forget(who.memory_key());
    check_standing(s, std::move(*original), std::move(done), std::move(pass), std::move(who));
  };
  pass(std::move(req), std::move(checked));
}

void check_or_pass_remembered(const request_gate_services& s, http::request req,
                              http::responder done, gate_pass pass, token_identity who) {
  // Under load too: the pool lets only a few reads run at once (pg::admission), so requests
  // queue for a read slot most of the time, while a standing statement (not a read) would run at
  // once beside them, alone, and add a round trip and a thread crossing to each request
  // (bench/records/README.md, "read admission").
  if (auto key = who.memory_key(); !key.empty()) {
    if (auto standing = process_standings().find(key); standing && is_record_only_request(req)) {
      return pass_remembered(s, std::move(req), std::move(done), std::move(pass), std::move(who),
                             *standing);
    }
  }
  check_standing(s, std::move(req), std::move(done), std::move(pass), std::move(who));
}

// A request on its way through the gate's asynchronous steps.
struct gated_request {
  request_gate_services services;
  http::request req;
  http::responder done;
  gate_pass pass;
  std::shared_ptr<const auth::verified_token> verified;
};
using gated_ptr = std::shared_ptr<gated_request>;

// The database step: what the token alone cannot prove.
void after_sign_in_limit(gated_ptr call) {
  const auto& s = call->services;
  if (!call->verified || !s.pool) return call->pass(std::move(call->req), std::move(call->done));
  const auto& t = *call->verified;
  if (t.is_legacy_api_key() || t.type == auth::token_type::api_key) {
    std::string ws(t.workspace_id().empty() ? t.subject() : t.workspace_id());
    return check_or_pass_remembered(s, std::move(call->req), std::move(call->done),
                                    std::move(call->pass),
                                    {std::move(ws), std::string(t.jti()), std::nullopt});
  }
  if (t.type == auth::token_type::access && !t.workspace_id().empty()) {
    std::optional<std::string> user_workspace;
    if (auto uw = t.string_claim("userWorkspaceId"); !uw.empty()) user_workspace = std::string(uw);
    return check_or_pass_remembered(
        s, std::move(call->req), std::move(call->done), std::move(call->pass),
        {std::string(t.workspace_id()), std::nullopt, std::move(user_workspace)});
  }
  call->pass(std::move(call->req), std::move(call->done));
}

// A sign-in attempt: refused while its e-mail has no failures left; its failure is counted.
void after_api_limit(gated_ptr call) {
  const auto& s = call->services;
  std::optional<std::string> email;
  if (s.limits.sign_in && is_graphql_path(call->req.path))
    email = rate_limit::sign_in_email(call->req.body);
  if (!email) return after_sign_in_limit(std::move(call));
  s.limits.sign_in->apply(
      *email, rate_limit::bucket_op::peek, [call, email = *email](rate_limit::decision d) mutable {
        if (!d.allowed) return call->done(throttled(call->req, d));
        call->done =
            count_sign_in_failure(call->services.limits.sign_in, email, std::move(call->done));
        after_sign_in_limit(std::move(call));
      });
}

}  // namespace

request_limits request_limits::from_settings(const config::settings& settings) {
  request_limits out;
  std::shared_ptr<rate_limit::redis_bucket_worker> redis;
  if (!settings.redis_url.empty()) {
    if (auto endpoint = storage::redis::parse_redis_url(settings.redis_url))
      redis = std::make_shared<rate_limit::redis_bucket_worker>(*endpoint);
  }
  auto limiter =
      [&](std::string prefix,
          rate_limit::bucket_options options) -> std::shared_ptr<rate_limit::rate_limiter> {
    if (redis)
      return std::make_shared<rate_limit::redis_rate_limiter>(redis, std::move(prefix), options);
    return std::make_shared<rate_limit::local_rate_limiter>(options);
  };
  if (settings.api_rate_limiting_limit > 0) {
    out.api = limiter("cohort:rate:api:",
                      {.capacity = static_cast<double>(settings.api_rate_limiting_limit),
                       .period = std::chrono::seconds(settings.api_rate_limiting_ttl)});
  }
  if (settings.sign_in_failures_limit > 0) {
    out.sign_in = limiter("cohort:rate:sign-in:",
                          {.capacity = static_cast<double>(settings.sign_in_failures_limit),
                           .period = settings.sign_in_failures_ttl});
  }
  return out;
}

bool is_gated_path(std::string_view path) {
  return is_graphql_path(path) || path == "/rest" || path.rfind("/rest/", 0) == 0;
}

void pass_request_gate(const request_gate_services& s, http::request req, http::responder done,
                       gate_pass pass) {
  // Only the gate may say which API key a request carries.
  std::erase_if(req.headers, [](const auto& h) { return h.first == internal_api_key_name_header; });
  req.permissions = nullptr;
  std::shared_ptr<const auth::verified_token> verified;
  if (auto token = bearer_token(req); !token.empty() && s.tokens) {
    auto v = s.tokens->authenticate(token);
    if (v) verified = std::make_shared<const auth::verified_token>(std::move(v).value());
  }
  req.verified_token = verified;
  auto call = std::make_shared<gated_request>(
      gated_request{s, std::move(req), std::move(done), std::move(pass), std::move(verified)});
  if (!s.limits.api) return after_api_limit(std::move(call));
  auto key = limit_key(call->req, call->verified.get());
  s.limits.api->apply(std::move(key), rate_limit::bucket_op::take,
                      [call](rate_limit::decision d) mutable {
                        if (!d.allowed) return call->done(throttled(call->req, d));
                        after_api_limit(std::move(call));
                      });
}

}  // namespace cohort::api
