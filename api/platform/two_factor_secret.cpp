#include "api/platform/two_factor_secret.hpp"

#include <openssl/evp.h>

#include <memory>

#include "api/auth/crypto.hpp"
#include "storage/core/two_factor_method_repository.hpp"

namespace cohort::api::platform {

namespace {

constexpr std::size_t iv_bytes = 16;

std::string encryption_key(std::string_view app_secret, const otp_secret_owner& owner) {
  std::string derived = std::string(app_secret) + std::string(owner.user_id) +
                        std::string(owner.workspace_id) + "otp-secret" + "KEY_ENCRYPTION_KEY";
  // Twenty hashes the hex string of the derived app secret, not its bytes.
  return auth::sha256(auth::to_hex(auth::sha256(derived)));
}

std::optional<std::string> from_hex(std::string_view hex) {
  if (hex.size() % 2 != 0) return std::nullopt;
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  out.reserve(hex.size() / 2);
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    int hi = nibble(hex[i]), lo = nibble(hex[i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out.push_back(static_cast<char>(hi * 16 + lo));
  }
  return out;
}

using cipher_ctx = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

// AES-256-CBC with PKCS#7 padding, one way or the other.
std::optional<std::string> run_cipher(bool encrypt, const std::string& key, const std::string& iv,
                                      std::string_view input) {
  cipher_ctx ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
  if (!ctx) return std::nullopt;
  const auto* k = reinterpret_cast<const unsigned char*>(key.data());
  const auto* v = reinterpret_cast<const unsigned char*>(iv.data());
  if (EVP_CipherInit_ex(ctx.get(), EVP_aes_256_cbc(), nullptr, k, v, encrypt ? 1 : 0) != 1) {
    return std::nullopt;
  }
  std::string out(input.size() + iv_bytes, '\0');
  int written = 0, last = 0;
  auto* o = reinterpret_cast<unsigned char*>(out.data());
  if (EVP_CipherUpdate(ctx.get(), o, &written, reinterpret_cast<const unsigned char*>(input.data()),
                       static_cast<int>(input.size())) != 1 ||
      EVP_CipherFinal_ex(ctx.get(), o + written, &last) != 1) {
    return std::nullopt;
  }
  out.resize(static_cast<std::size_t>(written + last));
  return out;
}

}  // namespace

std::optional<std::string> encrypt_otp_secret(std::string_view app_secret,
                                              const otp_secret_owner& owner,
                                              std::string_view secret) {
  auto iv = auth::random_bytes(iv_bytes);
  if (!iv) return std::nullopt;
  auto sealed = run_cipher(true, encryption_key(app_secret, owner), *iv, secret);
  if (!sealed) return std::nullopt;
  return auth::to_hex(*iv) + ":" + auth::to_hex(*sealed);
}

std::optional<std::string> decrypt_otp_secret(std::string_view app_secret,
                                              const otp_secret_owner& owner,
                                              std::string_view stored) {
  auto colon = stored.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  auto iv = from_hex(stored.substr(0, colon));
  auto sealed = from_hex(stored.substr(colon + 1));
  if (!iv || !sealed || iv->size() != iv_bytes) return std::nullopt;
  return run_cipher(false, encryption_key(app_secret, owner), *iv, *sealed);
}

void with_app_secret(const state_ptr& state, const reply& out,
                     std::function<void(std::string app_secret)> done) {
  if (!state->settings.app_secret.empty()) return done(state->settings.app_secret);
  storage::core::read_stored_app_secret(
      *state->pool, [out, done = std::move(done)](storage::core::db_result<std::string> s) {
        if (out.failed(s)) return;
        if (!s.value) return out.error(internal_error("APP_SECRET is not set"));
        done(std::move(*s.value));
      });
}

}  // namespace cohort::api::platform
