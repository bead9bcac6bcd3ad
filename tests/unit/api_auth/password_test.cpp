// Twenty's password rule, argon2id hashing, and verification of argon2 and Twenty's bcrypt hashes.
#include <gtest/gtest.h>

#include "api/auth/password.hpp"

using namespace cohort::api::auth;

TEST(PasswordRule, EightUtf16UnitsWithoutLineBreaks) {
  EXPECT_FALSE(check_password_strength("12345678"));
  EXPECT_FALSE(check_password_strength("Str0ngPass"));
  auto weak = check_password_strength("1234567");
  ASSERT_TRUE(weak);
  EXPECT_EQ(weak->code, auth_error_code::invalid_input);
  EXPECT_EQ(weak->message, "Password too weak");
  EXPECT_TRUE(check_password_strength(""));
  // `.` does not match line terminators in JavaScript.
  EXPECT_TRUE(check_password_strength("1234\n5678"));
  EXPECT_TRUE(check_password_strength("1234\r5678"));
  EXPECT_TRUE(
      check_password_strength("1234\xE2\x80\xA8"
                              "5678"));
  // 7 two-byte characters are 7 units (too short); 4 emoji are 8 units (enough).
  EXPECT_TRUE(check_password_strength("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"));
  EXPECT_FALSE(
      check_password_strength("\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80"));
}

TEST(PasswordHash, Argon2idRoundTrip) {
  auto h = hash_password("correct horse battery");
  ASSERT_TRUE(h) << h.error().message;
  EXPECT_EQ(h->rfind("$argon2id$v=19$m=19456,t=2,p=1$", 0), 0u) << *h;
  EXPECT_EQ(verify_password("correct horse battery", *h), password_check::match);
  EXPECT_EQ(verify_password("correct horse batterY", *h), password_check::mismatch);
  EXPECT_FALSE(password_needs_rehash(*h));
  // A fresh salt each time.
  auto again = hash_password("correct horse battery");
  ASSERT_TRUE(again);
  EXPECT_NE(*h, *again);
}

TEST(PasswordHash, HashingAppliesTheRule) {
  auto h = hash_password("short");
  ASSERT_FALSE(h);
  EXPECT_EQ(h.error().message, "Password too weak");
}

TEST(PasswordHash, BcryptHashesFromTwentyVerify) {
  // Openwall crypt_blowfish's published vector.
  EXPECT_EQ(verify_password("U*U", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW"),
            password_check::match);
  EXPECT_EQ(verify_password("U*V", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW"),
            password_check::mismatch);
  // Cost 10 as Twenty stores them, made with Python's crypt (libxcrypt), in $2b$ and $2y$ form.
  const char* b = "$2b$10$abcdefghijklmnopqrstuuLXJTyUzBPArpUNgWKjoT4g/3GlFf1B6";
  const char* y = "$2y$10$abcdefghijklmnopqrstuuLXJTyUzBPArpUNgWKjoT4g/3GlFf1B6";
  EXPECT_EQ(verify_password("tim@apple.dev", b), password_check::match);
  EXPECT_EQ(verify_password("tim@apple.dev", y), password_check::match);
  EXPECT_EQ(verify_password("tim@apple.de", b), password_check::mismatch);
  EXPECT_EQ(verify_password(std::string("tim@apple.dev\0x", 15), b), password_check::mismatch);
  EXPECT_TRUE(password_needs_rehash(b));
}

TEST(PasswordHash, UnknownOrBrokenHashesAreReported) {
  EXPECT_EQ(verify_password("whatever1", ""), password_check::unsupported_hash);
  EXPECT_EQ(verify_password("whatever1", "plaintext"), password_check::unsupported_hash);
  EXPECT_EQ(verify_password("whatever1", "$argon2id$v=19$m=19456,t=2,p=1$broken"),
            password_check::unsupported_hash);
  EXPECT_EQ(verify_password("whatever1", "$2b$10$short"), password_check::unsupported_hash);
  EXPECT_TRUE(password_needs_rehash("$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA"));
}

TEST(PasswordHash, WrongPasswordErrorIsTwentys) {
  auto e = wrong_password_error();
  EXPECT_EQ(e.code, auth_error_code::forbidden_exception);
  EXPECT_EQ(e.message, "Wrong password");
  EXPECT_EQ(graphql_error_code(e.code), "FORBIDDEN");
}
