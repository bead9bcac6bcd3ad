// Target URLs: what is accepted as an http(s) webhook target and the normal form it is stored in.
#include <gtest/gtest.h>

#include "api/http/outbound_url.hpp"
#include "api/webhooks/webhook_input.hpp"

using cohort::api::http::parse_outbound_url;
using cohort::api::webhooks::normalize_target_url;

TEST(TargetUrl, NormalFormAsAUrlParserWritesIt) {
  EXPECT_EQ(normalize_target_url("https://example.com"), "https://example.com/");
  EXPECT_EQ(normalize_target_url("HTTPS://Example.COM/Hook"), "https://example.com/Hook");
  EXPECT_EQ(normalize_target_url("http://example.com:80/a?b=c"), "http://example.com/a?b=c");
  EXPECT_EQ(normalize_target_url("https://example.com:8443/x"), "https://example.com:8443/x");
  EXPECT_EQ(normalize_target_url("  http://example.com/a b  "), "http://example.com/a%20b");
  EXPECT_EQ(normalize_target_url("http://[::1]:3000/h"), "http://[::1]:3000/h");
  EXPECT_EQ(normalize_target_url("http://example.com?x=1"), "http://example.com/?x=1");
  EXPECT_EQ(normalize_target_url("http://example.com\\a\\b?q=\\"), "http://example.com/a/b?q=\\");
}

TEST(TargetUrl, RefusesWhatIsNotAnHttpUrl) {
  for (const char* bad :
       {"", "invalid-url", "example.com/hook", "ftp://example.com/", "javascript:alert(1)",
        "http://", "http://exa mple.com/", "http://example.com:99999/", "http://example.com:abc/",
        "mailto:a@b.c", "http://[::1/"}) {
    EXPECT_FALSE(normalize_target_url(bad).has_value()) << bad;
  }
}

TEST(TargetUrl, PartsForTheRequest) {
  auto url = parse_outbound_url("https://user:pw@Hooks.Example:8443/in/x?y=1#frag");
  ASSERT_TRUE(url.has_value());
  EXPECT_EQ(url->scheme, "https");
  EXPECT_EQ(url->userinfo, "user:pw");
  EXPECT_EQ(url->host, "hooks.example");
  EXPECT_EQ(url->port, 8443);
  EXPECT_EQ(url->target, "/in/x?y=1");
  EXPECT_EQ(url->fragment, "frag");
  EXPECT_EQ(url->host_header(), "hooks.example:8443");
  auto v6 = parse_outbound_url("http://[::ffff:127.0.0.1]/");
  ASSERT_TRUE(v6.has_value());
  EXPECT_TRUE(v6->ipv6_literal);
  EXPECT_EQ(v6->host, "::ffff:127.0.0.1");
  EXPECT_EQ(v6->port, 80);
  EXPECT_EQ(v6->host_header(), "[::ffff:127.0.0.1]");
}
