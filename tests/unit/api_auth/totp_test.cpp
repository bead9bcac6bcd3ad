// TOTP (RFC 6238 vectors, window), the otpauth URI Twenty hands to authenticator apps, and
// recovery codes.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "api/auth/totp.hpp"

using namespace cohort::api::auth;
using namespace std::chrono;

namespace {
// RFC 6238's SHA-1 key "12345678901234567890" in base32.
const char* kRfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
system_clock::time_point at(std::int64_t s) {
  return system_clock::time_point(seconds(s));
}
}  // namespace

TEST(Totp, Rfc6238Sha1Vectors) {
  EXPECT_EQ(totp_code(kRfcSecret, at(59), 8), "94287082");
  EXPECT_EQ(totp_code(kRfcSecret, at(1111111109), 8), "07081804");
  EXPECT_EQ(totp_code(kRfcSecret, at(1234567890), 8), "89005924");
  EXPECT_EQ(totp_code(kRfcSecret, at(2000000000), 8), "69279037");
  EXPECT_EQ(totp_code(kRfcSecret, at(59)), "287082");
  // Lower-case secrets, as users sometimes type them, decode the same.
  EXPECT_EQ(totp_code("gezdgnbvgy3tqojqgezdgnbvgy3tqojq", at(59)), "287082");
}

TEST(Totp, AcceptsOneStepOfDriftEitherWay) {
  auto now = at(1111111109);
  auto code = *totp_code(kRfcSecret, now);
  EXPECT_TRUE(verify_totp(kRfcSecret, code, now));
  EXPECT_TRUE(verify_totp(kRfcSecret, code, now + seconds(30)));
  EXPECT_TRUE(verify_totp(kRfcSecret, code, now - seconds(30)));
  EXPECT_FALSE(verify_totp(kRfcSecret, code, now + seconds(90)));
  EXPECT_FALSE(verify_totp(kRfcSecret, code, now + seconds(30), 0));
}

TEST(Totp, RejectsMalformedCodesAndSecrets) {
  auto now = at(59);
  EXPECT_FALSE(verify_totp(kRfcSecret, "28708", now));
  EXPECT_FALSE(verify_totp(kRfcSecret, "2870822", now));
  EXPECT_FALSE(verify_totp(kRfcSecret, "28708a", now));
  EXPECT_FALSE(verify_totp(kRfcSecret, "", now));
  EXPECT_FALSE(verify_totp("not base32!", "287082", now));
  EXPECT_FALSE(totp_code("", now));
}

TEST(Totp, GeneratedSecretsAreBase32AndWork) {
  auto a = generate_totp_secret(), b = generate_totp_secret();
  ASSERT_TRUE(a && b);
  EXPECT_NE(*a, *b);
  EXPECT_EQ(a->size(), 32u);  // 20 bytes
  EXPECT_TRUE(std::regex_match(*a, std::regex("[A-Z2-7]+")));
  auto now = system_clock::now();
  EXPECT_TRUE(verify_totp(*a, *totp_code(*a, now), now));
}

TEST(Totp, ProvisioningUriIsOtplibKeyuri) {
  EXPECT_EQ(totp_issuer(), "Twenty");
  EXPECT_EQ(totp_issuer("Apple"), "Twenty - Apple");
  EXPECT_EQ(totp_provisioning_uri("tim@apple.dev", totp_issuer("Apple"), "JBSWY3DPEHPK3PXP"),
            "otpauth://totp/Twenty%20-%20Apple:tim%40apple.dev?secret=JBSWY3DPEHPK3PXP"
            "&period=30&digits=6&algorithm=SHA1&issuer=Twenty%20-%20Apple");
  EXPECT_EQ(totp_provisioning_uri("a+b@x.io", "Twenty", "ABC"),
            "otpauth://totp/Twenty:a%2Bb%40x.io?secret=ABC&period=30&digits=6&algorithm=SHA1"
            "&issuer=Twenty");
  // encodeURIComponent keeps !~*'() and escapes UTF-8 bytes.
  EXPECT_EQ(totp_provisioning_uri("x", "Caf\xC3\xA9 (ok)!", "A"),
            "otpauth://totp/Caf%C3%A9%20(ok)!:x?secret=A&period=30&digits=6&algorithm=SHA1"
            "&issuer=Caf%C3%A9%20(ok)!");
}

TEST(RecoveryCodes, FourGroupsOfFiveFromTwentysAlphabet) {
  std::set<std::string> seen;
  for (int i = 0; i < 50; ++i) {
    auto code = generate_recovery_code();
    ASSERT_TRUE(code);
    EXPECT_TRUE(
        std::regex_match(*code, std::regex("([0-9A-HJKMNP-TV-Z]{5}-){3}[0-9A-HJKMNP-TV-Z]{5}")))
        << *code;
    seen.insert(*code);
  }
  EXPECT_EQ(seen.size(), 50u);
}

TEST(RecoveryCodes, HashIgnoresCaseAndSeparators) {
  auto h = hash_recovery_code("7K2QM-0ZP9D-XW4RT-B8NVH");
  EXPECT_EQ(h.size(), 64u);
  EXPECT_EQ(h, hash_recovery_code("7k2qm 0zp9d xw4rt b8nvh"));
  EXPECT_EQ(h, hash_recovery_code("7K2QM0ZP9DXW4RTB8NVH"));
  EXPECT_NE(h, hash_recovery_code("7K2QM-0ZP9D-XW4RT-B8NVJ"));
  // sha256("ABC") in hex.
  EXPECT_EQ(hash_recovery_code("a-b-c"),
            "b5d4045c3f466fa91fe2cc6abe79232a1a57cdf104f7a26e716e0a1e2789df78");
}

TEST(RecoveryCodes, KeyedHashIsPerSecretAndMemberAndForgivesTyping) {
  auto h = keyed_recovery_code_hash("app-secret", "member-a", "7K2QM-0ZP9D-XW4RT-B8NVH");
  EXPECT_EQ(h.size(), 64u);
  EXPECT_EQ(h, keyed_recovery_code_hash("app-secret", "member-a", " 7k2qm0zp9d xw4rt-b8nvh "));
  EXPECT_NE(h, keyed_recovery_code_hash("app-secret", "member-b", "7K2QM-0ZP9D-XW4RT-B8NVH"));
  EXPECT_NE(h, keyed_recovery_code_hash("other-secret", "member-a", "7K2QM-0ZP9D-XW4RT-B8NVH"));
  EXPECT_NE(h, hash_recovery_code("7K2QM-0ZP9D-XW4RT-B8NVH"));  // not the unkeyed digest
}
