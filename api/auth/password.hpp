// Passwords: Twenty's strength rule, argon2id hashing for new passwords, and verification of both
// argon2 and the bcrypt hashes Twenty stores ($2a$/$2b$/$2y$, via libxcrypt), so users imported
// from Twenty keep their passwords; password_needs_rehash() tells sign-in when to upgrade one.
//
// COST: hash_password and verify_password take ~40 ms of CPU and 19 MiB (argon2id) or ~50-70 ms
// (bcrypt cost 10). Never call them on a CAF scheduler thread or an Asio thread: run them on a
// detached actor or a worker pool.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "api/auth/auth_error.hpp"

namespace cohort::api::auth {

// OWASP's argon2id minimum: t=2, m=19 MiB, p=1, 16-byte salt, 32-byte hash.
inline constexpr std::uint32_t argon2_time_cost = 2;
inline constexpr std::uint32_t argon2_memory_kib = 19 * 1024;
inline constexpr std::uint32_t argon2_parallelism = 1;
inline constexpr std::size_t argon2_salt_bytes = 16;
inline constexpr std::size_t argon2_hash_bytes = 32;

// Twenty's PASSWORD_REGEX /^.{8,}$/ in JavaScript: at least 8 UTF-16 code units and no line
// terminator (\n, \r, U+2028, U+2029). Failure: INVALID_INPUT "Password too weak".
std::optional<auth_error> check_password_strength(std::string_view password);

// `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>` with a fresh random salt. Applies the strength
// rule first; an argon2 failure is INTERNAL_SERVER_ERROR.
result<std::string> hash_password(std::string_view password);

enum class password_check {
  match,
  mismatch,
  unsupported_hash,  // empty, unknown scheme or malformed stored hash
};

// Compares in constant time against an argon2 (id, i or d) or bcrypt hash.
password_check verify_password(std::string_view password, std::string_view stored_hash);

// True unless `stored_hash` is argon2id with the parameters above.
bool password_needs_rehash(std::string_view stored_hash);

// The error Twenty returns for a wrong password: FORBIDDEN_EXCEPTION "Wrong password".
auth_error wrong_password_error();

}  // namespace cohort::api::auth
