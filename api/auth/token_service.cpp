#include "api/auth/token_service.hpp"

#include <cassert>
#include <utility>
#include <vector>

#include "api/auth/api_key_token.hpp"
#include "api/auth/jwt.hpp"

namespace cohort::api::auth {

namespace json = boost::json;
using namespace std::chrono;

namespace {

auth_error unauthenticated(std::string message) {
  return {auth_error_code::unauthenticated, std::move(message)};
}

auth_error invalid_type(std::string message) {
  return {auth_error_code::invalid_jwt_token_type, std::move(message)};
}

const json::string* string_of(const json::object& o, std::string_view name) {
  auto v = o.if_contains(name);
  return v && v->is_string() ? &v->get_string() : nullptr;
}

// JavaScript truthiness of a claim, for Twenty's `!payload.sub` / `!payload.type` tests.
bool truthy(const json::object& o, std::string_view name) {
  auto v = o.if_contains(name);
  if (!v || v->is_null()) return false;
  if (v->is_string()) return !v->get_string().empty();
  if (v->is_bool()) return v->get_bool();
  if (v->is_int64()) return v->get_int64() != 0;
  if (v->is_uint64()) return v->get_uint64() != 0;
  if (v->is_double()) return v->get_double() != 0;
  return true;
}

// Checks `token` with each key in turn (a later key only after a bad signature) and maps the
// outcome to Twenty's messages.
std::optional<auth_error> check_signature(const decoded_jwt& token,
                                          const std::vector<std::string>& keys, std::int64_t now) {
  jwt_check outcome = jwt_check::bad_signature;
  for (auto& key : keys) {
    outcome = verify_hs256(token, key, now);
    if (outcome != jwt_check::bad_signature) break;
  }
  switch (outcome) {
    case jwt_check::ok:
      return std::nullopt;
    case jwt_check::expired:
      return unauthenticated("Token has expired.");
    default:
      return unauthenticated("Token invalid.");
  }
}

std::optional<token_type> type_of(const json::object& payload) {
  auto s = string_of(payload, "type");
  return s ? parse_token_type(*s) : std::nullopt;
}

bool is_legacy_payload(const json::object& payload) {
  return !truthy(payload, "type") && !payload.contains("workspaceId");
}

void put_impersonation(json::object& o, const std::optional<impersonation_claims>& i) {
  if (!i) return;
  o["isImpersonating"] = true;
  o["impersonatorUserWorkspaceId"] = i->impersonator_user_workspace_id;
  o["impersonatedUserWorkspaceId"] = i->impersonated_user_workspace_id;
}

}  // namespace

token_service_options token_service_options::from_settings(const config::settings& s) {
  token_service_options o;
  o.app_secret = s.app_secret;
  o.lifetimes.access = s.access_token_expires_in;
  o.lifetimes.workspace_agnostic = s.workspace_agnostic_token_expires_in;
  o.lifetimes.refresh = s.refresh_token_expires_in;
  o.lifetimes.login = s.login_token_expires_in;
  o.lifetimes.file = s.file_token_expires_in;
  o.lifetimes.short_term = s.short_term_token_expires_in;
  return o;
}

std::string_view verified_token::string_claim(std::string_view name) const {
  auto s = string_of(claims, name);
  return s ? std::string_view(*s) : std::string_view();
}

bool verified_token::bool_claim(std::string_view name) const {
  auto v = claims.if_contains(name);
  return v && v->is_bool() && v->get_bool();
}

token_service::token_service(token_service_options options, clock now)
    : options_(std::move(options)), now_(std::move(now)) {
  assert(!options_.app_secret.empty() && "APP_SECRET must be set before tokens are used");
}

std::string token_service::key_for(token_type type, std::string_view body) const {
  return derive_signing_key(options_.app_secret, body, type);
}

minted_token token_service::sign(json::object payload, milliseconds lifetime, token_type key_type,
                                 std::string_view body,
                                 const std::optional<std::string>& jti) const {
  auto now = now_();
  // jsonwebtoken: iat = floor(now in s), exp = floor(iat + ms / 1000), then jti (jwtid option).
  auto iat = duration_cast<seconds>(now.time_since_epoch()).count();
  auto ms = lifetime.count();
  auto exp = iat + (ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000));
  payload["iat"] = iat;
  payload["exp"] = exp;
  if (jti) payload["jti"] = *jti;
  return {sign_hs256(payload, key_for(key_type, body)),
          time_point_cast<system_clock::duration>(time_point_cast<milliseconds>(now) + lifetime)};
}

minted_token token_service::mint_access(const access_token_claims& c) const {
  json::object p;
  p["sub"] = c.user_id;
  p["userId"] = c.user_id;
  p["workspaceId"] = c.workspace_id;
  if (c.workspace_member_id) p["workspaceMemberId"] = *c.workspace_member_id;
  if (c.user_workspace_id) p["userWorkspaceId"] = *c.user_workspace_id;
  p["type"] = "ACCESS";
  p["authProvider"] = c.auth_provider;
  put_impersonation(p, c.impersonation);
  return sign(std::move(p), options_.lifetimes.access, token_type::access, c.workspace_id, {});
}

minted_token token_service::mint_workspace_agnostic(
    const workspace_agnostic_token_claims& c) const {
  json::object p;
  p["sub"] = c.user_id;
  p["userId"] = c.user_id;
  p["authProvider"] = c.auth_provider;
  p["type"] = "WORKSPACE_AGNOSTIC";
  return sign(std::move(p), options_.lifetimes.workspace_agnostic, token_type::workspace_agnostic,
              c.user_id, {});
}

minted_token token_service::mint_refresh(const refresh_token_claims& c) const {
  json::object p;
  p["userId"] = c.user_id;
  if (c.workspace_id) p["workspaceId"] = *c.workspace_id;
  p["authProvider"] = c.auth_provider;
  p["targetedTokenType"] = token_type_name(c.targeted_token_type);
  put_impersonation(p, c.impersonation);
  p["sub"] = c.user_id;
  p["type"] = "REFRESH";
  auto lifetime =
      c.impersonation ? options_.lifetimes.impersonation_refresh : options_.lifetimes.refresh;
  return sign(std::move(p), lifetime, token_type::refresh,
              c.workspace_id ? std::string_view(*c.workspace_id) : std::string_view(c.user_id),
              c.jti);
}

minted_token token_service::mint_login(const login_token_claims& c) const {
  json::object p;
  p["type"] = "LOGIN";
  p["sub"] = c.email;
  p["workspaceId"] = c.workspace_id;
  p["authProvider"] = c.auth_provider;
  if (c.impersonator_user_workspace_id)
    p["impersonatorUserWorkspaceId"] = *c.impersonator_user_workspace_id;
  return sign(std::move(p), options_.lifetimes.login, token_type::login, c.workspace_id, c.jti);
}

minted_token token_service::mint_transient(const transient_token_claims& c) const {
  json::object p;
  p["sub"] = c.workspace_member_id;
  p["userId"] = c.user_id;
  p["workspaceId"] = c.workspace_id;
  p["workspaceMemberId"] = c.workspace_member_id;
  p["type"] = "LOGIN";
  return sign(std::move(p), options_.lifetimes.short_term, token_type::login, c.workspace_id, {});
}

minted_token token_service::mint_file(const file_token_claims& c) const {
  json::object p;
  p["workspaceId"] = c.workspace_id;
  if (c.filename) p["filename"] = *c.filename;
  if (c.file_id) p["fileId"] = *c.file_id;
  p["sub"] = c.workspace_id;
  p["type"] = "FILE";
  return sign(std::move(p), options_.lifetimes.file, token_type::file, c.workspace_id, {});
}

minted_token token_service::mint_api_key(const api_key_token_claims& c) const {
  json::object p;
  p["sub"] = c.workspace_id;
  p["type"] = "API_KEY";
  p["workspaceId"] = c.workspace_id;
  if (c.workspace_member_id) p["workspaceMemberId"] = *c.workspace_member_id;
  auto lifetime = api_key_token_lifetime(c.expires_at, now_());
  auto minted = sign(std::move(p), lifetime, token_type::api_key, c.workspace_id,
                     std::optional(c.api_key_id));
  if (c.expires_at) minted.expires_at = *c.expires_at;
  return minted;
}

// Pre-2024 API keys: no `type`, no `workspaceId`, signed with ACCESS_TOKEN_SECRET itself.
result<verified_token> token_service::verify_legacy(decoded_jwt token, std::int64_t now) const {
  if (options_.legacy_access_token_secret.empty()) return unauthenticated("Token invalid.");
  if (auto e = check_signature(token, {options_.legacy_access_token_secret}, now)) return *e;
  return verified_token{std::nullopt, std::move(token.payload)};
}

result<verified_token> token_service::verify(std::string_view text, token_type expected) const {
  auto token = decode_jwt(text);
  if (!token) return unauthenticated("No payload");
  auto& payload = token->payload;
  if (expected != token_type::file && !truthy(payload, "sub"))
    return unauthenticated("No payload sub");

  auto now = duration_cast<seconds>(now_().time_since_epoch()).count();
  auto type = type_of(payload);

  if (expected == token_type::access && is_legacy_payload(payload))
    return verify_legacy(std::move(*token), now);

  // The secret body: the user for workspace-agnostic tokens, else the workspace (a refresh token
  // of an agnostic session has no workspace and uses its user).
  const json::string* body = nullptr;
  if (type == token_type::workspace_agnostic) {
    body = string_of(payload, "userId");
  } else if (payload.contains("workspaceId")) {
    body = string_of(payload, "workspaceId");
    if (!body && expected == token_type::refresh) body = string_of(payload, "userId");
  } else if (expected == token_type::refresh) {
    body = string_of(payload, "userId");
  } else {
    return invalid_type("Invalid token type");
  }
  if (!body) return unauthenticated("Token invalid.");

  std::vector<std::string> keys{key_for(expected, *body)};
  if (expected == token_type::api_key) keys.push_back(key_for(token_type::access, *body));
  if (auto e = check_signature(*token, keys, now)) return *e;

  // Only the server can sign, but a token minted for one purpose must not serve another.
  if (type != expected) return invalid_type("Invalid token type");
  return verified_token{type, std::move(payload)};
}

result<verified_token> token_service::authenticate(std::string_view text) const {
  auto token = decode_jwt(text);
  if (!token) return unauthenticated("No payload");
  auto& payload = token->payload;
  if (!truthy(payload, "sub")) return unauthenticated("No payload sub");

  auto now = duration_cast<seconds>(now_().time_since_epoch()).count();
  if (is_legacy_payload(payload)) return verify_legacy(std::move(*token), now);

  auto type = type_of(payload);
  auto body_of = [&](std::string_view name) {
    auto s = string_of(payload, name);
    return s ? std::string_view(*s) : std::string_view();
  };
  std::vector<std::string> keys;
  if (type == token_type::workspace_agnostic) {
    keys.push_back(key_for(token_type::workspace_agnostic, body_of("userId")));
  } else if (type == token_type::api_key) {
    keys.push_back(key_for(token_type::api_key, body_of("workspaceId")));
    keys.push_back(key_for(token_type::access, body_of("workspaceId")));
  } else {
    // ACCESS, and every other type: their own key is not tried, so they fail as Twenty's do.
    keys.push_back(key_for(token_type::access, body_of("workspaceId")));
  }
  if (auto e = check_signature(*token, keys, now)) return *e;

  if (type != token_type::access && type != token_type::api_key &&
      type != token_type::workspace_agnostic)
    return invalid_type("Invalid token");
  return verified_token{type, std::move(payload)};
}

}  // namespace cohort::api::auth
