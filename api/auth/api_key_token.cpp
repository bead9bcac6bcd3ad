#include "api/auth/api_key_token.hpp"

namespace cohort::api::auth {

std::chrono::milliseconds api_key_token_lifetime(
    std::optional<std::chrono::system_clock::time_point> expires_at,
    std::chrono::system_clock::time_point now) {
  using namespace std::chrono;
  if (!expires_at) return api_key_default_lifetime;
  // Math.floor((expiresAt - now) / 1000) in milliseconds, then back to milliseconds.
  auto ms = duration_cast<milliseconds>(*expires_at - now).count();
  auto seconds = ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
  return milliseconds(seconds * 1000);
}

}  // namespace cohort::api::auth
