// base64url, SHA-256/HMAC against published vectors, and the generic HS256 JWT layer.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "api/auth/crypto.hpp"
#include "api/auth/jwt.hpp"
#include "api/auth/token_type.hpp"

using namespace cohort::api::auth;

TEST(Base64url, RoundTripsEveryLengthAndUsesTheUrlAlphabet) {
  std::string bytes;
  for (int i = 0; i < 40; ++i) {
    auto enc = base64url_encode(bytes);
    EXPECT_EQ(enc.find_first_of("+/="), std::string::npos);
    auto dec = base64url_decode(enc);
    ASSERT_TRUE(dec);
    EXPECT_EQ(*dec, bytes);
    bytes.push_back(char(0xF0 + i));
  }
  EXPECT_EQ(base64url_encode("\xfb\xff"), "-_8");
  EXPECT_EQ(base64url_encode(R"({"alg":"HS256","typ":"JWT"})"),
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9");
}

TEST(Base64url, RejectsForeignCharactersAndImpossibleLengths) {
  EXPECT_FALSE(base64url_decode("ab+c"));
  EXPECT_FALSE(base64url_decode("ab/c"));
  EXPECT_FALSE(base64url_decode("abc="));
  EXPECT_FALSE(base64url_decode("abcde"));
  EXPECT_TRUE(base64url_decode(""));
}

TEST(Digests, Sha256AndHmacMatchPublishedVectors) {
  EXPECT_EQ(to_hex(sha256("abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  // RFC 4231 test case 2.
  EXPECT_EQ(to_hex(hmac_sha256("Jefe", "what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(Digests, ConstantTimeEqualComparesLengthAndBytes) {
  EXPECT_TRUE(constant_time_equal("abc", "abc"));
  EXPECT_FALSE(constant_time_equal("abc", "abd"));
  EXPECT_FALSE(constant_time_equal("abc", "abcd"));
  EXPECT_TRUE(constant_time_equal("", ""));
}

TEST(Digests, RandomBytesDiffer) {
  auto a = random_bytes(32), b = random_bytes(32);
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->size(), 32u);
  EXPECT_NE(*a, *b);
}

TEST(TwentyKeys, KeyIsHexSha256OfSecretBodyAndType) {
  // Recomputed by hand: sha256("replace_me_with_a_random_string" + ws + "ACCESS").
  auto key = derive_signing_key("s", "w", token_type::access);
  EXPECT_EQ(key, to_hex(sha256("swACCESS")));
  EXPECT_EQ(key.size(), 64u);
  EXPECT_NE(key, derive_signing_key("s", "w", token_type::api_key));
  EXPECT_EQ(token_type_name(token_type::workspace_agnostic), "WORKSPACE_AGNOSTIC");
  EXPECT_EQ(parse_token_type("API_KEY"), token_type::api_key);
  EXPECT_FALSE(parse_token_type("PLAYGROUND"));
}

TEST(Jwt, SignThenDecodeAndVerify) {
  boost::json::object p{{"sub", "x"}, {"exp", 2000}};
  auto token = sign_hs256(p, "key");
  auto d = decode_jwt(token);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->header.at("alg").as_string(), "HS256");
  EXPECT_EQ(d->header.at("typ").as_string(), "JWT");
  EXPECT_EQ(d->payload, p);
  EXPECT_EQ(verify_hs256(*d, "key", 1999), jwt_check::ok);
  EXPECT_EQ(verify_hs256(*d, "key", 2000), jwt_check::expired);
  EXPECT_EQ(verify_hs256(*d, "other", 1999), jwt_check::bad_signature);
}

TEST(Jwt, NonCanonicalSignatureEncodingIsRejected) {
  // Flipping the unused low bits of the last character keeps the bytes but not the text.
  auto token = sign_hs256({{"sub", "x"}, {"exp", 2000}}, "key");
  auto last = token.back();
  auto pos =
      std::string("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_").find(last);
  token.back() = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"[pos ^ 1];
  auto d = decode_jwt(token);
  ASSERT_TRUE(d);
  EXPECT_EQ(verify_hs256(*d, "key", 1), jwt_check::bad_signature);
}

TEST(Jwt, MalformedTokensDoNotDecode) {
  EXPECT_FALSE(decode_jwt("abc"));
  EXPECT_FALSE(decode_jwt("a.b"));
  EXPECT_FALSE(decode_jwt(".."));
  EXPECT_FALSE(decode_jwt("eyJhIjoxfQ..sig"));
  EXPECT_FALSE(decode_jwt("eyJhIjoxfQ.eyJhIjoxfQ.sig.more"));
  EXPECT_FALSE(decode_jwt("eyJhIjoxfQ.eyJhIjox.sig"));  // truncated JSON
  EXPECT_TRUE(decode_jwt("eyJhIjoxfQ.eyJhIjoxfQ."));    // empty signature decodes, never verifies
}
