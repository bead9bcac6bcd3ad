// A TOTP method imported from a Twenty 1.6 database keeps working: its secret was encrypted by
// Twenty's SimpleSecretEncryptionUtil (AES-256-CBC; key = SHA-256 of the hex string
// SHA-256(APP_SECRET ‖ userId ‖ workspaceId ‖ "otp-secret" ‖ "KEY_ENCRYPTION_KEY"); stored as
// "<iv hex>:<ciphertext hex>"), which this test redoes with OpenSSL on its own.
#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/sha.h>

#include "api/auth/totp.hpp"
#include "two_factor_server.hpp"

namespace {

namespace json = boost::json;
using cohort::testing::at;
using cohort::testing::member;
using cohort::testing::text_at;
using cohort::testing::two_factor_server;

std::string hex(const unsigned char* bytes, std::size_t n) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    out.push_back(digits[bytes[i] >> 4]);
    out.push_back(digits[bytes[i] & 15]);
  }
  return out;
}

std::string twenty_encrypted(const std::string& app_secret, const member& m,
                             const std::string& secret) {
  std::string purpose = m.user_id + m.workspace_id + "otp-secret";
  unsigned char digest[SHA256_DIGEST_LENGTH];
  std::string derived = app_secret + purpose + "KEY_ENCRYPTION_KEY";
  SHA256(reinterpret_cast<const unsigned char*>(derived.data()), derived.size(), digest);
  std::string derived_hex = hex(digest, sizeof digest);
  unsigned char key[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(derived_hex.data()), derived_hex.size(), key);
  unsigned char iv[16] = {0x10, 0x32, 0x54, 0x76, 0x98, 0xba, 0xdc, 0xfe,
                          0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef};
  unsigned char out[128];
  int n = 0, last = 0;
  EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
  EVP_EncryptInit_ex(ctx, EVP_aes_256_cbc(), nullptr, key, iv);
  EVP_EncryptUpdate(ctx, out, &n, reinterpret_cast<const unsigned char*>(secret.data()),
                    static_cast<int>(secret.size()));
  EVP_EncryptFinal_ex(ctx, out + n, &last);
  EVP_CIPHER_CTX_free(ctx);
  return hex(iv, sizeof iv) + ":" + hex(out, static_cast<std::size_t>(n + last));
}

}  // namespace

TEST(TwoFactor, AMethodEncryptedByTwentyIsAcceptedAsIs) {
  auto& s = two_factor_server::shared();
  member m = s.sign_up("tf.imported@example.com");
  const std::string secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
  s.sql(
      "INSERT INTO core.two_factor_authentication_method (user_workspace_id, secret, status, "
      "strategy) SELECT id, '" +
      twenty_encrypted(cohort::testing::two_factor_app_secret, m, secret) +
      "', 'VERIFIED', 'TOTP' FROM core.user_workspace WHERE user_id = '" + m.user_id + "'");

  std::string login = s.login_token(m);
  auto asked = s.post(R"(mutation($t: String!, $o: String!) {
      getAuthTokensFromLoginToken(loginToken: $t, origin: $o) { tokens { refreshToken { token } } } })",
                      {{"t", login}, {"o", m.origin}});
  EXPECT_EQ(at(asked, "/errors/0/extensions/subCode"),
            "TWO_FACTOR_AUTHENTICATION_VERIFICATION_REQUIRED");
  auto code = *cohort::api::auth::totp_code(secret, std::chrono::system_clock::now());
  auto in = s.post(R"(mutation($t: String!, $otp: String!, $o: String!) {
      getAuthTokensFromOTP(loginToken: $t, otp: $otp, origin: $o) { tokens { refreshToken { token } } } })",
                   {{"t", login}, {"otp", code}, {"o", m.origin}});
  EXPECT_FALSE(text_at(in, "/data/getAuthTokensFromOTP/tokens/refreshToken/token").empty());
}
