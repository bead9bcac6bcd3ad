// Mints and verifies Twenty's classic HS256 tokens with its exact claim names, claim order and
// lifetimes (config::settings), without I/O: refresh-token rows, API-key rows and consumed login
// `jti`s live in the database and are the caller's job. The clock is injectable for tests.
// Verification answers with the claims or Twenty's error: "No payload", "No payload sub",
// "Token invalid.", "Token has expired." (UNAUTHENTICATED) or "Invalid token type".
#pragma once

#include <boost/json/object.hpp>

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "api/auth/auth_error.hpp"
#include "api/auth/jwt.hpp"
#include "api/auth/token_type.hpp"
#include "config/settings.hpp"

namespace cohort::api::auth {

using time_point = std::chrono::system_clock::time_point;

struct token_lifetimes {
  std::chrono::milliseconds access = std::chrono::minutes(30);
  std::chrono::milliseconds workspace_agnostic = std::chrono::minutes(30);
  std::chrono::milliseconds refresh = std::chrono::hours(24 * 60);
  std::chrono::milliseconds impersonation_refresh = std::chrono::hours(24);
  std::chrono::milliseconds login = std::chrono::minutes(15);
  std::chrono::milliseconds file = std::chrono::hours(24);
  std::chrono::milliseconds short_term = std::chrono::minutes(5);
};

struct token_service_options {
  std::string app_secret;  // APP_SECRET; must not be empty
  // ACCESS_TOKEN_SECRET, the key of pre-2024 API keys (no `type`, no `workspaceId`). Empty: such
  // tokens are refused with "Token invalid.".
  std::string legacy_access_token_secret;
  token_lifetimes lifetimes;

  static token_service_options from_settings(const config::settings& settings);
};

struct minted_token {
  std::string token;
  time_point expires_at;  // now + lifetime, millisecond precision (Twenty's AuthToken.expiresAt)
};

struct impersonation_claims {
  std::string impersonator_user_workspace_id;
  std::string impersonated_user_workspace_id;
};

struct access_token_claims {
  std::string user_id;
  std::string workspace_id;
  std::optional<std::string>
      workspace_member_id;  // absent unless the workspace is active/suspended
  std::optional<std::string> user_workspace_id;
  std::string auth_provider = "password";  // password, google, microsoft, sso, impersonation
  std::optional<impersonation_claims> impersonation;
};

struct workspace_agnostic_token_claims {
  std::string user_id;
  std::string auth_provider = "password";
};

struct refresh_token_claims {
  std::string user_id;
  std::optional<std::string> workspace_id;  // empty: the session is workspace-agnostic
  std::string auth_provider = "password";
  token_type targeted_token_type = token_type::access;  // or workspace_agnostic
  std::optional<impersonation_claims> impersonation;    // also selects the 1-day lifetime
  std::string jti;                                      // id of the core.appToken row
};

struct login_token_claims {
  std::string email;  // the `sub`
  std::string workspace_id;
  std::string auth_provider = "password";
  std::optional<std::string> impersonator_user_workspace_id;
  std::optional<std::string>
      jti;  // newer Twenty: single use, consumed ids remembered by the caller
};

// generateTransientToken: a LOGIN-typed token for a workspace member, short-term lifetime.
struct transient_token_claims {
  std::string workspace_member_id;
  std::string user_id;
  std::string workspace_id;
};

struct file_token_claims {
  std::string workspace_id;
  std::optional<std::string> filename;  // older file URLs
  std::optional<std::string> file_id;   // newer file URLs
};

struct api_key_token_claims {
  std::string workspace_id;
  std::string api_key_id;  // the `jti`
  std::optional<std::string> workspace_member_id;
  std::optional<time_point> expires_at;  // the key's expiresAt; none: 100 years
};

struct verified_token {
  std::optional<token_type> type;  // from `type`; nullopt for a legacy token without one
  boost::json::object claims;

  // The claim as a string; empty when absent or not a string.
  std::string_view string_claim(std::string_view name) const;
  bool bool_claim(std::string_view name) const;  // false when absent or not a bool
  std::string_view subject() const { return string_claim("sub"); }
  std::string_view workspace_id() const { return string_claim("workspaceId"); }
  std::string_view user_id() const { return string_claim("userId"); }
  std::string_view jti() const { return string_claim("jti"); }
  bool is_legacy_api_key() const { return !type; }
};

class token_service {
 public:
  using clock = std::function<time_point()>;

  explicit token_service(
      token_service_options options, clock now = [] { return std::chrono::system_clock::now(); });

  minted_token mint_access(const access_token_claims& claims) const;
  minted_token mint_workspace_agnostic(const workspace_agnostic_token_claims& claims) const;
  minted_token mint_refresh(const refresh_token_claims& claims) const;
  minted_token mint_login(const login_token_claims& claims) const;
  minted_token mint_transient(const transient_token_claims& claims) const;
  minted_token mint_file(const file_token_claims& claims) const;
  minted_token mint_api_key(const api_key_token_claims& claims) const;

  // Twenty's verifyJwtToken(token, expected): the key is derived for `expected` (API_KEY falls
  // back to ACCESS, how older API keys were signed; ACCESS also accepts legacy type-less API keys)
  // and the token's own `type` must then match.
  result<verified_token> verify(std::string_view token, token_type expected) const;

  // The bearer token of an API request: ACCESS, API_KEY (with the ACCESS fallback),
  // WORKSPACE_AGNOSTIC or a legacy API key, each checked with its own key. Any other token (a
  // REFRESH or LOGIN token sent as a bearer) fails with "Token invalid.", as in Twenty.
  result<verified_token> authenticate(std::string_view token) const;

  // The lifetimes tokens are minted with (the caller sizes the rows that back them alike).
  const token_lifetimes& lifetimes() const { return options_.lifetimes; }
  // APP_SECRET, for the few values Twenty derives from it besides token keys (the validation hash
  // of an approved access domain).
  const std::string& app_secret() const { return options_.app_secret; }

 private:
  std::string key_for(token_type type, std::string_view body) const;
  result<verified_token> verify_legacy(decoded_jwt token, std::int64_t now) const;
  minted_token sign(boost::json::object payload, std::chrono::milliseconds lifetime,
                    token_type key_type, std::string_view body,
                    const std::optional<std::string>& jti) const;

  token_service_options options_;
  clock now_;
};

}  // namespace cohort::api::auth
