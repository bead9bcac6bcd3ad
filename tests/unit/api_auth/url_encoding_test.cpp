// The two encoders of links, checked against what JavaScript answers for the same input:
// encodeURIComponent("a b+c@d.e/f?g=h&i~j*k'(l)!é") and
// new URLSearchParams({v: "a b+c@d.e/f?g=h&i~j*k'(l)!é"}).toString().
#include <gtest/gtest.h>

#include "api/auth/url_encoding.hpp"

namespace auth = cohort::api::auth;

namespace {
constexpr const char* sample = "a b+c@d.e/f?g=h&i~j*k'(l)!\xC3\xA9";
}

TEST(UrlEncoding, LikeEncodeURIComponent) {
  EXPECT_EQ(auth::encode_uri_component(sample), "a%20b%2Bc%40d.e%2Ff%3Fg%3Dh%26i~j*k'(l)!%C3%A9");
  EXPECT_EQ(auth::encode_uri_component(""), "");
}

TEST(UrlEncoding, LikeURLSearchParams) {
  EXPECT_EQ(auth::encode_form_component(sample),
            "a+b%2Bc%40d.e%2Ff%3Fg%3Dh%26i%7Ej*k%27%28l%29%21%C3%A9");
}
