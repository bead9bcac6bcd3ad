// TOTP two-factor authentication as Twenty provisions it (otplib's authenticator: SHA-1, 6 digits,
// 30 s step, unpadded RFC 4648 base32 secret) with liboath, plus Twenty's recovery codes. The
// provisioning URI is otplib's keyuri():
//   otpauth://totp/<issuer>:<account>?secret=<S>&period=30&digits=6&algorithm=SHA1&issuer=<issuer>
// with issuer and account percent-encoded like encodeURIComponent, issuer "Twenty" or
// "Twenty - <workspace display name>".
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace cohort::api::auth {

inline constexpr int totp_digits = 6;
inline constexpr int totp_step_seconds = 30;
inline constexpr std::size_t totp_secret_bytes = 20;  // 160 bits, RFC 4226's recommendation

// A fresh random secret, base32 (uppercase, no padding); nullopt if the CSPRNG failed.
std::optional<std::string> generate_totp_secret();

// "Twenty" or "Twenty - <display name>" (empty name: "Twenty").
std::string totp_issuer(std::string_view workspace_display_name = {});

// otplib's keyuri(account, issuer, secret) with Twenty's defaults.
std::string totp_provisioning_uri(std::string_view account, std::string_view issuer,
                                  std::string_view secret_base32);

// The code for `secret_base32` at `at`; nullopt for a secret that is not base32.
std::optional<std::string> totp_code(std::string_view secret_base32,
                                     std::chrono::system_clock::time_point at,
                                     int digits = totp_digits);

// True when `code` is the 6-digit code of the step at `now` or of up to `window` steps before or
// after it (clock drift between phone and server). Twenty's otplib call accepts only the current
// step; one step either side is the usual tolerance and what users expect.
bool verify_totp(std::string_view secret_base32, std::string_view code,
                 std::chrono::system_clock::time_point now, int window = 1);

// A recovery code: 20 symbols of Twenty's alphabet (Crockford-like base32, 100 bits) in groups of
// 5 joined by '-', e.g. "7K2QM-0ZP9D-XW4RT-B8NVH"; nullopt if the CSPRNG failed.
std::optional<std::string> generate_recovery_code();

// A code as typed, upper-cased with every character outside [0-9A-Z] removed, so
// "7k2qm 0zp9d..." redeems "7K2QM-0ZP9D-...".
std::string normalize_recovery_code(std::string_view code);

// Twenty's stored form of a recovery code: lowercase hex SHA-256 of the normalized code.
std::string hash_recovery_code(std::string_view code);

// This server's stored form: lowercase hex HMAC-SHA256 of "<member>:<normalized code>" under a key
// derived from APP_SECRET, so a leaked table gives nothing to test guesses against offline and a
// code hashed for one membership never matches another's. Codes carry 100 bits: one fast keyed
// hash is enough, no password hash is needed.
std::string keyed_recovery_code_hash(std::string_view app_secret, std::string_view member_id,
                                     std::string_view code);

}  // namespace cohort::api::auth
