// Twenty's token types (JwtTokenTypeEnum, carried in the `type` claim) and its per-token HS256 key:
// the lowercase hex of SHA-256(APP_SECRET ‖ body ‖ TYPE), whose 64 ASCII characters are the HMAC
// key. `body` is the workspace id, or the user id for workspace-agnostic (and agnostic refresh)
// tokens. Verified against Twenty's seeded integration-test tokens.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cohort::api::auth {

enum class token_type {
  access,
  refresh,
  workspace_agnostic,
  login,  // also the type of transient (short-term) tokens
  file,
  api_key,
};

// "ACCESS", "REFRESH", "WORKSPACE_AGNOSTIC", "LOGIN", "FILE", "API_KEY".
std::string_view token_type_name(token_type type);

// Inverse of token_type_name; nullopt for other names (Twenty has more types, none used here).
std::optional<token_type> parse_token_type(std::string_view name);

// The HMAC key of a token of `type` whose secret body is `body`.
std::string derive_signing_key(std::string_view app_secret, std::string_view body, token_type type);

}  // namespace cohort::api::auth
