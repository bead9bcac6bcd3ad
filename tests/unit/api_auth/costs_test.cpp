// What the primitives cost on this machine, printed for the record. The bounds are loose (ten
// times the figures measured when written) so that only a real regression fails them.
#include <gtest/gtest.h>

#include <chrono>
#include <iostream>

#include "api/auth/password.hpp"
#include "api/auth/token_service.hpp"
#include "api/auth/totp.hpp"

using namespace cohort::api::auth;
using namespace std::chrono;

namespace {

template <typename F>
double micros_per_call(int n, F&& f) {
  auto start = steady_clock::now();
  for (int i = 0; i < n; ++i) f();
  return duration<double, std::micro>(steady_clock::now() - start).count() / n;
}

}  // namespace

TEST(Costs, TokenSignAndVerifyTakeMicroseconds) {
  token_service_options o;
  o.app_secret = "cost-secret";
  token_service svc(o);
  access_token_claims c{"11111111-1111-4111-8111-111111111111",
                        "22222222-2222-4222-8222-222222222222",
                        std::string("44444444-4444-4444-8444-444444444444"),
                        std::string("55555555-5555-4555-8555-555555555555"),
                        "password",
                        std::nullopt};
  std::string token;
  auto sign_us = micros_per_call(20000, [&] { token = svc.mint_access(c).token; });
  bool ok = true;
  auto verify_us = micros_per_call(20000, [&] { ok = ok && svc.authenticate(token).ok(); });
  EXPECT_TRUE(ok);
  std::cout << "[cost] mint_access " << sign_us << " us, authenticate " << verify_us << " us\n";
  EXPECT_LT(sign_us, 100.0);
  EXPECT_LT(verify_us, 100.0);
}

TEST(Costs, PasswordHashingTakesTensOfMilliseconds) {
  std::string hash;
  auto argon_ms =
      micros_per_call(3, [&] { hash = *hash_password("correct horse battery"); }) / 1000;
  auto argon_verify_ms =
      micros_per_call(3, [&] { (void)verify_password("correct horse battery", hash); }) / 1000;
  auto bcrypt_ms =
      micros_per_call(3,
                      [&] {
                        (void)verify_password(
                            "tim@apple.dev",
                            "$2b$10$abcdefghijklmnopqrstuuLXJTyUzBPArpUNgWKjoT4g/3GlFf1B6");
                      }) /
      1000;
  std::cout << "[cost] argon2id hash " << argon_ms << " ms, verify " << argon_verify_ms
            << " ms, bcrypt(10) verify " << bcrypt_ms << " ms\n";
  EXPECT_LT(argon_ms, 1000.0);
  EXPECT_LT(bcrypt_ms, 1000.0);
}

TEST(Costs, TotpVerifyIsCheap) {
  auto secret = *generate_totp_secret();
  auto now = system_clock::now();
  auto code = *totp_code(secret, now);
  bool ok = true;
  auto us = micros_per_call(20000, [&] { ok = ok && verify_totp(secret, code, now); });
  EXPECT_TRUE(ok);
  std::cout << "[cost] verify_totp " << us << " us\n";
  EXPECT_LT(us, 200.0);
}
