#include "api/auth/token_type.hpp"

#include <array>
#include <utility>

#include "api/auth/crypto.hpp"

namespace cohort::api::auth {

namespace {

constexpr std::array<std::pair<token_type, std::string_view>, 6> kNames{{
    {token_type::access, "ACCESS"},
    {token_type::refresh, "REFRESH"},
    {token_type::workspace_agnostic, "WORKSPACE_AGNOSTIC"},
    {token_type::login, "LOGIN"},
    {token_type::file, "FILE"},
    {token_type::api_key, "API_KEY"},
}};

}  // namespace

std::string_view token_type_name(token_type type) {
  for (auto& [t, name] : kNames)
    if (t == type) return name;
  return "ACCESS";
}

std::optional<token_type> parse_token_type(std::string_view name) {
  for (auto& [t, n] : kNames)
    if (n == name) return t;
  return std::nullopt;
}

std::string derive_signing_key(std::string_view app_secret, std::string_view body,
                               token_type type) {
  std::string material;
  auto name = token_type_name(type);
  material.reserve(app_secret.size() + body.size() + name.size());
  material.append(app_secret).append(body).append(name);
  return to_hex(sha256(material));
}

}  // namespace cohort::api::auth
