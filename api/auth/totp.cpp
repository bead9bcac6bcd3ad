#include "api/auth/totp.hpp"

#include <liboath/oath.h>

#include <cstdlib>
#include <mutex>

#include "api/auth/crypto.hpp"
#include "api/auth/url_encoding.hpp"

namespace cohort::api::auth {

namespace {

constexpr char kBase32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
constexpr char kRecoveryAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr std::size_t kRecoveryLength = 20;
constexpr std::size_t kRecoveryGroup = 5;

void ensure_oath() {
  static std::once_flag once;
  std::call_once(once, [] { oath_init(); });
}

std::string base32_encode(std::string_view bytes) {
  std::string out;
  std::uint32_t acc = 0;
  int bits = 0;
  for (unsigned char c : bytes) {
    acc = (acc << 8) | c;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out.push_back(kBase32[(acc >> bits) & 31]);
    }
  }
  if (bits > 0) out.push_back(kBase32[(acc << (5 - bits)) & 31]);
  return out;
}

// The raw key of a base32 secret (case and spaces forgiven), via liboath.
std::optional<std::string> decode_secret(std::string_view secret) {
  std::string upper;
  for (char c : secret) {
    if (c == ' ' || c == '=') continue;
    upper.push_back(c >= 'a' && c <= 'z' ? char(c - 'a' + 'A') : c);
  }
  if (upper.empty()) return std::nullopt;
  ensure_oath();
  char* raw = nullptr;
  size_t len = 0;
  if (oath_base32_decode(upper.data(), upper.size(), &raw, &len) != OATH_OK) return std::nullopt;
  std::string key(raw, len);
  std::free(raw);
  return key;
}

time_t unix_seconds(std::chrono::system_clock::time_point t) {
  return time_t(std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count());
}

}  // namespace

std::optional<std::string> generate_totp_secret() {
  auto bytes = random_bytes(totp_secret_bytes);
  if (!bytes) return std::nullopt;
  return base32_encode(*bytes);
}

std::string totp_issuer(std::string_view workspace_display_name) {
  std::string issuer = "Twenty";
  if (!workspace_display_name.empty()) issuer.append(" - ").append(workspace_display_name);
  return issuer;
}

std::string totp_provisioning_uri(std::string_view account, std::string_view issuer,
                                  std::string_view secret_base32) {
  auto enc_issuer = encode_uri_component(issuer.empty() ? account : issuer);
  std::string uri = "otpauth://totp/" + enc_issuer + ":" + encode_uri_component(account) +
                    "?secret=" + std::string(secret_base32) +
                    "&period=" + std::to_string(totp_step_seconds) +
                    "&digits=" + std::to_string(totp_digits) + "&algorithm=SHA1";
  if (!issuer.empty()) uri += "&issuer=" + encode_uri_component(issuer);
  return uri;
}

std::optional<std::string> totp_code(std::string_view secret_base32,
                                     std::chrono::system_clock::time_point at, int digits) {
  auto key = decode_secret(secret_base32);
  if (!key) return std::nullopt;
  char otp[16] = {};
  if (oath_totp_generate(key->data(), key->size(), unix_seconds(at), totp_step_seconds, 0, digits,
                         otp) != OATH_OK)
    return std::nullopt;
  return std::string(otp);
}

bool verify_totp(std::string_view secret_base32, std::string_view code,
                 std::chrono::system_clock::time_point now, int window) {
  if (code.size() != std::size_t(totp_digits)) return false;
  for (char c : code)
    if (c < '0' || c > '9') return false;
  auto key = decode_secret(secret_base32);
  if (!key) return false;
  std::string otp(code);
  int rc = oath_totp_validate(key->data(), key->size(), unix_seconds(now), totp_step_seconds, 0,
                              window < 0 ? 0 : size_t(window), otp.c_str());
  return rc >= 0;
}

std::optional<std::string> generate_recovery_code() {
  auto bytes = random_bytes(kRecoveryLength);
  if (!bytes) return std::nullopt;
  std::string code;
  for (std::size_t i = 0; i < kRecoveryLength; ++i) {
    if (i && i % kRecoveryGroup == 0) code.push_back('-');
    // 32 symbols divide 256: byte % 32 is uniform.
    code.push_back(kRecoveryAlphabet[static_cast<unsigned char>((*bytes)[i]) % 32]);
  }
  return code;
}

std::string normalize_recovery_code(std::string_view code) {
  std::string normalized;
  for (char c : code) {
    char u = c >= 'a' && c <= 'z' ? char(c - 'a' + 'A') : c;
    if ((u >= '0' && u <= '9') || (u >= 'A' && u <= 'Z')) normalized.push_back(u);
  }
  return normalized;
}

std::string hash_recovery_code(std::string_view code) {
  return to_hex(sha256(normalize_recovery_code(code)));
}

std::string keyed_recovery_code_hash(std::string_view app_secret, std::string_view member_id,
                                     std::string_view code) {
  std::string key = hmac_sha256(app_secret, "cohort two-factor recovery code");
  std::string message(member_id);
  message.push_back(':');
  message += normalize_recovery_code(code);
  return to_hex(hmac_sha256(key, message));
}

}  // namespace cohort::api::auth
