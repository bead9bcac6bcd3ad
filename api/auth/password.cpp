#include "api/auth/password.hpp"

#include <argon2.h>
#include <crypt.h>

#include <cstring>
#include <memory>

#include "api/auth/crypto.hpp"

namespace cohort::api::auth {

namespace {

// Counts the UTF-16 code units JavaScript would see and spots line terminators. Invalid UTF-8
// bytes count as one unit each (they would arrive as U+FFFD).
struct js_length {
  std::size_t units = 0;
  bool has_line_terminator = false;
};

js_length measure(std::string_view s) {
  js_length r;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t i = 0, n = s.size();
  while (i < n) {
    unsigned char c = p[i];
    std::size_t len = c < 0x80         ? 1
                      : (c >> 5) == 6  ? 2
                      : (c >> 4) == 14 ? 3
                      : (c >> 3) == 30 ? 4
                                       : 0;
    if (len == 0 || i + len > n) {
      ++r.units;
      ++i;
      continue;
    }
    bool valid = true;
    for (std::size_t k = 1; k < len; ++k) valid = valid && (p[i + k] & 0xC0) == 0x80;
    if (!valid) {
      ++r.units;
      ++i;
      continue;
    }
    if (c == '\n' || c == '\r') r.has_line_terminator = true;
    // U+2028 / U+2029 are E2 80 A8 / E2 80 A9.
    if (len == 3 && c == 0xE2 && p[i + 1] == 0x80 && (p[i + 2] == 0xA8 || p[i + 2] == 0xA9))
      r.has_line_terminator = true;
    r.units += len == 4 ? 2 : 1;
    i += len;
  }
  return r;
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

password_check verify_bcrypt(std::string_view password, std::string_view stored) {
  // crypt() reads C strings: a password with a NUL byte could only match a truncated one.
  if (password.find('\0') != std::string_view::npos) return password_check::mismatch;
  std::string phrase(password), setting(stored);
  auto data = std::make_unique<crypt_data>();
  std::memset(data.get(), 0, sizeof(crypt_data));
  const char* out = crypt_rn(phrase.c_str(), setting.c_str(), data.get(), sizeof(crypt_data));
  if (!out || out[0] == '*') return password_check::unsupported_hash;
  return constant_time_equal(out, stored) ? password_check::match : password_check::mismatch;
}

password_check verify_argon2(std::string_view password, std::string_view stored, argon2_type type) {
  std::string encoded(stored);
  int rc = argon2_verify(encoded.c_str(), password.data(), password.size(), type);
  if (rc == ARGON2_OK) return password_check::match;
  if (rc == ARGON2_VERIFY_MISMATCH) return password_check::mismatch;
  return password_check::unsupported_hash;
}

}  // namespace

std::optional<auth_error> check_password_strength(std::string_view password) {
  auto m = measure(password);
  if (m.has_line_terminator || m.units < 8)
    return auth_error{auth_error_code::invalid_input, "Password too weak"};
  return std::nullopt;
}

result<std::string> hash_password(std::string_view password) {
  if (auto e = check_password_strength(password)) return *e;
  auto salt = random_bytes(argon2_salt_bytes);
  if (!salt) return auth_error{auth_error_code::internal_server_error, "Random generator failed"};
  std::string encoded(argon2_encodedlen(argon2_time_cost, argon2_memory_kib, argon2_parallelism,
                                        argon2_salt_bytes, argon2_hash_bytes, Argon2_id),
                      '\0');
  int rc = argon2id_hash_encoded(argon2_time_cost, argon2_memory_kib, argon2_parallelism,
                                 password.data(), password.size(), salt->data(), salt->size(),
                                 argon2_hash_bytes, encoded.data(), encoded.size());
  if (rc != ARGON2_OK)
    return auth_error{auth_error_code::internal_server_error, argon2_error_message(rc)};
  encoded.resize(std::strlen(encoded.c_str()));
  return encoded;
}

password_check verify_password(std::string_view password, std::string_view stored_hash) {
  if (starts_with(stored_hash, "$argon2id$"))
    return verify_argon2(password, stored_hash, Argon2_id);
  if (starts_with(stored_hash, "$argon2i$")) return verify_argon2(password, stored_hash, Argon2_i);
  if (starts_with(stored_hash, "$argon2d$")) return verify_argon2(password, stored_hash, Argon2_d);
  if (starts_with(stored_hash, "$2a$") || starts_with(stored_hash, "$2b$") ||
      starts_with(stored_hash, "$2y$"))
    return verify_bcrypt(password, stored_hash);
  return password_check::unsupported_hash;
}

bool password_needs_rehash(std::string_view stored_hash) {
  static const std::string current = "$argon2id$v=19$m=" + std::to_string(argon2_memory_kib) +
                                     ",t=" + std::to_string(argon2_time_cost) +
                                     ",p=" + std::to_string(argon2_parallelism) + "$";
  return !starts_with(stored_hash, current);
}

auth_error wrong_password_error() {
  return {auth_error_code::forbidden_exception, "Wrong password"};
}

}  // namespace cohort::api::auth
