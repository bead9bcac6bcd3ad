// Small OpenSSL-backed building blocks shared by tokens, passwords and 2FA: base64url (RFC 4648
// §5, unpadded, as JWTs use it), SHA-256, HMAC-SHA256, constant-time comparison and CSPRNG bytes.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace cohort::api::auth {

// Unpadded base64url of arbitrary bytes.
std::string base64url_encode(std::string_view bytes);

// Decodes unpadded base64url; nullopt on a character outside [A-Za-z0-9_-] or an impossible
// length (len % 4 == 1). Unused trailing bits are ignored, as Node's Buffer does.
std::optional<std::string> base64url_decode(std::string_view text);

// Raw 32-byte digests.
std::string sha256(std::string_view data);
std::string hmac_sha256(std::string_view key, std::string_view data);

// Lowercase hex of bytes.
std::string to_hex(std::string_view bytes);

// Equal length and equal bytes, in time that depends only on the lengths.
bool constant_time_equal(std::string_view a, std::string_view b);

// `count` bytes from OpenSSL's CSPRNG; nullopt if it is not seeded (never seen on Linux).
std::optional<std::string> random_bytes(std::size_t count);

}  // namespace cohort::api::auth
