// How long an API-key JWT lives, as Twenty's generateApiKeyToken computes it: the whole seconds
// until the key's `expiresAt`, or the `ms` library's "100y" (100 × 365.25 days) when the key has
// none. The key's existence, revocation and expiry are checked by the caller before minting.
#pragma once

#include <chrono>
#include <optional>

namespace cohort::api::auth {

// 100 years as `ms("100y")` counts them.
inline constexpr std::chrono::milliseconds api_key_default_lifetime{3'155'760'000'000LL};

// Whole seconds from `now` to `expires_at` (floored, may be <= 0 for an expired key), or
// api_key_default_lifetime when `expires_at` is empty.
std::chrono::milliseconds api_key_token_lifetime(
    std::optional<std::chrono::system_clock::time_point> expires_at,
    std::chrono::system_clock::time_point now);

}  // namespace cohort::api::auth
