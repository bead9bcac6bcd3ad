#include "api/request_gate.hpp"

#include <boost/json.hpp>

#include "api/bearer_caller.hpp"
#include "api/rate_limit/graphql_peek.hpp"
#include "api/rest/rest_error.hpp"
#include "storage/core/api_key_repository.hpp"

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
http::responder count_sign_in_failure(std::shared_ptr<rate_limit::token_buckets> limit,
                                      std::string email, http::responder done) {
  return [limit, email = std::move(email), done = std::move(done)](http::response res) {
    if (res.status != 200 || res.body.find("\"errors\"") != std::string::npos) limit->spend(email);
    done(std::move(res));
  };
}

void check_standing(const request_gate_services& s, http::request req, http::responder done,
                    gate_pass pass, std::string workspace_id, std::optional<std::string> key_id) {
  const bool api_key = key_id.has_value();
  storage::core::check_token_standing(
      *s.pool, std::move(workspace_id), std::move(key_id),
      [req = std::move(req), done = std::move(done), pass = std::move(pass),
       api_key](storage::core::db_result<storage::core::token_standing> r) mutable {
        if (!r.ok()) {
          return done(
              http::error_response(503, "The database did not answer: " + r.error->message));
        }
        const auto& st = *r.value;
        if (!st.workspace_live)
          return done(auth_refusal(req, "WORKSPACE_NOT_FOUND", "Workspace not found"));
        if (api_key) {
          if (!st.key_found || st.key_revoked)
            return done(auth_refusal(req, "FORBIDDEN_EXCEPTION", "This API Key is revoked"));
          if (st.key_expired)
            return done(auth_refusal(req, "FORBIDDEN_EXCEPTION", "This API Key has expired"));
          static const std::string header_name(internal_api_key_name_header);
          req.headers.emplace_back(header_name, st.key_name);
        }
        pass(std::move(req), std::move(done));
      });
}

}  // namespace

request_limits request_limits::from_settings(const config::settings& settings) {
  request_limits out;
  if (settings.api_rate_limiting_limit > 0) {
    out.api = std::make_shared<rate_limit::token_buckets>(rate_limit::bucket_options{
        .capacity = static_cast<double>(settings.api_rate_limiting_limit),
        .period = std::chrono::seconds(settings.api_rate_limiting_ttl)});
  }
  if (settings.sign_in_failures_limit > 0) {
    out.sign_in = std::make_shared<rate_limit::token_buckets>(
        rate_limit::bucket_options{.capacity = static_cast<double>(settings.sign_in_failures_limit),
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
  std::optional<auth::verified_token> verified;
  if (auto token = bearer_token(req); !token.empty() && s.tokens) {
    auto v = s.tokens->authenticate(token);
    if (v) verified = std::move(v).value();
  }
  if (s.limits.api) {
    auto d = s.limits.api->take(limit_key(req, verified ? &*verified : nullptr));
    if (!d.allowed) return done(throttled(req, d));
  }
  if (s.limits.sign_in && is_graphql_path(req.path)) {
    if (auto email = rate_limit::sign_in_email(req.body)) {
      auto d = s.limits.sign_in->peek(*email);
      if (!d.allowed) return done(throttled(req, d));
      done = count_sign_in_failure(s.limits.sign_in, *email, std::move(done));
    }
  }
  if (!verified || !s.pool) return pass(std::move(req), std::move(done));
  const auto& t = *verified;
  if (t.is_legacy_api_key() || t.type == auth::token_type::api_key) {
    std::string ws(t.workspace_id().empty() ? t.subject() : t.workspace_id());
    return check_standing(s, std::move(req), std::move(done), std::move(pass), std::move(ws),
                          std::string(t.jti()));
  }
  if (t.type == auth::token_type::access && !t.workspace_id().empty()) {
    return check_standing(s, std::move(req), std::move(done), std::move(pass),
                          std::string(t.workspace_id()), std::nullopt);
  }
  pass(std::move(req), std::move(done));
}

}  // namespace cohort::api
