// TOTP secrets at rest, encrypted exactly as Twenty 1.6 encrypts them so rows imported from a
// Twenty database keep working: AES-256-CBC, key = SHA-256 of Twenty's KEY_ENCRYPTION_KEY app
// secret for the purpose "<userId><workspaceId>otp-secret" (hex SHA-256 of APP_SECRET ‖ purpose ‖
// "KEY_ENCRYPTION_KEY"), a random IV per secret, stored as "<iv hex>:<ciphertext hex>".
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "api/platform/resolver_support.hpp"

namespace cohort::api::platform {

struct otp_secret_owner {
  std::string_view user_id;
  std::string_view workspace_id;
};

// nullopt only if OpenSSL failed.
std::optional<std::string> encrypt_otp_secret(std::string_view app_secret,
                                              const otp_secret_owner& owner,
                                              std::string_view secret);
// nullopt for a value that is not ours to decrypt (another key, tampered, malformed).
std::optional<std::string> decrypt_otp_secret(std::string_view app_secret,
                                              const otp_secret_owner& owner,
                                              std::string_view stored);

// The APP_SECRET in force: the configured one, else the one the cluster generated and keeps in
// core.key_value_pair. On failure the error is answered on `out` and `done` is not called.
void with_app_secret(const state_ptr& state, const reply& out,
                     std::function<void(std::string app_secret)> done);

}  // namespace cohort::api::platform
