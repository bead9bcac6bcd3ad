// Twenty's TOTP service for the 2FA resolvers: provisioning a membership's method (a fresh secret,
// or the same one again within the hour while it is PENDING) and checking an OTP against it
// (throttled per user and workspace; the first accepted OTP makes a PENDING method VERIFIED),
// with Twenty's TwoFactorAuthenticationException answers.
#pragma once

#include <functional>
#include <string>

#include "api/platform/resolver_support.hpp"

namespace cohort::api::platform {

// Twenty's OTP throttle: 10 attempts per 15 minutes per user and workspace, whatever their outcome.
// Counted in Redis when REDIS_URL is set (shared by every node), in this process otherwise.
inline constexpr int otp_attempts_per_window = 10;
inline constexpr std::chrono::minutes otp_attempt_window{15};

// TwoFactorAuthenticationException(message, code) as its GraphQL filter renders it: INVALID_OTP is
// BAD_USER_INPUT, every other code FORBIDDEN, each with Twenty's user-friendly text.
field_error two_factor_error(std::string message, std::string_view code);

// Twenty's ThrottlerException LIMIT_REACHED ("Limit reached (<max> tokens per <ms> ms)").
field_error limit_reached_error(int max_tokens, std::chrono::milliseconds window);

// Takes one attempt from the member's OTP throttle, which OTPs and recovery codes share, then
// `next`; answers LIMIT_REACHED on `out` when none is left. Asynchronous so the counter can live
// in a shared store.
void take_otp_attempt(const state_ptr& state, const reply& out, const std::string& user_id,
                      const std::string& workspace_id, std::function<void()> next);

struct otp_account {
  std::string user_id;
  std::string email;
  std::string workspace_id;
  std::string workspace_display_name;  // in the issuer, "Twenty - <name>"
};

// initiateStrategyConfiguration: answers the otpauth:// URI of the member's PENDING method.
void provision_totp(const state_ptr& state, const reply& out, const otp_account& account,
                    std::function<void(std::string uri)> next);

// validateStrategy: `next` runs once `otp` is accepted (and the method is VERIFIED). As Twenty's
// does, an accepted OTP revokes the member's pending recovery code: whoever still has the
// authenticator needs no recovery.
void validate_otp(const state_ptr& state, const reply& out, const std::string& user_id,
                  const std::string& workspace_id, const std::string& otp,
                  std::function<void()> next);

}  // namespace cohort::api::platform
